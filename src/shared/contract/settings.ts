import { z } from 'zod'
import { channel } from '../ipc/channel'
import { empty, protectedInput, text } from './common'
import { currencyCode, currencyDecimals, localeTag, timeZone } from './setup'

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
