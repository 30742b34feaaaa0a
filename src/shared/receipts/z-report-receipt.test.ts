import { describe, expect, it } from 'vitest'
import { formatMoney } from '../money/money'
import { receiptLabelsEn } from './receipt-labels.en'
import { labelText, receiptWriter, zReportReceipt, type ReceiptDocument, type ReceiptRow, type ReceiptValue } from './receipt-model'
import { SAMPLE_STORE } from './receipt-sample.fixture'
import { SAMPLE_Z_REPORT } from './z-report-sample.fixture'

const write = (document: ReceiptDocument) => {
  const money = (cents: number) => formatMoney(cents, document.money)
  return receiptWriter({ label: labelText(receiptLabelsEn, money), money })
}
const cents = (value: ReceiptValue): number => {
  if (value.kind !== 'money') throw new Error(`not an amount: ${JSON.stringify(value)}`)
  return value.reduction ? -value.cents : value.cents
}
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

const document = zReportReceipt(SAMPLE_Z_REPORT, SAMPLE_STORE)
const words = write(document)
/** A section's or the figures' rows by their words, as on paper. */
const rowsOf = (rows: readonly ReceiptRow[]) => Object.fromEntries(rows.map((row) => [words.text(row.label), row.value]))

describe('the sample Z report', () => {
  const { summary, drawer } = SAMPLE_Z_REPORT.figures

  it('reconciles as the reports’ summary does, and its drawer adds up to the expected cash', () => {
    expect(summary.netCents).toBe(summary.grossCents - summary.discountCents - summary.returnsCents)
    expect(summary.takingsCents).toBe(summary.netCents + summary.roundingCents)
    expect(sum(summary.tenders.map((tender) => tender.netCents))).toBe(summary.takingsCents)
    expect(drawer.expectedCashCents).toBe(
      drawer.openingFloatCents + drawer.cashSalesCents - drawer.cashRefundsCents + drawer.payInsCents - drawer.payOutsCents,
    )
    expect(SAMPLE_Z_REPORT.varianceCents).toBe(SAMPLE_Z_REPORT.countedCashCents - SAMPLE_Z_REPORT.expectedCashCents)
  })

  it('is titled and coded by its number, names the shift and its people, and never opens the drawer', () => {
    expect(document.kind).toBe('zReport')
    expect(words.text(document.title)).toBe('Z report 2')
    expect(document.code).toBe('Z-2')
    expect(document.opensDrawer).toBe(false)
    expect(document.items).toEqual([])
    expect(document.footer).toEqual([])
    expect(document.facts.map((row) => [words.text(row.label), words.value(row.value)])).toEqual([
      ['Closed', '15 Mar 2026, 6:30 pm'],
      ['Shift', '2'],
      ['Opened', '15 Mar 2026, 9:00 am'],
      ['Opened by', 'Maya Manager'],
      ['Closed by', 'Kiran Cashier'],
    ])
  })

  it('gives the sales figures with reductions as amounts taken off, and the takings as its total', () => {
    const figures = rowsOf(document.figures)
    expect(cents(figures['Gross sales']!) + cents(figures['Discount']!) + cents(figures['Returns']!)).toBe(cents(figures['Net sales']!))
    expect(cents(figures['Net sales']!) + cents(figures['Cash rounding']!)).toBe(cents(document.total.value))
    expect(words.text(document.total.label)).toBe('Takings')
    expect(cents(document.total.value)).toBe(summary.takingsCents)
    expect(words.value(figures['Sales made']!)).toBe('3')
    expect(words.value(figures['Returns and voids made']!)).toBe('1')
  })

  it('lists takings by tender (with what went in and out where there was a refund), adding up to the takings', () => {
    const tenders = document.payments.filter((row) => row.role === 'tender')
    expect(tenders.map((row) => [words.text(row.label), cents(row.value)])).toEqual([
      ['Cash', 5_400],
      ['Card', 10_000],
      ['eSewa', 2_000],
    ])
    expect(sum(tenders.map((row) => cents(row.value)))).toBe(summary.takingsCents)
    expect(document.payments.filter((row) => row.indent).map((row) => [words.text(row.label), cents(row.value)])).toEqual([
      ['Taken', 15_900],
      ['Refunded', -10_500],
    ])
  })

  it('ends with the drawer, where float and movements give the expected cash, and the cash moved in and out without the no-sales', () => {
    const [drawerSection, moves, ...more] = document.sections ?? []
    expect(more).toEqual([])
    expect(words.text(drawerSection!.title)).toBe('Cash drawer')
    const rows = rowsOf(drawerSection!.rows)
    const movements = ['Opening float', 'Cash sales', 'Cash refunds', 'Pay-ins', 'Pay-outs'].map((name) => cents(rows[name]!))
    expect(sum(movements)).toBe(cents(rows['Expected in drawer']!))
    expect(cents(rows['Counted']!) - cents(rows['Expected in drawer']!)).toBe(cents(rows['Variance']!))
    expect(cents(rows['Variance']!)).toBe(-100)
    expect(words.value(rows['Drawer opened without a sale']!)).toBe('1')
    expect(words.text(moves!.title)).toBe('Cash in and out')
    expect(moves!.rows.map((row) => [words.text(row.label), cents(row.value)])).toEqual([
      ['Pay-in: Change from the bank', 2_000],
      ['Pay-out: Milk delivery, paid to the driver', -1_500],
    ])
  })

  it('shows nothing taken off as a plain zero, and no cash-moves section for a shift without any', () => {
    const quiet = zReportReceipt(
      {
        ...SAMPLE_Z_REPORT,
        figures: {
          ...SAMPLE_Z_REPORT.figures,
          summary: { ...summary, discountCents: 0, returnsCents: 0, netCents: 27_920, takingsCents: 27_860 },
          cashMoves: [],
        },
      },
      SAMPLE_STORE,
    )
    expect(rowsOf(quiet.figures)['Discount']).toEqual({ kind: 'money', cents: 0 })
    expect(quiet.sections?.map((section) => words.text(section.title))).toEqual(['Cash drawer'])
  })
})
