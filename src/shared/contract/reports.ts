import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, isoDate, nonNegativeCents, cents, protectedInput } from './common'
import { tenderMethod } from './invoices'

/**
 * A range of store-local business days, both ends included (DESIGN §3.5). `from` after `to` is
 * VALIDATION_FAILED `dateOrder`; a range longer than ten years is refused by the schema.
 */
export const reportRange = z.strictObject({ from: isoDate, to: isoDate })
export type ReportRange = z.infer<typeof reportRange>
/** A report's input: the range, and a manager's approval for a cashier who asks (like every named permission's). */
const rangeInput = protectedInput({ from: isoDate, to: isoDate })

/** The longest range a report answers: ten years of days. */
export const MAX_REPORT_DAYS = 3660

/** Money in minus money out by one tender (net of refunds); wallets one row each, by name. */
export const tenderTakingsDto = z.strictObject({
  method: tenderMethod,
  /** The wallet's name for `wallet`, otherwise null. */
  wallet: z.string().nullable(),
  /** What the tender took in sales (cash: what stayed in the drawer). */
  inCents: nonNegativeCents,
  /** What went back to it in refunds. */
  outCents: nonNegativeCents,
  /** `inCents − outCents`. */
  netCents: cents,
})
export type TenderTakingsDto = z.infer<typeof tenderTakingsDto>

/**
 * The figures of a range of days, or of one shift (X and Z reports). Amounts are tax-inclusive,
 * discounts and returns positive magnitudes, and they reconcile exactly:
 * - `netCents = grossCents − discountCents − returnsCents`
 * - `takingsCents = netCents + roundingCents = Σ tenders[].netCents`
 * - `gross` is Σ of the sales' totals before their discounts (line, order and promo), `returns`
 *   Σ of what the returns gave back for goods (before cash rounding), `rounding` the cash rounding
 *   of the sales minus that of the refunds.
 */
export const reportSummaryDto = z.strictObject({
  grossCents: cents,
  discountCents: cents,
  returnsCents: cents,
  netCents: cents,
  /** Tax in the sales minus tax in the returns. */
  taxCents: cents,
  /** Sales (invoices) in the range. */
  invoices: z.int().min(0),
  /** Returns and voids in the range. */
  returns: z.int().min(0),
  /** Σ sales' totals ÷ invoices, rounded half up; 0 with no sale. */
  averageBasketCents: cents,
  unitsSold: z.int().min(0),
  unitsReturned: z.int().min(0),
  roundingCents: cents,
  takingsCents: cents,
  tenders: z.array(tenderTakingsDto),
})
export type ReportSummaryDto = z.infer<typeof reportSummaryDto>

/** The columns of every per-row report (a day, a product, a cashier…), reconciling like the summary. */
const figures = {
  grossCents: cents,
  discountCents: cents,
  returnsCents: cents,
  netCents: cents,
  unitsSold: z.int().min(0),
  unitsReturned: z.int().min(0),
}

export const periodRowDto = z.strictObject({
  /** The bucket's first day (a week starts on the store's first day of the week; a month on its 1st), clipped to the range. */
  from: isoDate,
  /** Its last day, clipped to the range. */
  to: isoDate,
  ...figures,
  taxCents: cents,
  invoices: z.int().min(0),
  returns: z.int().min(0),
})
export type PeriodRowDto = z.infer<typeof periodRowDto>

export const hourRowDto = z.strictObject({
  /** 0–23 on the store's wall clock: sales by the hour they were paid, returns by the hour they were made. */
  hour: z.int().min(0).max(23),
  invoices: z.int().min(0),
  netCents: cents,
  unitsSold: z.int().min(0),
})

export const productRowDto = z.strictObject({ productId: id, sku: z.string(), name: z.string(), ...figures })
export type ProductRowDto = z.infer<typeof productRowDto>

export const categoryRowDto = z.strictObject({ categoryId: id.nullable(), name: z.string().nullable(), ...figures })
export const tagRowDto = z.strictObject({ tag: z.string(), ...figures })
export const cashierRowDto = z.strictObject({
  cashierId: id,
  name: z.string(),
  invoices: z.int().min(0),
  returns: z.int().min(0),
  ...figures,
})
export const promoRowDto = z.strictObject({
  promoId: id,
  code: z.string(),
  name: z.string(),
  /** Sales that used it. */
  uses: z.int().min(0),
  discountCents: nonNegativeCents,
  /** Σ those sales' totals. */
  salesCents: nonNegativeCents,
})

export const tokenLiabilityDto = z.strictObject({
  /** Σ balances of active tokens not yet expired: what the store owes its customers. */
  outstandingCents: nonNegativeCents,
  activeTokens: z.int().min(0),
  /** Of those, the ones expiring within the next 30 days (today included), soonest first. */
  expiringSoon: z.array(
    z.strictObject({
      tokenId: id,
      codeLast4: z.string(),
      holderName: z.string().nullable(),
      balanceCents: nonNegativeCents,
      expiresOn: isoDate,
    }),
  ),
  expiringSoonCents: nonNegativeCents,
  /** Balances left on tokens past their expiry or switched off. */
  lapsedCents: nonNegativeCents,
})

/** Every report a CSV can be made of, with the inputs it needs besides the range. */
export const REPORT_TABLES = [
  'summary',
  'byPeriod',
  'hourly',
  'byProduct',
  'byCategory',
  'byTag',
  'byCashier',
  'byTender',
  'promos',
  /** The tokens expiring within 30 days (as of today; the range is not used). */
  'tokenLiability',
  /** Products at or under their low-stock level (as of now; the range is not used). */
  'lowStock',
] as const
export const reportTable = z.enum(REPORT_TABLES)
export type ReportTable = z.infer<typeof reportTable>

export const periodBucket = z.enum(['day', 'week', 'month'])
export const productSort = z.enum(['units', 'revenue'])

const csvRequest = rangeInput.extend({
  report: reportTable,
  bucket: periodBucket.optional(),
  sort: productSort.optional(),
})

const savedFile = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({ saved: z.literal(true), fileName: z.string(), rows: z.int().min(0), sizeBytes: z.int().min(0) }),
])

/** Every report runs in the reports worker (its own read-only connection): the till keeps selling meanwhile. */
export const reportsContract = {
  'reports:summary': channel('reports.view', rangeInput, reportSummaryDto),
  /** Every bucket of the range, empty ones included, oldest first. */
  'reports:byPeriod': channel('reports.view', rangeInput.extend({ bucket: periodBucket }), z.strictObject({ rows: z.array(periodRowDto) })),
  /** All 24 hours, empty ones included. */
  'reports:hourly': channel('reports.view', rangeInput, z.strictObject({ rows: z.array(hourRowDto) })),
  /** Top products by units or by net revenue, `limit` of them (default 20); `total` counts every product sold or returned. */
  'reports:byProduct': channel(
    'reports.view',
    rangeInput.extend({
      sort: productSort,
      limit: z.int().min(1).max(1000).optional(),
      offset: z.int().min(0).max(10_000_000).optional(),
    }),
    z.strictObject({ items: z.array(productRowDto), total: z.int().min(0) }),
  ),
  /** By each product's category (as it is now); products without one in a row of their own (`categoryId: null`). */
  'reports:byCategory': channel('reports.view', rangeInput, z.strictObject({ rows: z.array(categoryRowDto) })),
  /** By each product's tags (as they are now): a product with two tags counts in both rows, so rows need not add up to the net. */
  'reports:byTag': channel('reports.view', rangeInput, z.strictObject({ rows: z.array(tagRowDto) })),
  /** Sales by the invoice's cashier, returns by whoever made them. */
  'reports:byCashier': channel('reports.view', rangeInput, z.strictObject({ rows: z.array(cashierRowDto) })),
  'reports:byTender': channel('reports.view', rangeInput, z.strictObject({ rows: z.array(tenderTakingsDto) })),
  'reports:promos': channel('reports.view', rangeInput, z.strictObject({ rows: z.array(promoRowDto) })),
  /** As of today (the store's day), whatever the range. */
  'reports:tokenLiability': channel('reports.view', protectedInput({}), tokenLiabilityDto),
  /** One report's table as CSV (formula-escaped like the products' export), in the screen's column order. */
  'reports:csv': channel('reports.view', csvRequest, z.strictObject({ csv: z.string(), rows: z.int().min(0) })),
  /** The same CSV saved where main's save dialog points (no path crosses IPC); `saved: false` when cancelled. */
  'reports:exportCsv': channel('reports.view', csvRequest, savedFile),
}
