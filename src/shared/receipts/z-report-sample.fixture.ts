/**
 * A fixed Z report for the receipt tests (model, plain text, golden ESC/POS bytes). Imported only by
 * tests. Shift 2 of the till, float NPR 50.00: a split sale (card 100.00, cash 109.00 after rounding),
 * a cash sale of 50.00, the cash refund (105.00) of a sale from the shift before, a wallet sale, a
 * pay-in, a pay-out and one no-sale; counted NPR 1.00 short. Its figures reconcile as the reports'
 * summary does (z-report-receipt.test.ts checks that).
 */
import type { ZReportDto } from '../contract/shifts'

export const SAMPLE_Z_REPORT: ZReportDto = {
  id: 7,
  number: 2,
  // 18:30 in Kathmandu (+05:45).
  closedAt: '2026-03-15T12:45:00.000Z',
  closedByName: 'Kiran Cashier',
  countedCashCents: 10_800,
  expectedCashCents: 10_900,
  varianceCents: -100,
  figures: {
    shift: {
      id: 5,
      number: 2,
      openedAt: '2026-03-15T03:15:00.000Z',
      openedByName: 'Maya Manager',
      openingFloatCents: 5_000,
      closedAt: '2026-03-15T12:45:00.000Z',
      closedByName: 'Kiran Cashier',
      zReportId: 7,
      zNumber: 2,
    },
    asOf: '2026-03-15T12:45:00.000Z',
    summary: {
      grossCents: 28_420,
      discountCents: 500,
      returnsCents: 10_460,
      netCents: 17_460,
      taxCents: 2_009,
      invoices: 3,
      returns: 1,
      averageBasketCents: 9_307,
      unitsSold: 4,
      unitsReturned: 1,
      roundingCents: -60,
      takingsCents: 17_400,
      tenders: [
        { method: 'cash', wallet: null, inCents: 15_900, outCents: 10_500, netCents: 5_400 },
        { method: 'card', wallet: null, inCents: 10_000, outCents: 0, netCents: 10_000 },
        { method: 'wallet', wallet: 'eSewa', inCents: 2_000, outCents: 0, netCents: 2_000 },
      ],
    },
    drawer: {
      openingFloatCents: 5_000,
      cashSalesCents: 15_900,
      cashRefundsCents: 10_500,
      payInsCents: 2_000,
      payOutsCents: 1_500,
      expectedCashCents: 10_900,
      noSales: 1,
    },
    cashMoves: [
      {
        id: 11,
        kind: 'payIn',
        amountCents: 2_000,
        reason: 'Change from the bank',
        userName: 'Kiran Cashier',
        at: '2026-03-15T05:00:00.000Z',
      },
      { id: 12, kind: 'noSale', amountCents: 0, reason: '', userName: 'Maya Manager', at: '2026-03-15T06:00:00.000Z' },
      {
        id: 13,
        kind: 'payOut',
        amountCents: 1_500,
        reason: 'Milk delivery, paid to the driver',
        userName: 'Kiran Cashier',
        at: '2026-03-15T07:00:00.000Z',
      },
    ],
  },
}
