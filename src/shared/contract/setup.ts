import { z } from 'zod'
import { channel } from '../ipc/channel'
import { empty, text } from './common'
import { userDto } from './auth'

/** ISO 4217 code, upper case (`NPR`). */
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code')
  .transform((value) => value.toUpperCase())
/** How many minor units a currency has: NPR 2 (paisa), JPY 0, KWD 3. Fixed once the store has sold. */
export const currencyDecimals = z.union([z.literal(0), z.literal(2), z.literal(3)])
/** BCP-47 tag of a language the till speaks: `en-IN`, `ne-NP`. */
export const localeTag = z.enum(['en-IN', 'en-US', 'en-GB', 'ne-NP'])
/** IANA time zone (`Asia/Kathmandu`); an unknown one is refused (VALIDATION_FAILED, rule timeZone). */
export const timeZone = text(64).min(1)

/** A new password: at least 8 characters, not all the same kind (core checks it too: rule weakPassword). */
export const newPassword = text(256, { trim: false }).min(1)

export const storeDetailsInput = z.strictObject({
  name: text(80).min(1),
  address: text(200).optional(),
  phone: text(40).optional(),
  /** PAN / VAT number printed on receipts. */
  taxNumber: text(40).optional(),
  currency: currencyCode,
  currencyDecimals,
  locale: localeTag,
  timeZone,
})

export const setupContract = {
  /** First start, once: the store and its owner. Refused (CONFLICT setupDone) once a store exists. Signs this window in as the owner. */
  'setup:createStore': channel(
    'public',
    z.strictObject({
      store: storeDetailsInput,
      owner: z.strictObject({ username: text(64).min(1), displayName: text(80).min(1), password: newPassword }),
    }),
    /** `recoveryCode` is shown once, to be written down or printed; only its hash is kept. */
    z.strictObject({ user: userDto, recoveryCode: z.string() }),
  ),
  /** First start, once: fill the empty database with the demo store instead (CONFLICT setupDone otherwise). */
  'setup:loadDemo': channel('public', empty, empty),
  /**
   * Only in the demo store (CONFLICT notDemo otherwise): the demo database is kept aside in the data
   * folder (`demo-stores/`) and a fresh, empty one takes its place, so set-up starts; every window
   * is signed out. Nothing of the demo is carried over.
   */
  'setup:startOwnStore': channel('public', z.strictObject({ confirm: z.literal(true) }), z.strictObject({ keptAs: z.string() })),
}
