import { describe, expect, it } from 'vitest'
import type { ProductAdminDto } from '#shared/contract/catalog'
import {
  addTags,
  createInputOf,
  emptyFormValues,
  formValuesOf,
  productFormSchema,
  startingTaxes,
  updateInputOf,
  type ProductFormValues,
} from './product-form.schema'

const PRICE_REFUSED = 'price refused'

const product: ProductAdminDto = {
  id: 7,
  sku: 'TEA-500',
  barcode: '8901234567000',
  name: 'Tea 500 g',
  priceCents: 45_050,
  stock: 12,
  imageFile: null,
  category: { id: 3, name: 'Drinks' },
  tags: ['hot', 'leaf'],
  taxRateIds: [1],
  images: [],
  lowStockAt: 4,
  low: false,
  archived: false,
  createdAt: '2026-03-15T04:15:00.000Z',
  updatedAt: '2026-03-15T04:15:00.000Z',
}

function parse(values: Partial<ProductFormValues>, decimals = 2) {
  return productFormSchema(decimals, PRICE_REFUSED).safeParse({ ...emptyFormValues(), sku: 'S-1', name: 'Soap', price: '10', ...values })
}

/** The fields the schema refused, by name. */
function refused(values: Partial<ProductFormValues>, decimals = 2): string[] {
  const result = parse(values, decimals)
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0])))]
}

describe('the product form', () => {
  it("turns a price typed in the store's decimals into minor units", () => {
    expect(parse({ price: '125.5' }).data?.price).toBe(12_550)
    expect(parse({ price: '1,250' }).data?.price).toBe(125_000)
    expect(parse({ price: '125' }, 0).data?.price).toBe(125)
    expect(parse({ price: '0.125' }, 3).data?.price).toBe(125)
    // Typed with a Nepali keyboard layout: the same figures.
    expect(parse({ price: '१,२५०.५०' }).data?.price).toBe(125_050)
    expect(parse({ lowStockAt: '५', openingStock: '२४' }).data).toMatchObject({ lowStockAt: 5, openingStock: 24 })
  })

  it('refuses a price that is not an amount of the currency, or past the cap, with its own text', () => {
    for (const [price, decimals] of [
      ['1.234', 2],
      ['12.5', 0],
      ['', 2],
      ['-3', 2],
      ['abc', 2],
      ['10000000000.01', 2],
    ] as const) {
      const result = parse({ price }, decimals)
      expect(result.success, `${price} with ${decimals} decimals`).toBe(false)
      expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['price', PRICE_REFUSED]])
    }
    expect(parse({ price: '10000000000.00' }).data?.price).toBe(1_000_000_000_000)
  })

  it("holds every other field to the contract's own rules", () => {
    expect(refused({ sku: '' })).toEqual(['sku'])
    expect(refused({ sku: 'x'.repeat(65) })).toEqual(['sku'])
    expect(refused({ name: '   ' })).toEqual(['name'])
    expect(refused({ name: 'x'.repeat(201) })).toEqual(['name'])
    expect(refused({ barcode: 'x'.repeat(65) })).toEqual(['barcode'])
    expect(refused({ tags: ['a|b'] })).toEqual(['tags'])
    expect(refused({ tags: Array.from({ length: 21 }, (_, index) => `t${index}`) })).toEqual(['tags'])
    expect(refused({ lowStockAt: 'five' })).toEqual(['lowStockAt'])
    expect(refused({ lowStockAt: '१.५' })).toEqual(['lowStockAt'])
    expect(refused({ lowStockAt: '-1' })).toEqual(['lowStockAt'])
    expect(refused({ openingStock: '1.5' })).toEqual(['openingStock'])
    expect(refused({ openingStock: '1000001' })).toEqual(['openingStock'])
    expect(refused({ taxRateIds: Array.from({ length: 11 }, (_, index) => index + 1) })).toEqual(['taxRateIds'])
    expect(refused({ taxRateIds: [0] })).toEqual(['taxRateIds'])
  })

  it('sends empty optional fields as none', () => {
    const values = parse({ sku: ' S-1 ', barcode: '  ', categoryId: '', lowStockAt: '', openingStock: '' }).data
    expect(values && createInputOf(values)).toEqual({
      sku: 'S-1',
      name: 'Soap',
      priceCents: 1_000,
      barcode: null,
      categoryId: null,
      tags: [],
      taxRateIds: [],
      lowStockAt: null,
    })
  })

  it('starts a new product with the store’s default taxes and sends the ones ticked', () => {
    expect(emptyFormValues([1, 4]).taxRateIds).toEqual([1, 4])
    const rates = [
      { id: 1, name: 'VAT', rateBps: 1300, included: true, active: true, productCount: 0 },
      { id: 3, name: 'Old', rateBps: 500, included: false, active: false, productCount: 0 },
      { id: 4, name: 'Levy', rateBps: 100, included: false, active: true, productCount: 0 },
    ]
    expect(startingTaxes([4, 3, 1, 9], rates)).toEqual([4, 1])
    expect(startingTaxes([1], null)).toEqual([])
    const values = parse({ taxRateIds: [4] }).data
    expect(values && createInputOf(values).taxRateIds).toEqual([4])
    expect(values && updateInputOf(9, values).taxRateIds).toEqual([4])
  })

  it('sends opening stock only for a new product', () => {
    const values = parse({ openingStock: '24', categoryId: '3', lowStockAt: '0' }).data
    if (!values) throw new Error('expected the form to pass')
    expect(createInputOf(values)).toMatchObject({ openingStock: 24, categoryId: 3, lowStockAt: 0 })
    expect(updateInputOf(9, values)).not.toHaveProperty('openingStock')
    expect(updateInputOf(9, values)).toMatchObject({ id: 9, categoryId: 3 })
  })

  it('opens on a product and saves it back unchanged', () => {
    const values = formValuesOf(product, 2)
    expect(values.price).toBe('450.50')
    const parsed = productFormSchema(2, PRICE_REFUSED).parse(values)
    expect(updateInputOf(product.id, parsed)).toEqual({
      id: product.id,
      sku: product.sku,
      name: product.name,
      priceCents: product.priceCents,
      barcode: product.barcode,
      categoryId: product.category?.id,
      tags: product.tags,
      taxRateIds: product.taxRateIds,
      lowStockAt: product.lowStockAt,
    })
  })

  it('adds typed tags once each, ignoring case and empty parts', () => {
    expect(addTags(['Hot'], 'hot, leaf,, green ,')).toEqual(['Hot', 'leaf', 'green'])
    expect(addTags([], '   ')).toEqual([])
  })
})
