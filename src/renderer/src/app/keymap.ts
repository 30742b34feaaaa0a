/**
 * The till's keys in one list: the function keys with the action each runs, and the scan field's
 * own keys, so the global handler and the key hints on screen always agree.
 */
import type { DiscountsTexts } from '../features/discounts/public'
import { MANAGER_TOOLS_PERMISSION } from '../features/manager/public'
import type { ParkedTexts } from '../features/parked/public'
import type { SalesHistoryTexts } from '../features/sales-history/public'
import type { ShiftsTexts } from '../features/shifts/public'
import type { TokensTexts } from '../features/tokens/public'
import type { Permission } from '#shared/ipc/permissions'
import type { PlainKey } from '../platform/i18n/translate'
import { CHORDS, isChord, KEYS, type Chord, type KeyPress } from '../platform/lib/keys'
import type { UiTexts } from '../ui/ui.en'
import type { appEn } from './app.en'
import { mayUseBackOffice } from './back-office-sections'
import type { PosState } from './store'

/** Where the hints' texts come from: the app's own, and a feature's for a key it brings. */
export type KeymapTexts = typeof appEn & TokensTexts & ParkedTexts & DiscountsTexts & SalesHistoryTexts & ShiftsTexts

export interface TillKey {
  /** The key cap: the key's own name (`F9`), a Ctrl chord, or a text for names that are translated (`Esc`). */
  readonly cap: { readonly key: string } | { readonly chord: Chord } | { readonly text: PlainKey<UiTexts> }
  readonly hint: PlainKey<KeymapTexts>
  /** Whether the hint is drawn; a key whose hint is hidden may still be handled, and refused. */
  readonly shown?: (state: PosState) => boolean
  /** What the key does anywhere on the till; absent for keys the scan field handles itself. */
  readonly run?: (state: PosState) => void
}

export const mayUseManagerTools = (state: PosState) => state.session.user?.permissions.includes(MANAGER_TOOLS_PERMISSION) ?? false
export const mayOpenBackOffice = (state: PosState) => mayUseBackOffice(state.session.user?.permissions ?? [])
const mayUse = (state: PosState, permission: Permission) => state.session.user?.permissions.includes(permission) ?? false
/** The shift's keys are drawn only where they apply: shifts on, and a shift open or not. */
const shiftsOn = (state: PosState) => state.shifts.current?.enabled === true
const shiftOpen = (state: PosState) => shiftsOn(state) && state.shifts.current?.shift != null

export const TILL_KEYMAP: readonly TillKey[] = [
  { cap: { text: 'key.enter' }, hint: 'keys.enter' },
  { cap: { text: 'key.arrows' }, hint: 'keys.arrows' },
  { cap: { key: KEYS.pay }, hint: 'keys.pay', run: (state) => state.checkout.payOpened() },
  { cap: { key: KEYS.findInvoice }, hint: 'keys.find', run: (state) => state.invoices.finderOpened() },
  { cap: { chord: CHORDS.recentSales }, hint: 'sales.keys.recent', run: (state) => state.salesHistory.tillOpened() },
  { cap: { key: KEYS.balanceCheck }, hint: 'keys.balance', run: (state) => state.tokens.balanceCheckOpened() },
  { cap: { key: KEYS.park }, hint: 'keys.park', run: (state) => state.parked.parkOpened() },
  { cap: { key: KEYS.parkedSales }, hint: 'keys.parked', run: (state) => void state.parked.parkedListOpened() },
  { cap: { chord: CHORDS.lineDiscount }, hint: 'keys.lineDiscount', run: (state) => state.discounts.lineDiscountOpened() },
  { cap: { chord: CHORDS.orderDiscount }, hint: 'keys.orderDiscount', run: (state) => state.discounts.orderDiscountOpened() },
  { cap: { chord: CHORDS.promoCode }, hint: 'keys.promoCode', run: (state) => state.discounts.promoOpened() },
  {
    cap: { chord: CHORDS.openShift },
    hint: 'shift.keys.open',
    shown: (state) => shiftsOn(state) && !shiftOpen(state),
    run: (state) => state.shifts.openShiftOpened(),
  },
  { cap: { chord: CHORDS.cashMove }, hint: 'shift.keys.cashMove', shown: shiftOpen, run: (state) => state.shifts.cashMoveOpened() },
  {
    cap: { chord: CHORDS.noSale },
    hint: 'shift.keys.noSale',
    shown: (state) => mayUse(state, 'drawer.noSale'),
    run: (state) => state.shifts.noSaleOpened(),
  },
  {
    cap: { chord: CHORDS.xReport },
    hint: 'shift.keys.xReport',
    shown: (state) => shiftOpen(state) && mayUse(state, 'reports.view'),
    run: (state) => void state.shifts.xReportOpened(),
  },
  { cap: { chord: CHORDS.closeShift }, hint: 'shift.keys.close', shown: shiftOpen, run: (state) => state.shifts.closeShiftOpened() },
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

/** What a key press does anywhere on the till, if anything. */
export function tillActionFor(event: KeyPress): ((state: PosState) => void) | undefined {
  return TILL_KEYMAP.find(({ cap }) => ('key' in cap ? cap.key === event.key : 'chord' in cap && isChord(cap.chord, event)))?.run
}

/** A key's cap as the hints draw it (a translated name comes through `text`). */
export function capLabel(cap: TillKey['cap'], text: (key: PlainKey<UiTexts>) => string): string {
  return 'key' in cap ? cap.key : 'chord' in cap ? cap.chord.label : text(cap.text)
}
