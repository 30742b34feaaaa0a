import { z } from 'zod'
import { channel } from '../ipc/channel'
import { nonNegativeCents, protectedInput, text } from './common'
import { currencyDecimals } from './setup'
import { tenderMethod } from './invoices'

/**
 * The customer display: a read-only second window facing the customer. The till's screen sends what
 * it should show (`display:publish`); main forwards it to the display window, which has no way to
 * call anything. Only what a customer may see crosses: names, quantities and amounts — never cost,
 * stock or a token's code.
 */

/** The newest lines a display carries: a longer sale shows its latest ones (the rest scrolled away). */
export const DISPLAY_MAX_LINES = 100
export const DISPLAY_MAX_TENDERS = 10

export const DISPLAY_PHASES = ['idle', 'sale', 'paying', 'thanks'] as const
export type DisplayPhase = (typeof DISPLAY_PHASES)[number]

export const displayLine = z.strictObject({
  name: text(200, { trim: false }),
  quantity: z.int().min(1).max(1_000_000),
  /** What the line costs the customer, after its discount and with every tax. */
  lineTotalCents: nonNegativeCents,
  /** What its discount took off, when it has one. */
  discountCents: nonNegativeCents.optional(),
})
export type DisplayLine = z.infer<typeof displayLine>

export const displayTender = z.strictObject({
  method: tenderMethod,
  /** For cash, what the customer handed over; for the others, what they pay. */
  amountCents: nonNegativeCents,
})
export type DisplayTender = z.infer<typeof displayTender>

export const displayState = z.strictObject({
  phase: z.enum(DISPLAY_PHASES),
  lines: z.array(displayLine).max(DISPLAY_MAX_LINES),
  /** Every line of the sale, also those beyond the newest ones carried. */
  lineCount: z.int().min(0).max(1_000_000),
  /** Units in the sale (Σ quantities). */
  itemCount: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  subtotalCents: nonNegativeCents,
  discountCents: nonNegativeCents,
  taxCents: nonNegativeCents,
  totalCents: nonNegativeCents,
  tenders: z.array(displayTender).max(DISPLAY_MAX_TENDERS),
  /** Still to pay, while paying. */
  dueCents: nonNegativeCents.optional(),
  /** What goes back to the customer, once cash covers the sale. */
  changeCents: nonNegativeCents.optional(),
  storeName: text(80, { trim: false }),
  /** How the display writes amounts: the store's currency, its minor digits and its locale. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  currencyDecimals,
  locale: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/),
})
export type DisplayState = z.infer<typeof displayState>

/** A screen the computer has, as main knows it: the display window may open on any but the till's. */
export const displayScreen = z.strictObject({
  id: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  label: z.string().max(200),
  width: z.int().min(0),
  height: z.int().min(0),
  primary: z.boolean(),
})
export type DisplayScreen = z.infer<typeof displayScreen>

/** The customer display setting: off by default; a chosen screen, or (null) the first one that is not the till's. */
export const customerDisplaySettings = z.strictObject({
  enabled: z.boolean(),
  screenId: z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
})
export type CustomerDisplaySettings = z.infer<typeof customerDisplaySettings>

export const DEFAULT_CUSTOMER_DISPLAY: CustomerDisplaySettings = { enabled: false, screenId: null }

/** An idle display: nothing in the sale, only the store's name. */
export function idleDisplayState(fields: Pick<DisplayState, 'storeName' | 'currency' | 'currencyDecimals' | 'locale'>): DisplayState {
  return {
    phase: 'idle',
    lines: [],
    lineCount: 0,
    itemCount: 0,
    subtotalCents: 0,
    discountCents: 0,
    taxCents: 0,
    totalCents: 0,
    tenders: [],
    ...fields,
  }
}

export const displayContract = {
  /**
   * What the customer display shows now, sent by the till's screen at every change. Without a
   * display (the setting off, no second screen) it is accepted and goes nowhere. Public, so a till
   * that signs out (or is signed out) can still put the display back to its welcome: otherwise the
   * last cashier's sale would stay in front of the next customer. It reaches only the display, and
   * only what the schema lets through.
   */
  'display:publish': channel('public', z.strictObject({ state: displayState }), z.strictObject({})),
  /** The screens this computer has, for the setting's screen picker. */
  'display:screens': channel('settings.manage', protectedInput({}), z.strictObject({ screens: z.array(displayScreen) })),
}

/**
 * `window.customerDisplay`, what the display window's preload exposes, and all it exposes: a way to
 * hear each state main forwards. Nothing on it calls main.
 */
export interface CustomerDisplayApi {
  /** `listener` hears the latest state at once (if one came already), then every new one; the answer stops it. */
  subscribe(listener: (state: DisplayState) => void): () => void
}
