import { z } from 'zod'
import { bikramSambatYears } from './settings'
import { channel } from '../ipc/channel'
import { empty } from './common'

export const appInfoDto = z.strictObject({
  storeName: z.string(),
  currency: z.string(),
  locale: z.string(),
  /** True only for the demo store: the screen may then show the demo sign-ins. */
  demo: z.boolean(),
  version: z.string(),
  /** This till's short code (several tills of one shop tell their invoices apart by it). */
  tillCode: z.string(),
  /** An empty database: the screen shows set-up, and every channel but set-up's answers SETUP_REQUIRED. */
  setupRequired: z.boolean(),
  currencyDecimals: z.int().min(0).max(3),
  timeZone: z.string(),
  /** The store prints a receipt after every sale (its printer setting): the till asks for it once paid. */
  printAfterSale: z.boolean(),
  /** Dates are shown in Bikram Sambat as well (a store setting). */
  bikramSambat: z.boolean().optional(),
  /** The BS years the store added from its almanac after the app's table. */
  bikramSambatYears: bikramSambatYears.optional(),
  /** What every receipt prints of the store besides its name (public: it is on every receipt), so the screen's receipt matches the paper. */
  receipt: z
    .strictObject({ address: z.string(), phone: z.string(), taxNumber: z.string(), header: z.string(), footer: z.string() })
    .optional(),
})
export type AppInfoDto = z.infer<typeof appInfoDto>

export const appContract = {
  'app:info': channel('public', empty, appInfoDto),
}
