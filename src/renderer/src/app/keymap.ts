/**
 * The till's keys in one list: the function keys with the action each runs, and the scan field's
 * own keys, so the global handler and the key hints on screen always agree.
 */
import { MANAGER_TOOLS_PERMISSION } from '../features/manager/public'
import type { TokensTexts } from '../features/tokens/public'
import type { PlainKey } from '../platform/i18n/translate'
import { KEYS } from '../platform/lib/keys'
import type { UiTexts } from '../ui/ui.en'
import type { appEn } from './app.en'
import { mayUseBackOffice } from './back-office-sections'
import type { PosState } from './store'

/** Where the hints' texts come from: the app's own, and a feature's for a key it brings. */
export type KeymapTexts = typeof appEn & TokensTexts

export interface TillKey {
  /** The key cap: the key's own name (`F9`), or a text for names that are translated (`Esc`). */
  readonly cap: { readonly key: string } | { readonly text: PlainKey<UiTexts> }
  readonly hint: PlainKey<KeymapTexts>
  /** Whether the hint is drawn; a key whose hint is hidden may still be handled, and refused. */
  readonly shown?: (state: PosState) => boolean
  /** What the key does anywhere on the till; absent for keys the scan field handles itself. */
  readonly run?: (state: PosState) => void
}

export const mayUseManagerTools = (state: PosState) => state.session.user?.permissions.includes(MANAGER_TOOLS_PERMISSION) ?? false
export const mayOpenBackOffice = (state: PosState) => mayUseBackOffice(state.session.user?.permissions ?? [])

export const TILL_KEYMAP: readonly TillKey[] = [
  { cap: { text: 'key.enter' }, hint: 'keys.enter' },
  { cap: { text: 'key.arrows' }, hint: 'keys.arrows' },
  { cap: { key: KEYS.pay }, hint: 'keys.pay', run: (state) => state.checkout.payOpened() },
  { cap: { key: KEYS.findInvoice }, hint: 'keys.find', run: (state) => state.invoices.finderOpened() },
  { cap: { key: KEYS.balanceCheck }, hint: 'keys.balance', run: (state) => state.tokens.balanceCheckOpened() },
  {
    cap: { key: KEYS.managerTools },
    hint: 'keys.managerTools',
    shown: mayUseManagerTools,
    // Refused for cashiers in the action (and by the backend); the key does nothing for them.
    run: (state) => state.manager.managerToolsOpened(),
  },
  {
    cap: { key: KEYS.backOffice },
    hint: 'keys.backOffice',
    shown: mayOpenBackOffice,
    // Refused for a user without a back-office section, in the action; core refuses its channels too.
    run: (state) => state.backOffice.backOfficeOpened(),
  },
  { cap: { text: 'key.escape' }, hint: 'keys.escape' },
]

/** What a key does anywhere on the till, if anything. */
export function tillActionFor(key: string): ((state: PosState) => void) | undefined {
  return TILL_KEYMAP.find((entry) => 'key' in entry.cap && entry.cap.key === key)?.run
}
