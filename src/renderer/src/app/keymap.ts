/**
 * The till's keys in one list: the function keys with the action each runs, and the scan field's
 * own keys, so the global handler and the key hints on screen always agree.
 */
import { MANAGER_TOOLS_PERMISSION } from '../features/manager/public'
import type { PlainKey } from '../platform/i18n/translate'
import { KEYS } from '../platform/lib/keys'
import type { UiTexts } from '../ui/ui.en'
import type { appEn } from './app.en'
import type { PosState } from './store'

export interface TillKey {
  /** The key cap: the key's own name (`F9`), or a text for names that are translated (`Esc`). */
  readonly cap: { readonly key: string } | { readonly text: PlainKey<UiTexts> }
  readonly hint: PlainKey<typeof appEn>
  /** Whether the hint is drawn; a key whose hint is hidden may still be handled, and refused. */
  readonly shown?: (state: PosState) => boolean
  /** What the key does anywhere on the till; absent for keys the scan field handles itself. */
  readonly run?: (state: PosState) => void
}

export const mayUseManagerTools = (state: PosState) => state.session.user?.permissions.includes(MANAGER_TOOLS_PERMISSION) ?? false

export const TILL_KEYMAP: readonly TillKey[] = [
  { cap: { text: 'key.enter' }, hint: 'keys.enter' },
  { cap: { text: 'key.arrows' }, hint: 'keys.arrows' },
  { cap: { key: KEYS.pay }, hint: 'keys.pay', run: (state) => state.checkout.payOpened() },
  { cap: { key: KEYS.findInvoice }, hint: 'keys.find', run: (state) => state.invoices.finderOpened() },
  {
    cap: { key: KEYS.managerTools },
    hint: 'keys.managerTools',
    shown: mayUseManagerTools,
    // Refused for cashiers in the action (and by the backend); the key does nothing for them.
    run: (state) => state.manager.managerToolsOpened(),
  },
  { cap: { text: 'key.escape' }, hint: 'keys.escape' },
]

/** What a key does anywhere on the till, if anything. */
export function tillActionFor(key: string): ((state: PosState) => void) | undefined {
  return TILL_KEYMAP.find((entry) => 'key' in entry.cap && entry.cap.key === key)?.run
}
