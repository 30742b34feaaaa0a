import { z } from 'zod'
import { channel } from '../ipc/channel'
import { looksLikeTokenCode } from '../codes/token-code'
import { id, isoDateTime, nonNegativeCents, protectedInput, text } from './common'
import { taxRateIds } from './taxes'

/** The highest price a product may have, in minor units (a catalog cap: the schemas of product edits use it). */
export const MAX_PRICE_CENTS = 1_000_000_000_000

export const productDto = z.strictObject({
  id,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  priceCents: nonNegativeCents,
  stock: z.int(),
  /** The product's first image (`<sha256>.<ext>` under the app's `images/`), for a thumbnail; null without one. */
  imageFile: z.string().nullable(),
})
export type ProductDto = z.infer<typeof productDto>

/** The name of a stored product image: the SHA-256 of its bytes and its type. Nothing else is served from `images/`. */
export const PRODUCT_IMAGE_FILE = /^[0-9a-f]{64}\.(png|jpg|webp)$/
/** The largest image file a product takes, in bytes (5 MB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

/** A product image, stored under `images/` by the hash of its bytes and served by the app's protocol at `images/<file>`. */
export const productImageDto = z.strictObject({ id, file: z.string().regex(PRODUCT_IMAGE_FILE) })
export type ProductImageDto = z.infer<typeof productImageDto>

export const categoryDto = z.strictObject({ id, name: z.string(), productCount: z.int().min(0) })
export type CategoryDto = z.infer<typeof categoryDto>

/** A product as the back office sees it. `archived` products cannot be sold; a sold product is never deleted. */
export const productAdminDto = productDto.extend({
  category: z.strictObject({ id, name: z.string() }).nullable(),
  tags: z.array(z.string()),
  /** The taxes the product is sold with, by id (a switched-off one stays listed but is not charged). */
  taxRateIds: z.array(id),
  images: z.array(productImageDto),
  /** Low on stock at or below this count; null: the store's default. */
  lowStockAt: z.int().min(0).nullable(),
  /** The threshold in force (its own or the store's default) and whether the product is at or below it. */
  low: z.boolean(),
  archived: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type ProductAdminDto = z.infer<typeof productAdminDto>

/** A free tag: letters, digits, spaces and `-_./&`, never `|` (the CSV separator). */
export const tagText = text(40)
  .min(1)
  .refine((value) => !value.includes('|'), 'must not contain |')
/** A product code: a token card's shape is refused, as the till would read such a scan as the card. */
const productCode = () =>
  text(64)
    .min(1)
    .refine((value) => !looksLikeTokenCode(value), 'must not look like a token code')
export const skuText = productCode()
export const barcodeText = productCode()

export const productSort = z.enum(['name', 'sku', 'price', 'stock'])
export type ProductSort = z.infer<typeof productSort>

const productFields = {
  sku: skuText,
  name: text(200).min(1),
  priceCents: z.int().min(0).max(MAX_PRICE_CENTS),
  barcode: barcodeText.nullable().optional(),
  categoryId: id.nullable().optional(),
  tags: z.array(tagText).max(20).optional(),
  /**
   * The taxes it is sold with (replaces them all). Unknown or switched-off rates are refused
   * (VALIDATION_FAILED unknownTaxRate / inactiveTaxRate); a new product without it gets the store's
   * default taxes that are switched on.
   */
  taxRateIds: taxRateIds.optional(),
  lowStockAt: z.int().min(0).max(1_000_000).nullable().optional(),
}

export const productListInput = protectedInput({
  query: text(200).optional(),
  categoryId: id.optional(),
  tag: tagText.optional(),
  status: z.enum(['active', 'archived', 'all']).optional(),
  lowStock: z.boolean().optional(),
  sort: productSort.optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  limit: z.int().min(1).max(200).optional(),
  offset: z.int().min(0).max(10_000_000).optional(),
})
export type ProductListInput = z.infer<typeof productListInput>

/** Import / export (CSV): `sku,name,price` required; `barcode,category,tags,stock,low_stock,archived` optional. */
export const importErrorDto = z.strictObject({
  /** The file's line (1 is the header). */
  line: z.int().min(1),
  column: z.string().optional(),
  /** What is wrong, as a code the screen words: see IMPORT_PROBLEMS. */
  problem: z.enum([
    'missingColumn',
    'unknownColumn',
    'duplicateColumn',
    'badPrice',
    'badNumber',
    'badBoolean',
    'missing',
    'tooLong',
    'duplicateInFile',
    'takenByOther',
    'badCsv',
    'tooManyRows',
    /** A control character (a line break inside a quoted name, NUL…), which no name or code may hold. */
    'badText',
    /** A SKU or barcode shaped like a token card's code, which the till would read as the card. */
    'tokenShaped',
  ]),
  /**
   * The offending value, clipped; for takenByOther the other product's SKU; for badCsv what broke the
   * record (`unclosedQuote`, `strayQuote`, `fieldCount`, or the parser's own code); for tooManyRows the
   * most rows a file may have.
   */
  value: z.string().optional(),
  /** For duplicateInFile, the line that had it first. */
  otherLine: z.int().optional(),
})
export type ImportErrorDto = z.infer<typeof importErrorDto>

export const importResultDto = z.strictObject({
  rows: z.int().min(0),
  creates: z.int().min(0),
  updates: z.int().min(0),
  unchanged: z.int().min(0),
  /** The first 500 errors, in line order; `errorCount` has them all. */
  errors: z.array(importErrorDto),
  errorCount: z.int().min(0),
  /** Category names the file uses that the store does not have yet: apply creates them. */
  newCategories: z.int().min(0),
  applied: z.boolean(),
})
export type ImportResultDto = z.infer<typeof importResultDto>

/** A file of up to 100k products: about 10 MB of CSV. */
export const MAX_IMPORT_CHARS = 20_000_000

export const catalogContract = {
  'catalog:search': channel(
    'signedIn',
    z.strictObject({
      query: text(200).optional(),
      limit: z.int().min(1).max(100).optional(),
      offset: z.int().min(0).max(1_000_000).optional(),
    }),
    z.strictObject({
      items: z.array(productDto),
      total: z.int().min(0),
      /** Matches are counted only up to a cap (cheap totals at any catalog size): true means "at least total". */
      totalIsCapped: z.boolean(),
    }),
  ),
  /** `keys`: what the keys that typed `code` spell on a US layout, tried when `code` finds nothing. */
  'catalog:lookup': channel('signedIn', z.strictObject({ code: text(64).min(1), keys: text(64).min(1).optional() }), productDto),

  /** The back office's table: paged in SQL, archived ones too when asked. Back-office reads are for managers: a cashier's till has catalog:search. */
  'products:list': channel('catalog.manage', productListInput, z.strictObject({ items: z.array(productAdminDto), total: z.int().min(0) })),
  'products:get': channel('catalog.manage', protectedInput({ id }), productAdminDto),
  /** SKU or barcode in use → CONFLICT naming the other product. `openingStock` is recorded as a movement. */
  'products:create': channel(
    'catalog.manage',
    protectedInput({ ...productFields, openingStock: z.int().min(0).max(1_000_000).optional() }),
    productAdminDto,
  ),
  /** A partial edit. A price change never alters past invoices (they keep the price they were sold at). */
  'products:update': channel(
    'catalog.manage',
    protectedInput({
      id,
      sku: productFields.sku.optional(),
      name: productFields.name.optional(),
      priceCents: productFields.priceCents.optional(),
      barcode: productFields.barcode,
      categoryId: productFields.categoryId,
      tags: productFields.tags,
      taxRateIds: productFields.taxRateIds,
      lowStockAt: productFields.lowStockAt,
    }),
    productAdminDto,
  ),
  'products:archive': channel('catalog.manage', protectedInput({ id }), productAdminDto),
  'products:unarchive': channel('catalog.manage', protectedInput({ id }), productAdminDto),
  /** Main's file dialog picks the images (PNG, JPEG or WebP, each ≤ 5 MB): no path crosses IPC. */
  'products:addImages': channel(
    'catalog.manage',
    protectedInput({ id }),
    z.discriminatedUnion('cancelled', [
      z.strictObject({ cancelled: z.literal(true) }),
      z.strictObject({ cancelled: z.literal(false), product: productAdminDto }),
    ]),
  ),
  'products:removeImage': channel('catalog.manage', protectedInput({ id, imageId: id }), productAdminDto),
  /** Every tag in use, with how many products carry it, for the filter. */
  'products:tags': channel(
    'catalog.manage',
    protectedInput({}),
    z.strictObject({ items: z.array(z.strictObject({ tag: z.string(), productCount: z.int().min(0) })) }),
  ),
  /**
   * Preview (`apply: false`) or apply a CSV. Apply is all or nothing, refused while the file has
   * errors (CONFLICT importErrors); the same file twice changes nothing the second time. Parsed off
   * core's thread; `jobId` lets the screen follow it with `products:importProgress`.
   */
  'products:import': channel(
    'catalog.manage',
    protectedInput({ csv: z.string().max(MAX_IMPORT_CHARS), apply: z.boolean(), jobId: z.uuid().optional() }),
    importResultDto,
  ),
  /**
   * Where an import is: `parsing` counts the file's lines, `checking` its rows, `applying` the
   * changes it writes; `waiting` is for the database (another call is using it). A job is forgotten a minute after it
   * is done (NOT_FOUND importJob); one import runs at a time (CONFLICT importRunning).
   */
  'products:importProgress': channel(
    'catalog.manage',
    protectedInput({ jobId: z.uuid() }),
    z.strictObject({ phase: z.enum(['waiting', 'parsing', 'checking', 'applying', 'done']), done: z.int().min(0), total: z.int().min(0) }),
  ),
  /** The whole catalog, archived products included, in the import's own format (formula-escaped). */
  'products:export': channel('catalog.manage', protectedInput({}), z.strictObject({ csv: z.string(), rows: z.int().min(0) })),
  /**
   * The same file saved where main's own save dialog points (no path crosses IPC): `saved: false`
   * when the person cancelled, and nothing was read or written. A file that cannot be written there
   * is CONFLICT csvFile and leaves nothing behind.
   */
  'products:exportFile': channel(
    'catalog.manage',
    protectedInput({}),
    z.discriminatedUnion('saved', [
      z.strictObject({ saved: z.literal(false) }),
      z.strictObject({ saved: z.literal(true), fileName: z.string(), rows: z.int().min(0), sizeBytes: z.int().min(0) }),
    ]),
  ),

  'categories:list': channel('catalog.manage', protectedInput({}), z.strictObject({ items: z.array(categoryDto) })),
  /** A name in use (ignoring case) → CONFLICT category. */
  'categories:create': channel('catalog.manage', protectedInput({ name: text(80).min(1) }), categoryDto),
  'categories:update': channel('catalog.manage', protectedInput({ id, name: text(80).min(1) }), categoryDto),
}
