/**
 * The product form's values and their schema: the contract's own field schemas (so the form refuses
 * exactly what core would), behind the few conversions a form needs — the price typed as a decimal
 * in the store's currency becomes minor units, empty optional fields become null. Pure, so it is
 * tested under Node.
 */
import { latinDigits } from '#shared/i18n/digits'
import { z } from 'zod'
import { catalogContract, MAX_PRICE_CENTS, type ProductAdminDto } from '#shared/contract/catalog'
import type { TaxRateDto } from '#shared/contract/taxes'
import { decimalAmount, parseDecimalAmount } from '#shared/money/money'
import type { ProductCreateInput, ProductUpdateInput } from './products.slice'

const fields = catalogContract['products:create'].input.shape

/** What the inputs hold: text, as typed. */
export interface ProductFormValues {
  sku: string
  name: string
  price: string
  barcode: string
  /** A category id as text, or '' for none. */
  categoryId: string
  tags: string[]
  /** The taxes it is sold with, in the list's order. */
  taxRateIds: number[]
  lowStockAt: string
  openingStock: string
}

export const FORM_FIELDS = ['sku', 'name', 'price', 'barcode', 'categoryId', 'tags', 'taxRateIds', 'lowStockAt', 'openingStock'] as const
export type FormField = (typeof FORM_FIELDS)[number]

const emptyToNull = (value: string): string | null | undefined => (value.trim() === '' ? null : value)

/** A whole count as typed ("12", "१२"), or NaN so the contract's integer schema refuses it. */
const count = (value: string): number | null | undefined => {
  const typed = latinDigits(value).trim()
  return typed === '' ? null : /^\d{1,7}$/.test(typed) ? Number(typed) : Number.NaN
}

/**
 * The form's schema for a store whose currency has `decimals` minor digits; `priceRefused` is the
 * error a price that is not an amount gets (the form's encoded message).
 */
export function productFormSchema(decimals: number, priceRefused: string) {
  return z.object({
    sku: fields.sku,
    name: fields.name,
    price: z
      .string()
      .transform((value, context) => {
        const cents = parseDecimalAmount(value, decimals)
        // Past the cap the contract would say "too big" in minor units: one text for both, in the currency.
        if (cents === null || cents > MAX_PRICE_CENTS) {
          context.addIssue({ code: 'custom', message: priceRefused })
          return z.NEVER
        }
        return cents
      })
      .pipe(fields.priceCents),
    barcode: z.string().transform(emptyToNull).pipe(fields.barcode),
    categoryId: z
      .string()
      .transform((value): number | null | undefined => (value === '' ? null : Number(value)))
      .pipe(fields.categoryId),
    tags: fields.tags.unwrap(),
    taxRateIds: fields.taxRateIds.unwrap(),
    lowStockAt: z.string().transform(count).pipe(fields.lowStockAt),
    openingStock: z
      .string()
      .transform((value) => count(value) ?? undefined)
      .pipe(fields.openingStock),
  })
}

export type ProductFormOutput = z.output<ReturnType<typeof productFormSchema>>

/** What a new product starts with: the store's default taxes that exist and are switched on, in the default's order. */
export function startingTaxes(defaults: readonly number[], rates: readonly TaxRateDto[] | null): number[] {
  return defaults.filter((taxId) => rates?.some((tax) => tax.id === taxId && tax.active))
}

/** A new product's form: empty, with the store's default taxes ticked. */
export function emptyFormValues(taxRateIds: readonly number[] = []): ProductFormValues {
  return {
    sku: '',
    name: '',
    price: '',
    barcode: '',
    categoryId: '',
    tags: [],
    taxRateIds: [...taxRateIds],
    lowStockAt: '',
    openingStock: '',
  }
}

/** The form filled from a product, its price written in the store's decimals. */
export function formValuesOf(product: ProductAdminDto, decimals: number): ProductFormValues {
  return {
    sku: product.sku,
    name: product.name,
    price: decimalAmount(product.priceCents, decimals),
    barcode: product.barcode ?? '',
    categoryId: product.category ? String(product.category.id) : '',
    tags: [...product.tags],
    taxRateIds: [...product.taxRateIds],
    lowStockAt: product.lowStockAt === null ? '' : String(product.lowStockAt),
    openingStock: '',
  }
}

export function createInputOf(values: ProductFormOutput): ProductCreateInput {
  return {
    sku: values.sku,
    name: values.name,
    priceCents: values.price,
    barcode: values.barcode ?? null,
    categoryId: values.categoryId ?? null,
    tags: values.tags ?? [],
    taxRateIds: values.taxRateIds,
    lowStockAt: values.lowStockAt ?? null,
    ...(values.openingStock !== undefined ? { openingStock: values.openingStock } : {}),
  }
}

/** An edit sends every field the form holds; opening stock is only for a new product. */
export function updateInputOf(id: number, values: ProductFormOutput): ProductUpdateInput {
  const { openingStock: _openingStock, ...input } = createInputOf(values)
  return { id, ...input }
}

/**
 * Free tags typed into one box: split at commas, trimmed, empty ones dropped, and each only once
 * (ignoring case), keeping the first spelling.
 */
export function addTags(current: readonly string[], typed: string): string[] {
  const next = [...current]
  for (const part of typed.split(',')) {
    const tag = part.trim()
    if (tag !== '' && !next.some((existing) => existing.toLowerCase() === tag.toLowerCase())) next.push(tag)
  }
  return next
}
