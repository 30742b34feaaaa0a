import { z } from 'zod'
import { channel } from '../ipc/channel'
import { empty, id, protectedInput, text } from './common'
import { customerDisplaySettings } from './display'
import { printerSettings } from './printing'
import { updatesUrl } from './updates'
import { currencyCode, currencyDecimals, localeTag, timeZone } from './setup'
import { BS_YEARS_ADDED_MAX, bsYearsProblem } from '../i18n/bikram-sambat'

export const taxRounding = z.enum(['perLine', 'global'])
export const cashRoundingMode = z.enum(['halfUp', 'up', 'down', 'halfEven'])
/** 1 = not rounded; NPR 1.00 = 100; at most 1000 major units of a 2-decimal currency. */
const cashIncrement = z.int().min(1).max(100_000)
/** A share in basis points: 10% = 1000. */
const bps = z.int().min(0).max(10_000)

/**
 * The Bikram Sambat years a store added from its almanac after the app's table (BsYear): BS 2084,
 * 2085, … one after another, each its twelve month lengths.
 */
export const bikramSambatYears = z
  .array(z.strictObject({ year: z.int(), months: z.array(z.int().min(29).max(32)).length(12) }))
  .max(BS_YEARS_ADDED_MAX)
  .refine((years) => bsYearsProblem(years) === null, 'years must follow the calendar one after another, each of 365 or 366 days')

/**
 * The store's settings (DESIGN §2.5) that exist by now. Later features add theirs here (tax and
 * cash rounding, discount limit, shifts, printer).
 */
export const storeSettingsDto = z.strictObject({
  storeName: z.string(),
  address: z.string(),
  phone: z.string(),
  taxNumber: z.string(),
  currency: z.string(),
  currencyDecimals,
  locale: localeTag,
  timeZone: z.string(),
  receiptHeader: z.string(),
  receiptFooter: z.string(),
  /** A till with no activity for this long is signed out. */
  sessionIdleMinutes: z.int().min(1).max(720),
  /** How long a name stays locked after too many wrong passwords. */
  signInLockMinutes: z.int().min(1).max(1440),
  /** Products at or below this count are low on stock unless the product sets its own threshold. */
  defaultLowStockAt: z.int().min(0).max(1_000_000),
  /** Round each line's tax, or each tax's sum over the sale once. */
  taxRounding,
  /** The taxes a new product starts with. */
  defaultTaxRateIds: z.array(id),
  /** Cash is rounded to this many minor units (1 = not rounded), only the part paid in cash. */
  cashRoundingIncrementCents: cashIncrement,
  cashRoundingMode,
  /** The most discount `sale.discount` gives without a manager's approval; 10% = 1000. */
  discountLimitBps: bps,
  /** The wallets the store takes, by the names printed on receipts. */
  wallets: z.array(z.string()),
  /** Cashiers take returns themselves (`sale.return`); otherwise a manager approves each one. */
  cashiersMayReturn: z.boolean(),
  /** Shifts are on: a payment or a return needs the till's open shift, closed with a counted drawer and a Z report. */
  shiftsEnabled: z.boolean(),
  /** Screens and receipts show each date in Bikram Sambat as well (display only: records stay in ISO dates). */
  bikramSambat: z.boolean(),
  /** The BS years published after the app's table, as the store entered them. */
  bikramSambatYears,
  /** The receipt printer: where receipts go, and whether one prints after every sale. */
  printer: printerSettings,
  /** The customer display: a second window on a second screen, and which screen (null: the first that is not the till's). */
  customerDisplay: customerDisplaySettings,
  /** The folder the store's updates come from; null (the default): the till never looks for updates. */
  updatesUrl: z.string().nullable(),
  demo: z.boolean(),
  /**
   * True once the store has sold: the currency and its decimals can no longer change (settings:update
   * answers CONFLICT currencyLocked), so the screen shows them fixed, with the reason.
   */
  currencyLocked: z.boolean().optional(),
})
export type StoreSettingsDto = z.infer<typeof storeSettingsDto>

/** Receipt text: several lines (line feeds), but no other control character. */
const receiptText = z
  .string()
  .max(500)
  .refine((value) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value), 'must not contain control characters other than line breaks')

/**
 * A partial patch; at least one field. The currency and its decimals can change only while the store
 * has no sale (CONFLICT currencyLocked): every amount on record is in minor units of the currency.
 */
export const settingsPatch = z
  .strictObject({
    storeName: text(80).min(1),
    address: text(200),
    phone: text(40),
    taxNumber: text(40),
    currency: currencyCode,
    currencyDecimals,
    locale: localeTag,
    timeZone,
    receiptHeader: receiptText,
    receiptFooter: receiptText,
    sessionIdleMinutes: z.int().min(1).max(720),
    signInLockMinutes: z.int().min(1).max(1440),
    defaultLowStockAt: z.int().min(0).max(1_000_000),
    taxRounding,
    defaultTaxRateIds: z.array(id).max(10),
    cashRoundingIncrementCents: cashIncrement,
    cashRoundingMode,
    discountLimitBps: bps,
    wallets: z
      .array(text(30).min(1))
      .max(10)
      .refine((names) => new Set(names.map((name) => name.trim().toLowerCase())).size === names.length, 'wallet names must differ'),
    cashiersMayReturn: z.boolean(),
    shiftsEnabled: z.boolean(),
    bikramSambat: z.boolean(),
    /** The whole list at once: a year is added (or mended) at the end. */
    bikramSambatYears,
    /** The whole printer setting at once (its fields depend on each other). */
    printer: printerSettings,
    /** Both fields at once: the screen chosen belongs to the display switched on. */
    customerDisplay: customerDisplaySettings,
    /** https://, or http:// on the shop's own network; null turns updates off. */
    updatesUrl,
  })
  .partial()

export const settingsContract = {
  'settings:get': channel('signedIn', empty, storeSettingsDto),
  'settings:update': channel(
    'settings.manage',
    protectedInput({ patch: settingsPatch.refine((patch) => Object.keys(patch).length > 0, 'nothing to change') }),
    storeSettingsDto,
  ),
}
