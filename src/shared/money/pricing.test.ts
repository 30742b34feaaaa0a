import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PricingError, priceSale, roundCash, type Discount, type PriceSaleInput, type PricingLine, type PricingTax } from './pricing'

const VAT_INCLUDED: PricingTax = { id: 1, rateBps: 1300, included: true }
const VAT_ADDED: PricingTax = { id: 2, rateBps: 1300, included: false }

const line = (key: string, unitPriceCents: number, quantity: number, taxes: PricingTax[] = [], discount?: Discount): PricingLine => ({
  key,
  unitPriceCents,
  quantity,
  taxes,
  discount,
})

const sale = (lines: PricingLine[], rest: Partial<PriceSaleInput> = {}): PriceSaleInput => ({
  currencyDecimals: 2,
  taxRounding: 'perLine',
  lines,
  ...rest,
})

function problemOf(input: PriceSaleInput): string {
  try {
    priceSale(input)
  } catch (error) {
    if (error instanceof PricingError) return error.problem
    throw error
  }
  return 'priced'
}

describe('priceSale: hand-computed cases', () => {
  it('takes VAT out of a tax-inclusive shelf price', () => {
    const priced = priceSale(sale([line('milk', 11_300, 1, [VAT_INCLUDED])]))
    expect(priced.lines[0]).toMatchObject({ grossCents: 11_300, discountCents: 0, netCents: 10_000, taxCents: 1_300, totalCents: 11_300 })
    expect(priced.taxes).toEqual([{ id: 1, rateBps: 1300, included: true, baseCents: 10_000, taxCents: 1_300 }])
    expect(priced).toMatchObject({ subtotalCents: 10_000, taxCents: 1_300, totalCents: 11_300, discountCents: 0 })
  })

  it('adds an excluded tax on top of the net', () => {
    const priced = priceSale(sale([line('tea', 2_500, 4, [VAT_ADDED])]))
    expect(priced).toMatchObject({ subtotalCents: 10_000, taxCents: 1_300, totalCents: 11_300 })
  })

  it('rounds tax half up at the minor unit', () => {
    // 0.50 at 13% excluded = 0.065 → 0.07; 0.10 at 5% = 0.005 → 0.01.
    expect(priceSale(sale([line('a', 50, 1, [VAT_ADDED])])).taxCents).toBe(7)
    expect(priceSale(sale([line('a', 10, 1, [{ id: 3, rateBps: 500, included: false }])])).taxCents).toBe(1)
  })

  it('rounds each line, or each tax over the sale once and spreads it back', () => {
    const fivePercent: PricingTax = { id: 3, rateBps: 500, included: false }
    const lines = [line('a', 10, 1, [fivePercent]), line('b', 10, 1, [fivePercent]), line('c', 10, 1, [fivePercent])]
    const perLine = priceSale(sale(lines))
    expect(perLine.lines.map((l) => l.taxCents)).toEqual([1, 1, 1])
    expect(perLine.taxCents).toBe(3)
    const global = priceSale(sale(lines, { taxRounding: 'global' }))
    // 3 × 0.5 = 1.5 → 2, the two cents to the lowest keys (every remainder ties).
    expect(global.taxCents).toBe(2)
    expect(global.lines.map((l) => l.taxCents)).toEqual([1, 1, 0])
    expect(global.taxes[0]).toMatchObject({ baseCents: 30, taxCents: 2 })
    expect(global.totalCents).toBe(32)
  })

  it('strips several included taxes together and adds excluded ones on the net', () => {
    const ten: PricingTax = { id: 5, rateBps: 1000, included: true }
    const five: PricingTax = { id: 6, rateBps: 500, included: true }
    const priced = priceSale(sale([line('x', 1_000, 1, [ten, five])]))
    // 1000 × 10/115 = 86.96 → 87; 1000 × 5/115 = 43.48 → 43; net 870.
    expect(priced.lines[0]!.taxes).toEqual([
      { id: 5, taxCents: 87 },
      { id: 6, taxCents: 43 },
    ])
    expect(priced.lines[0]).toMatchObject({ netCents: 870, taxCents: 130, totalCents: 1_000 })

    const service: PricingTax = { id: 7, rateBps: 1000, included: false }
    const mixed = priceSale(sale([line('x', 1_130, 1, [VAT_INCLUDED, service])]))
    expect(mixed.lines[0]).toMatchObject({ netCents: 1_000, taxCents: 230, totalCents: 1_230 })
    expect(mixed.taxes.map((t) => [t.id, t.baseCents, t.taxCents])).toEqual([
      [1, 1_000, 130],
      [7, 1_000, 100],
    ])
  })

  it('takes a line discount before tax', () => {
    const priced = priceSale(sale([line('a', 11_300, 2, [VAT_INCLUDED], { kind: 'percent', bps: 1000 })]))
    // 226.00 − 10% = 203.40 incl. VAT: tax 203.40 × 13/113 = 23.40.
    expect(priced.lines[0]).toMatchObject({
      grossCents: 22_600,
      discountCents: 2_260,
      netCents: 18_000,
      taxCents: 2_340,
      totalCents: 20_340,
    })
    const amount = priceSale(sale([line('a', 1_000, 1, [VAT_ADDED], { kind: 'amount', cents: 250 })]))
    expect(amount.lines[0]).toMatchObject({ discountCents: 250, netCents: 750, taxCents: 98, totalCents: 848 })
  })

  it('shares an order discount pro rata, leftover cents to the largest remainders', () => {
    const priced = priceSale(
      sale([line('a', 100, 1), line('b', 200, 1), line('c', 300, 1)], { orderDiscounts: [{ discount: { kind: 'amount', cents: 100 } }] }),
    )
    // Exact shares 16.67, 33.33, 50: floors 16 + 33 + 50 = 99, the last cent to a (0.67).
    expect(priced.lines.map((l) => l.discountCents)).toEqual([17, 33, 50])
    expect(priced.orderDiscounts).toEqual([{ discountCents: 100 }])
    expect(priced.totalCents).toBe(500)
  })

  it('breaks remainder ties by the lowest key, whatever the order of the lines', () => {
    const orderDiscounts = [{ discount: { kind: 'amount', cents: 1 } as const }]
    const forward = priceSale(sale([line('a', 1, 1), line('b', 1, 1), line('c', 1, 1)], { orderDiscounts }))
    const backward = priceSale(sale([line('c', 1, 1), line('b', 1, 1), line('a', 1, 1)], { orderDiscounts }))
    expect(forward.lines.find((l) => l.key === 'a')!.discountCents).toBe(1)
    expect(backward.lines.find((l) => l.key === 'a')!.discountCents).toBe(1)
    expect(backward.lines.find((l) => l.key === 'c')!.discountCents).toBe(0)
  })

  it('applies a promo to its qualifying lines only, on their price after their own discount', () => {
    const priced = priceSale(
      sale([line('a', 1_000, 1, [], { kind: 'amount', cents: 200 }), line('b', 1_000, 1)], {
        orderDiscounts: [{ discount: { kind: 'percent', bps: 1000 }, lineKeys: ['a'] }],
      }),
    )
    expect(priced.lines.map((l) => l.discountCents)).toEqual([280, 0])
    expect(priced.totalCents).toBe(1_720)
  })

  it('turns a percent order discount into an amount half up', () => {
    const priced = priceSale(sale([line('a', 999, 1)], { orderDiscounts: [{ discount: { kind: 'percent', bps: 1000 } }] }))
    expect(priced.discountCents).toBe(100)
  })

  it('prices 0- and 3-decimal currencies with the same minor-unit arithmetic', () => {
    const yen = priceSale(sale([line('a', 1_130, 1, [VAT_INCLUDED])], { currencyDecimals: 0 }))
    expect(yen).toMatchObject({ subtotalCents: 1_000, taxCents: 130, totalCents: 1_130 })
    const dinar = priceSale(sale([line('a', 1_005, 1, [{ id: 9, rateBps: 500, included: false }])], { currencyDecimals: 3 }))
    expect(dinar.taxCents).toBe(50)
  })

  it('stays exact past 2^53 inside, and refuses a figure that would not fit', () => {
    const big = priceSale(sale([line('a', 90_000_000_000, 99_999, [VAT_INCLUDED])]))
    // 8 999 910 000 000 000 × 13 ÷ 113 = 1 035 387 876 106 194.69…, which a double cannot hold to the unit.
    expect(big.lines[0]).toMatchObject({
      totalCents: 8_999_910_000_000_000,
      taxCents: 1_035_387_876_106_195,
      netCents: 7_964_522_123_893_805,
    })
    expect(problemOf(sale([line('a', 1_000_000_000_000, 99_999)]))).toBe('tooLarge')
    expect(problemOf(sale([line('a', 90_000_000_000, 99_999, [VAT_ADDED])]))).toBe('tooLarge')
  })

  it('prices an empty sale as zero', () => {
    expect(priceSale(sale([]))).toEqual({
      lines: [],
      subtotalCents: 0,
      discountCents: 0,
      taxCents: 0,
      totalCents: 0,
      taxes: [],
      orderDiscounts: [],
    })
  })
})

describe('priceSale: refusals', () => {
  it('refuses discounts larger than what they apply to', () => {
    expect(problemOf(sale([line('a', 100, 1, [], { kind: 'amount', cents: 101 })]))).toBe('discountExceedsPrice')
    expect(problemOf(sale([line('a', 100, 1)], { orderDiscounts: [{ discount: { kind: 'amount', cents: 101 } }] }))).toBe(
      'discountExceedsPrice',
    )
    // Each fits alone; together they need more than the line has.
    expect(
      problemOf(
        sale([line('a', 100, 1)], {
          orderDiscounts: [{ discount: { kind: 'percent', bps: 6000 } }, { discount: { kind: 'percent', bps: 5000 } }],
        }),
      ),
    ).toBe('discountExceedsPrice')
    expect(problemOf(sale([line('a', 0, 1)], { orderDiscounts: [{ discount: { kind: 'amount', cents: 1 } }] }))).toBe(
      'discountExceedsPrice',
    )
  })

  it('refuses input that breaks its own rules', () => {
    const cases: PriceSaleInput[] = [
      sale([line('a', -1, 1)]),
      sale([line('a', 1.5, 1)]),
      sale([line('a', 100, 0)]),
      sale([line('a', 100, 1), line('a', 100, 1)]),
      sale([line('', 100, 1)]),
      sale([line('a', 100, 1, [{ id: 1, rateBps: -1, included: false }])]),
      sale([line('a', 100, 1, [{ id: 1, rateBps: 10_001, included: false }])]),
      sale([line('a', 100, 1, [VAT_INCLUDED, VAT_INCLUDED])]),
      sale([line('a', 100, 1, [VAT_INCLUDED]), line('b', 100, 1, [{ ...VAT_INCLUDED, rateBps: 500 }])]),
      sale([line('a', 100, 1, [], { kind: 'percent', bps: 10_001 })]),
      sale([line('a', 100, 1)], { orderDiscounts: [{ discount: { kind: 'amount', cents: 1 }, lineKeys: ['nope'] }] }),
      sale([line('a', 100, 1)], { currencyDecimals: 1 }),
    ]
    for (const input of cases) expect(problemOf(input), JSON.stringify(input)).toBe('invalidInput')
  })

  it('changes nothing it is given', () => {
    const input = sale([line('a', 1_130, 3, [VAT_INCLUDED], { kind: 'percent', bps: 500 })], {
      orderDiscounts: [{ discount: { kind: 'amount', cents: 40 } }],
    })
    const before = JSON.stringify(input)
    priceSale(input)
    expect(JSON.stringify(input)).toBe(before)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const TAXES: PricingTax[] = [
  { id: 1, rateBps: 1300, included: true },
  { id: 2, rateBps: 500, included: true },
  { id: 3, rateBps: 1300, included: false },
  { id: 4, rateBps: 825, included: false },
  { id: 5, rateBps: 0, included: false },
]

const discountArb = fc.oneof(
  fc.constant(undefined),
  fc.record({ kind: fc.constant('percent' as const), bps: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount' as const), cents: fc.integer({ min: 0, max: 5_000 }) }),
)

const lineArb = fc.record({
  unitPriceCents: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 50_000_000 })),
  quantity: fc.integer({ min: 1, max: 50 }),
  taxes: fc.subarray(TAXES, { maxLength: 3 }),
  discount: discountArb,
})

const saleArb = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
    taxRounding: fc.constantFrom('perLine' as const, 'global' as const),
    currencyDecimals: fc.constantFrom(0, 2, 3),
    orders: fc.array(
      fc.record({
        discount: fc.oneof(
          fc.record({ kind: fc.constant('percent' as const), bps: fc.integer({ min: 0, max: 3_000 }) }),
          fc.record({ kind: fc.constant('amount' as const), cents: fc.integer({ min: 0, max: 3_000 }) }),
        ),
        some: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
  })
  .map(({ lines, taxRounding, currencyDecimals, orders }): PriceSaleInput => {
    const keyed = lines.map((l, index) => ({ ...l, key: `k${String(index).padStart(2, '0')}` }))
    return {
      currencyDecimals,
      taxRounding,
      lines: keyed,
      orderDiscounts: orders.map((order) => ({
        discount: order.discount,
        lineKeys: order.some ? [...new Set(order.some.map((n) => keyed[n % keyed.length]!.key))] : undefined,
      })),
    }
  })

/** Prices, or null where the engine refuses (a discount bigger than its line, drawn at random). */
function tryPrice(input: PriceSaleInput) {
  try {
    return priceSale(input)
  } catch (error) {
    if (error instanceof PricingError && error.problem === 'discountExceedsPrice') return null
    throw error
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

describe('priceSale: properties', () => {
  it('totals are the sums of their lines, and every tax row the sum of its lines', () => {
    fc.assert(
      fc.property(saleArb, (input) => {
        const priced = tryPrice(input)
        if (!priced) return
        expect(priced.totalCents).toBe(sum(priced.lines.map((l) => l.totalCents)))
        expect(priced.subtotalCents).toBe(sum(priced.lines.map((l) => l.netCents)))
        expect(priced.taxCents).toBe(sum(priced.lines.map((l) => l.taxCents)))
        expect(priced.discountCents).toBe(sum(priced.lines.map((l) => l.discountCents)))
        expect(priced.taxCents).toBe(sum(priced.taxes.map((t) => t.taxCents)))
        expect(priced.totalCents).toBe(priced.subtotalCents + priced.taxCents)
        for (const row of priced.taxes) {
          const carrying = priced.lines.filter((l) => l.taxes.some((t) => t.id === row.id))
          expect(row.taxCents).toBe(sum(carrying.map((l) => l.taxes.find((t) => t.id === row.id)!.taxCents)))
          expect(row.baseCents).toBe(sum(carrying.map((l) => l.netCents)))
        }
        for (const l of priced.lines) {
          expect(l.taxCents).toBe(sum(l.taxes.map((t) => t.taxCents)))
          expect(l.totalCents).toBe(l.netCents + l.taxCents)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('never makes a tax, a net or a total negative, nor a discount bigger than its line', () => {
    fc.assert(
      fc.property(saleArb, (input) => {
        const priced = tryPrice(input)
        if (!priced) return
        for (const l of priced.lines) {
          for (const t of l.taxes) expect(t.taxCents).toBeGreaterThanOrEqual(0)
          expect(l.netCents).toBeGreaterThanOrEqual(0)
          expect(l.discountCents).toBeGreaterThanOrEqual(0)
          expect(l.discountCents).toBeLessThanOrEqual(l.grossCents)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('keeps each tax within half a minor unit of exact: per line on every line, globally on the sale', () => {
    fc.assert(
      fc.property(saleArb, (input) => {
        const priced = tryPrice(input)
        if (!priced) return
        const exactByTax = new Map<number, number>()
        for (const [index, l] of priced.lines.entries()) {
          const source = input.lines[index]!
          const amount = l.grossCents - l.discountCents
          const included = source.taxes.filter((t) => t.included)
          const includedSum = sum(included.map((t) => t.rateBps))
          for (const tax of source.taxes) {
            // Excluded taxes are on the line's final net, which is exact data here.
            const exact = tax.included ? (amount * tax.rateBps) / (10_000 + includedSum) : (l.netCents * tax.rateBps) / 10_000
            exactByTax.set(tax.id, (exactByTax.get(tax.id) ?? 0) + exact)
            if (input.taxRounding === 'perLine') {
              expect(Math.abs(l.taxes.find((t) => t.id === tax.id)!.taxCents - exact)).toBeLessThanOrEqual(0.5 + 1e-6)
            }
          }
        }
        if (input.taxRounding === 'global') {
          for (const row of priced.taxes) expect(Math.abs(row.taxCents - exactByTax.get(row.id)!)).toBeLessThanOrEqual(0.5 + 1e-6)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('gives the same figures whatever the order of the lines', () => {
    fc.assert(
      fc.property(saleArb, fc.nat(), (input, seed) => {
        const priced = tryPrice(input)
        const shuffled = [...input.lines].sort((a, b) => ((a.key.charCodeAt(2) * 31 + seed) % 7) - ((b.key.charCodeAt(2) * 31 + seed) % 7))
        const again = tryPrice({ ...input, lines: shuffled })
        if (!priced || !again) {
          expect(again).toBe(priced)
          return
        }
        const byKey = (p: typeof priced) => Object.fromEntries(p.lines.map((l) => [l.key, l]))
        expect(byKey(again)).toEqual(byKey(priced))
        expect(again.taxes).toEqual(priced.taxes)
        expect(again.totalCents).toBe(priced.totalCents)
      }),
      { numRuns: 300 },
    )
  })

  it('never raises a price with a discount', () => {
    fc.assert(
      fc.property(saleArb, (input) => {
        const priced = tryPrice(input)
        if (!priced) return
        const undiscounted = priceSale({ ...input, lines: input.lines.map((l) => ({ ...l, discount: undefined })), orderDiscounts: [] })
        expect(priced.totalCents).toBeLessThanOrEqual(undiscounted.totalCents)
        // Globally rounded, a cent of tax may move between lines; each line alone is monotone per line.
        if (input.taxRounding === 'perLine') {
          for (const l of priced.lines)
            expect(l.totalCents).toBeLessThanOrEqual(undiscounted.lines.find((u) => u.key === l.key)!.totalCents)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('shares each order discount exactly, each line within one unit of its pro rata share', () => {
    fc.assert(
      fc.property(saleArb, (input) => {
        const withoutOrders = tryPrice({ ...input, orderDiscounts: [] })
        const priced = tryPrice(input)
        if (!priced || !withoutOrders || (input.orderDiscounts ?? []).length !== 1) return
        const order = input.orderDiscounts![0]!
        const keys = new Set(order.lineKeys ?? input.lines.map((l) => l.key))
        const bases = withoutOrders.lines.map((l) => (keys.has(l.key) ? l.grossCents - l.discountCents : 0))
        const base = sum(bases)
        const amount = order.discount.kind === 'amount' ? order.discount.cents : Math.round((order.discount.bps * base) / 10_000)
        const shares = priced.lines.map((l, i) => l.discountCents - withoutOrders.lines[i]!.discountCents)
        expect(sum(shares)).toBe(amount)
        expect(priced.orderDiscounts).toEqual([{ discountCents: amount }])
        shares.forEach((share, i) => {
          if (!keys.has(priced.lines[i]!.key)) expect(share).toBe(0)
          else if (base > 0) expect(Math.abs(share - (sum(shares) * bases[i]!) / base)).toBeLessThan(1)
        })
      }),
      { numRuns: 500 },
    )
  })

  it('answers the total of included-tax lines with the shelf price less discounts', () => {
    fc.assert(
      fc.property(saleArb, (input) => {
        const onlyIncluded = { ...input, lines: input.lines.map((l) => ({ ...l, taxes: l.taxes.filter((t) => t.included) })) }
        const priced = tryPrice(onlyIncluded)
        if (!priced) return
        expect(priced.totalCents).toBe(sum(priced.lines.map((l) => l.grossCents - l.discountCents)))
      }),
      { numRuns: 300 },
    )
  })
})

describe('roundCash', () => {
  const npr = (mode: 'halfUp' | 'up' | 'down' | 'halfEven') => ({ incrementCents: 100, mode })

  it('rounds to the increment in each mode', () => {
    expect(roundCash(1_250, npr('halfUp'))).toEqual({ dueCents: 1_300, roundingCents: 50 })
    expect(roundCash(1_249, npr('halfUp'))).toEqual({ dueCents: 1_200, roundingCents: -49 })
    expect(roundCash(1_201, npr('up'))).toEqual({ dueCents: 1_300, roundingCents: 99 })
    expect(roundCash(1_299, npr('down'))).toEqual({ dueCents: 1_200, roundingCents: -99 })
    expect(roundCash(1_250, npr('halfEven'))).toEqual({ dueCents: 1_200, roundingCents: -50 })
    expect(roundCash(1_350, npr('halfEven'))).toEqual({ dueCents: 1_400, roundingCents: 50 })
    expect(roundCash(1_251, npr('halfEven'))).toEqual({ dueCents: 1_300, roundingCents: 49 })
    expect(roundCash(1_200, npr('up'))).toEqual({ dueCents: 1_200, roundingCents: 0 })
    // Swiss 0.05: 12.32 → 12.30, 12.33 → 12.35.
    expect(roundCash(1_232, { incrementCents: 5, mode: 'halfUp' }).dueCents).toBe(1_230)
    expect(roundCash(1_233, { incrementCents: 5, mode: 'halfUp' }).dueCents).toBe(1_235)
    expect(roundCash(1_233, { incrementCents: 1, mode: 'up' })).toEqual({ dueCents: 1_233, roundingCents: 0 })
  })

  it('rounds a refund by its magnitude and keeps the sign', () => {
    expect(roundCash(-1_250, npr('halfUp'))).toEqual({ dueCents: -1_300, roundingCents: -50 })
    expect(roundCash(-1_201, npr('down'))).toEqual({ dueCents: -1_200, roundingCents: 1 })
  })

  it('refuses an increment below one or a fractional amount', () => {
    expect(() => roundCash(100, { incrementCents: 0, mode: 'halfUp' })).toThrow(PricingError)
    expect(() => roundCash(1.5, npr('halfUp'))).toThrow(PricingError)
  })

  it('lands on a multiple of the increment within one increment, and the same distance either sign', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.constantFrom('halfUp' as const, 'up' as const, 'down' as const, 'halfEven' as const),
        (amount, incrementCents, mode) => {
          const { dueCents, roundingCents } = roundCash(amount, { incrementCents, mode })
          expect(dueCents % incrementCents === 0).toBe(true)
          expect(dueCents - amount).toBe(roundingCents)
          expect(Math.abs(roundingCents)).toBeLessThan(incrementCents)
          if (mode === 'halfUp' || mode === 'halfEven') expect(Math.abs(roundingCents) * 2).toBeLessThanOrEqual(incrementCents)
          if (mode === 'up') expect(Math.abs(dueCents)).toBeGreaterThanOrEqual(Math.abs(amount))
          if (mode === 'down') expect(Math.abs(dueCents)).toBeLessThanOrEqual(Math.abs(amount))
          expect(roundCash(-amount, { incrementCents, mode }).dueCents + 0).toBe(-dueCents + 0)
        },
      ),
    )
  })
})
