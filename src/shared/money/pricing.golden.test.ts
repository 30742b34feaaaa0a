/**
 * Golden figures: the pricing engine reproduces what Odoo's own tax and cash-rounding tests and
 * three of its issue threads publish, in minor units (odoo/odoo: addons/account/tests,
 * addons/point_of_sale/tests and static/tests/unit/accounting; issues #6224, #14673, #40644).
 *
 * Where Odoo's rule differs from DESIGN §3.2 the case is left out and the reason is named here:
 * - Odoo ≤ 17 rounded an included tax's *base* and took the tax as the rest (399.99 at 20% gives
 *   333.33 + 66.66); Odoo 18 and we round the tax and take the base as the rest (333.32 + 66.67), so
 *   only Odoo 18's figure for the same kind of tie (52.50 at 12%) is here.
 * - Odoo's "round globally" keeps unrounded line amounts, discounts included (six lines of 5.75 × 5
 *   less 18% make 141.45); we round each line's discount to the minor unit first (141.42), as a
 *   receipt prints it.
 * - PR #45700's reading of round-globally with included taxes (bases rounded per line, 12.14 + 2.56)
 *   is the opposite of #14673's (the sum of shelf prices is the total); we follow #14673.
 */
import { describe, expect, it } from 'vitest'
import { priceSale, roundCash, type CashRoundingMode, type PricingLine, type PricingTax, type TaxRounding } from './pricing'

let nextTaxId = 1
const tax = (rateBps: number, included: boolean): PricingTax => ({ id: nextTaxId++, rateBps, included })
const line = (unitPriceCents: number, quantity: number, taxes: PricingTax[], discountBps?: number): Omit<PricingLine, 'key'> => ({
  unitPriceCents,
  quantity,
  taxes,
  discount: discountBps === undefined ? undefined : { kind: 'percent', bps: discountBps },
})

function price(lines: Omit<PricingLine, 'key'>[], taxRounding: TaxRounding = 'perLine', currencyDecimals = 2) {
  return priceSale({
    currencyDecimals,
    taxRounding,
    lines: lines.map((l, index) => ({ ...l, key: `line-${String(index).padStart(2, '0')}` })),
  })
}

describe('Odoo account tests: one tax on a line', () => {
  it('10% added and included, 21% included (test_tax.py)', () => {
    const added = price([line(10_000, 1, [tax(1000, false)])])
    expect(added).toMatchObject({ subtotalCents: 10_000, taxCents: 1_000, totalCents: 11_000 })
    const included = price([line(11_000, 1, [tax(1000, true)])])
    expect(included).toMatchObject({ subtotalCents: 10_000, taxCents: 1_000, totalCents: 11_000 })
    expect(price([line(700, 1, [tax(2100, true)])])).toMatchObject({ subtotalCents: 579, taxCents: 121, totalCents: 700 })
    expect(price([line(20_000, 1, [tax(1000, true)])])).toMatchObject({ subtotalCents: 18_182, taxCents: 1_818, totalCents: 20_000 })
  })

  it('52.50 at 12% included, a half-cent tie (test_taxes_computation.py, test_random_case_4)', () => {
    expect(price([line(5_250, 1, [tax(1200, true)])])).toMatchObject({ subtotalCents: 4_687, taxCents: 563, totalCents: 5_250 })
  })

  it('100.00 at 21% included (test_out_invoice_line_onchange_rounding_price_subtotal_2)', () => {
    expect(price([line(10_000, 1, [tax(2100, true)])])).toMatchObject({ subtotalCents: 8_264, taxCents: 1_736, totalCents: 10_000 })
  })

  it('21% added, 21% included, 12% added, one per line (test_invoice_taxes.py, test_one_tax_per_line)', () => {
    const [a, b, c] = [tax(2100, false), tax(2100, true), tax(1200, false)]
    const priced = price([line(10_000, 1, [a]), line(12_100, 1, [b]), line(10_000, 1, [c])])
    expect(priced.taxes.map((row) => [row.baseCents, row.taxCents])).toEqual([
      [10_000, 2_100],
      [10_000, 2_100],
      [10_000, 1_200],
    ])
  })
})

describe('Odoo account tests: several taxes on a line', () => {
  it('8% and 0% both included on 124.40 (test_random_case_1)', () => {
    const priced = price([line(12_440, 1, [tax(800, true), tax(0, true)])])
    expect(priced).toMatchObject({ subtotalCents: 11_519, taxCents: 921, totalCents: 12_440 })
    expect(priced.lines[0]!.taxes.map((t) => t.taxCents)).toEqual([921, 0])
  })

  it('15% added with 5.5% included on 2300.00, and in a 3-decimal currency (test_random_case_3, out_invoice tax-included onchange)', () => {
    const fifteen = tax(1500, false)
    const fivePointFive = tax(550, true)
    const priced = price([line(230_000, 1, [fifteen, fivePointFive])])
    expect(priced).toMatchObject({ subtotalCents: 218_009, taxCents: 44_692, totalCents: 262_701 })
    expect(priced.lines[0]!.taxes).toEqual([
      { id: fifteen.id, taxCents: 32_701 },
      { id: fivePointFive.id, taxCents: 11_991 },
    ])
    const thousandths = price([line(2_300_000, 1, [fifteen, fivePointFive])], 'perLine', 3)
    expect(thousandths).toMatchObject({ subtotalCents: 2_180_095, taxCents: 446_919, totalCents: 2_627_014 })
    expect(thousandths.lines[0]!.taxes.map((t) => t.taxCents)).toEqual([327_014, 119_905])
  })

  it('6% included then 6% and 3% added on 106.00 (test_percent_taxes_for_l10n_in)', () => {
    const priced = price([line(10_600, 1, [tax(600, true), tax(600, false), tax(300, false)])])
    expect(priced).toMatchObject({ subtotalCents: 10_000, taxCents: 1_500, totalCents: 11_500 })
    expect(priced.taxes.map((row) => [row.baseCents, row.taxCents])).toEqual([
      [10_000, 600],
      [10_000, 600],
      [10_000, 300],
    ])
    expect(price([line(10_000, 1, [tax(600, false), tax(600, false), tax(300, false)])]).totalCents).toBe(11_500)
  })

  it('the standard invoice: 1000.00 at tax A, 200.00 at A and B, both 15% (test_account_move_out_invoice.py)', () => {
    const [a, b] = [tax(1500, false), tax(1500, false)]
    const priced = price([line(100_000, 1, [a]), line(20_000, 1, [a, b])])
    expect(priced).toMatchObject({ subtotalCents: 120_000, taxCents: 21_000, totalCents: 141_000 })
    expect(priced.taxes.map((row) => row.taxCents)).toEqual([18_000, 3_000])
    expect(priced.lines.map((l) => l.totalCents)).toEqual([115_000, 26_000])
  })

  it('mixed combined and standalone taxes (test_taxes_tax_totals_summary.py, _test_mixed_combined_standalone_taxes)', () => {
    const [ten, twenty] = [tax(1000, false), tax(2000, false)]
    const priced = price([line(100_000, 1, [ten, twenty]), line(100_000, 1, [ten]), line(100_000, 1, [twenty])])
    expect(priced).toMatchObject({ subtotalCents: 300_000, taxCents: 60_000, totalCents: 360_000 })
    expect(priced.taxes.map((row) => [row.baseCents, row.taxCents])).toEqual([
      [200_000, 20_000],
      [200_000, 40_000],
    ])
  })

  it('taxes over several groups of lines (_test_preceding_subtotal, document 1)', () => {
    const [ten, twentyFive, fortyTwo] = [tax(1000, false), tax(2500, false), tax(4200, false)]
    const priced = price([
      line(100_000, 1, []),
      line(100_000, 1, [ten]),
      line(100_000, 1, [twentyFive]),
      line(10_000, 1, [fortyTwo]),
      line(20_000, 1, [fortyTwo, ten, twentyFive]),
    ])
    expect(priced).toMatchObject({ subtotalCents: 330_000, taxCents: 54_600, totalCents: 384_600 })
    expect(priced.taxes.map((row) => [row.rateBps, row.baseCents, row.taxCents])).toEqual([
      [1000, 120_000, 12_000],
      [2500, 120_000, 30_000],
      [4200, 30_000, 12_600],
    ])
  })
})

describe('Odoo: rounding per line and globally', () => {
  it('two lines at 19% added in a 0-decimal currency (test_rounding_tax_excluded_round_per_line_01 / _round_globally)', () => {
    const nineteen = tax(1900, false)
    const lines = [line(22_689, 1, [nineteen]), line(9_176, 1, [nineteen])]
    const perLine = price(lines, 'perLine', 0)
    expect(perLine.lines.map((l) => [l.taxCents, l.totalCents])).toEqual([
      [4_311, 27_000],
      [1_743, 10_919],
    ])
    // "must be similar to round((22689 + 9176) * 0.19)".
    expect(price(lines, 'global', 0)).toMatchObject({ taxCents: 6_054, totalCents: 37_919 })
  })

  it('#14673: 19% included, 0 decimals — the total is the sum of the shelf prices (test_rounding_tax_included_round_globally_01)', () => {
    const nineteen = tax(1900, true)
    const lines = [line(300, 90, [nineteen]), line(840, 13, [nineteen])]
    const perLine = price(lines, 'perLine', 0)
    expect(perLine.lines.map((l) => [l.netCents, l.taxCents])).toEqual([
      [22_689, 4_311],
      [9_176, 1_744],
    ])
    expect(perLine.totalCents).toBe(37_920)
    // "must be similar to round((27000 + 10920) / 1.19)": base 31866, and the total stays 37920.
    expect(price(lines, 'global', 0)).toMatchObject({ subtotalCents: 31_866, taxCents: 6_054, totalCents: 37_920 })
  })

  it('#6224: 21% added on four products — 11.33 per line, 11.34 globally', () => {
    const vat = tax(2100, false)
    const lines = [line(148, 4, [vat]), line(152, 1, [vat]), line(154, 1, [vat]), line(39, 1, [vat])]
    expect(price(lines, 'perLine')).toMatchObject({ subtotalCents: 937, taxCents: 196, totalCents: 1_133 })
    expect(price(lines, 'global')).toMatchObject({ subtotalCents: 937, taxCents: 197, totalCents: 1_134 })
  })

  it('#40644: 18% and 8% included — 88.88 / 16.00 / 7.12 per line, 88.89 / 16.00 / 7.11 globally', () => {
    const [eighteen, eight] = [tax(1800, true), tax(800, true)]
    const lines = [line(3_600, 1, [eighteen, eight]), line(3_400, 1, [eighteen, eight]), line(1_400, 3, [eighteen, eight])]
    const perLine = price(lines, 'perLine')
    expect(perLine).toMatchObject({ subtotalCents: 8_888, totalCents: 11_200 })
    expect(perLine.taxes.map((row) => row.taxCents)).toEqual([1_600, 712])
    const global = price(lines, 'global')
    expect(global).toMatchObject({ subtotalCents: 8_889, totalCents: 11_200 })
    expect(global.taxes.map((row) => row.taxCents)).toEqual([1_600, 711])
  })

  it('seven lines at 16% included (Mexico, _test_taxes_l10n_mx): base 44735.37 per line, 44735.34 globally', () => {
    const sixteen = tax(1600, true)
    const lines = [119_900, 199_900, 169_900, 1_199_900, 1_199_900, 1_199_900, 1_099_900].map((cents) => line(cents, 1, [sixteen]))
    expect(price(lines, 'perLine')).toMatchObject({ subtotalCents: 4_473_537, taxCents: 715_763, totalCents: 5_189_300 })
    expect(price(lines, 'global')).toMatchObject({ subtotalCents: 4_473_534, taxCents: 715_766, totalCents: 5_189_300 })
  })

  it('two lines of 6.70 at 15% added (sale test_tax_amount_rounding): 15.42 per line, 15.41 globally', () => {
    const fifteen = tax(1500, false)
    const lines = [line(670, 1, [fifteen]), line(670, 1, [fifteen])]
    expect(price(lines, 'perLine').totalCents).toBe(1_542)
    expect(price(lines, 'global').totalCents).toBe(1_541)
  })

  it('Portugal certification cases, rounded globally (_test_taxes_l10n_pt #10, #12–#15)', () => {
    const [zero, six, thirteen, twentyThree] = [tax(0, false), tax(600, false), tax(1300, false), tax(2300, false)]
    expect(price([line(300, 501, [six])], 'global')).toMatchObject({ subtotalCents: 150_300, taxCents: 9_018, totalCents: 159_318 })
    expect(price([line(200, 50, [thirteen]), line(100, 100, [twentyThree])], 'global')).toMatchObject({
      subtotalCents: 20_000,
      taxCents: 3_600,
      totalCents: 23_600,
    })
    expect(
      price(
        [line(100, 1, [zero]), line(400, 1, [zero]), line(300, 10, [six]), line(200, 1, [thirteen]), line(100, 1, [twentyThree])],
        'global',
      ),
    ).toMatchObject({ subtotalCents: 3_800, taxCents: 229, totalCents: 4_029 })
    // A half-cent tie: 54.50 × 23% = 12.535 → 12.54.
    expect(price([line(109, 50, [twentyThree])], 'global')).toMatchObject({ subtotalCents: 5_450, taxCents: 1_254, totalCents: 6_704 })
    expect(price([line(55, 100, [twentyThree], 880), line(200, 10, [twentyThree])], 'global')).toMatchObject({
      subtotalCents: 7_016,
      taxCents: 1_614,
      totalCents: 8_630,
    })
  })
})

describe('Odoo point_of_sale tests: prices and discounts', () => {
  const [fifteen, twentyFive] = [tax(1500, false), tax(2500, false)]

  it('two lines, one with two added taxes (accounting/price.test.js)', () => {
    const priced = price([line(100_000, 1, [twentyFive]), line(10_000, 1, [fifteen, twentyFive])])
    expect(priced).toMatchObject({ subtotalCents: 110_000, taxCents: 29_000, totalCents: 139_000 })
    expect(priced.lines.map((l) => l.totalCents)).toEqual([125_000, 14_000])
    expect(priced.lines[1]!.taxes.map((t) => t.taxCents)).toEqual([1_500, 2_500])
  })

  it('line discounts of 10% and 20% come off before tax (accounting/discount.test.js)', () => {
    const priced = price([line(100_000, 1, [twentyFive], 1000), line(10_000, 1, [fifteen, twentyFive], 2000)])
    expect(priced).toMatchObject({ subtotalCents: 98_000, taxCents: 25_700, totalCents: 123_700 })
    expect(priced.lines.map((l) => l.totalCents)).toEqual([112_500, 11_200])
  })

  it('the 52.54 order of the rounding tests (accounting/rounding.test.js with utils.js)', () => {
    expect(price([line(1_573, 1, [twentyFive]), line(2_349, 1, [fifteen, twentyFive])]).totalCents).toBe(5_254)
  })

  it('95.00 + 2 × 42.00 at 7% included is 179.00 (test_cash_rounding_up_with_change)', () => {
    const seven = tax(700, true)
    const priced = price([line(9_500, 1, [seven]), line(4_200, 2, [seven])])
    expect(priced.totalCents).toBe(17_900)
    expect(roundCash(priced.totalCents, { incrementCents: 100, mode: 'up' })).toEqual({ dueCents: 17_900, roundingCents: 0 })
  })
})

describe('Odoo cash rounding', () => {
  const cases: [amountCents: number, incrementCents: number, mode: CashRoundingMode, dueCents: number, source: string][] = [
    [10_020, 50, 'up', 10_050, 'test_account_invoice_rounding: 100.20 up to 0.50'],
    [10_090, 100, 'down', 10_000, 'test_account_invoice_rounding: 100.90 down to 1.00'],
    [10_050, 100, 'halfUp', 10_100, 'test_account_invoice_rounding: 100.50 half-up to 1.00'],
    [114_999, 5, 'up', 115_000, 'test_account_move_cash_rounding: 1149.99 up to 0.05'],
    [114_999, 5, 'down', 114_995, 'test_account_move_cash_rounding: 1149.99 down to 0.05'],
    [1_572, 5, 'halfUp', 1_570, 'pos_cash_rounding_tour: 15.72 half-up'],
    [1_572, 5, 'down', 1_570, 'pos_cash_rounding_tour: 15.72 down'],
    [1_572, 5, 'up', 1_575, 'pos_cash_rounding_tour: 15.72 up'],
    [-1_572, 5, 'halfUp', -1_570, 'pos_cash_rounding_tour: a refund of 15.72 half-up'],
    [-1_572, 5, 'up', -1_575, 'pos_cash_rounding_tour: a refund of 15.72 up'],
    [5_254, 5, 'halfUp', 5_255, 'rounding.test.js: 52.54 half-up to 0.05'],
    [-5_254, 5, 'halfUp', -5_255, 'rounding.test.js: a refund of 52.54 half-up to 0.05'],
    [5_254, 1_000, 'up', 6_000, 'rounding.test.js: 52.54 up to 10'],
    [-5_254, 1_000, 'up', -6_000, 'rounding.test.js: a refund of 52.54 up to 10'],
    [5_254, 1_000, 'down', 5_000, 'rounding.test.js: 52.54 down to 10'],
    [5_254, 100, 'down', 5_200, 'rounding.test.js: 52.54 down to 1'],
    [-5_254, 100, 'down', -5_200, 'rounding.test.js: a refund of 52.54 down to 1'],
    [196, 5, 'up', 200, 'payment_screen_tour: 1.96 up to 0.05'],
    [-196, 5, 'up', -200, 'payment_screen_tour: a refund of 1.96 up'],
    [198, 5, 'down', 195, 'payment_screen_tour: 1.98 down to 0.05'],
    [-198, 5, 'down', -195, 'payment_screen_tour: a refund of 1.98 down'],
    [120, 50, 'halfUp', 100, 'PaymentScreenRoundingHalfUp: 1.20 to 0.50'],
    [125, 50, 'halfUp', 150, 'PaymentScreenRoundingHalfUp: 1.25, a tie, up'],
    [140, 50, 'halfUp', 150, 'PaymentScreenRoundingHalfUp: 1.40'],
    [-4_999, 5, 'up', -5_000, 'test_refund_rounding_backend: a refund of 49.99 up'],
  ]

  it.each(cases)('%i, increment %i, %s → %i (%s)', (amountCents, incrementCents, mode, dueCents) => {
    expect(roundCash(amountCents, { incrementCents, mode })).toEqual({ dueCents, roundingCents: dueCents - amountCents })
  })

  it('13.67 at 15% added is 15.72, paid 15.70 in cash rounded half up (pos_cash_rounding_tour)', () => {
    const priced = price([line(1_367, 1, [tax(1500, false)])])
    expect(priced).toMatchObject({ taxCents: 205, totalCents: 1_572 })
    expect(roundCash(priced.totalCents, { incrementCents: 5, mode: 'halfUp' })).toEqual({ dueCents: 1_570, roundingCents: -2 })
  })
})
