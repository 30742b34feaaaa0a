import { PRINTER_KINDS, type PrinterKind } from '#shared/contract/printing'
import type { ShiftDto, ShiftFiguresDto, ZReportDto } from '#shared/contract/shifts'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { Permission } from '#shared/ipc/permissions'
import { currencyExponent, decimalAmount, parseMoney } from '#shared/money/money'
import type { ClientError, PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, money, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import type { NoticeTone } from '../../ui/notice-bar'
import { CHORDS } from '../../platform/lib/keys'
import type { ShiftsTexts } from './shifts.en'

const msg = messagesOf<ShiftsTexts>()

/** What `shift:current` answers: whether shifts are on, the open shift, and the last close's count. */
export type ShiftCurrent = ChannelOutput<'shift:current'>
export type ShiftListItem = ChannelOutput<'shift:list'>['items'][number]

/** The till's shift dialogs; one at a time, inside the till's one dialog slot. */
export type ShiftView = 'open' | 'cashMove' | 'noSale' | 'close' | 'xReport'

/** Shifts per page of the back office's list. */
export const SHIFTS_PAGE = 20

export interface ShiftsState {
  /** Null until `shift:current` has answered. */
  current: ShiftCurrent | null
  view: ShiftView | null
  /** The float, the cash move's amount, or the count, as typed. */
  amountText: string
  moveKind: 'payIn' | 'payOut'
  reasonText: string
  pending: boolean
  error: Message | null
  /** What opening the drawer without a sale did. */
  noSaleResult: Feedback | null
  /** The close's key, kept so a retry after a lost reply answers the same Z report. */
  closeKey: string | null
  /** The Z report the close just wrote, shown in the close dialog. */
  closedZ: ZReportDto | null
  xReport: ShiftFiguresDto | null

  /** The back office's list of shifts: one page, newest first. */
  list: { readonly items: readonly ShiftListItem[]; readonly total: number; readonly offset: number } | null
  listError: Message | null
  /** A Z report opened from the list. */
  viewedZ: ZReportDto | null
  viewedZPending: boolean
  viewedZError: Message | null

  /** The shift state is asked for again (sign-in, settings saved, after a refusal). */
  currentRequested(): Promise<void>
  /** Ctrl+O */
  openShiftOpened(): void
  /** Ctrl+I */
  cashMoveOpened(): void
  /** Ctrl+B */
  noSaleOpened(): void
  /** Ctrl+E */
  closeShiftOpened(): void
  /** Ctrl+Shift+X */
  xReportOpened(): Promise<void>
  amountTyped(text: string): void
  reasonTyped(text: string): void
  moveKindChosen(kind: 'payIn' | 'payOut'): void
  openSubmitted(): Promise<void>
  cashMoveSubmitted(): Promise<void>
  noSaleConfirmed(): Promise<void>
  closeSubmitted(): Promise<void>
  shiftDialogClosed(): void
  /** The payment was refused for want of an open shift: back to the cart, and perhaps straight to opening one. */
  refusalLeft(openShift: boolean): Promise<void>

  listRequested(offset?: number): Promise<void>
  zReportViewed(shiftId: number): Promise<void>
  zReportViewClosed(): void
}

export interface ShiftsDeps {
  readonly api: PosClient
  readonly newKey: () => string
  /** The store's currency, for amounts typed. */
  readonly currency: () => string
  readonly mayUse: (permission: Permission) => boolean
  readonly tillBusy: () => boolean
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly noticeShown: (tone: NoticeTone, message: Message) => void
  readonly focusReturned: () => void
  /** Leaves the payment's refusal screen for the cart. */
  readonly paymentRefusalLeft: () => Promise<void>
}

const initialDialog = {
  view: null,
  amountText: '',
  moveKind: 'payOut',
  reasonText: '',
  pending: false,
  error: null,
  noSaleResult: null,
  closeKey: null,
  closedZ: null,
  xReport: null,
} satisfies Partial<ShiftsState>

const initialList = { list: null, listError: null, viewedZ: null, viewedZPending: false, viewedZError: null } satisfies Partial<ShiftsState>

const initialShifts = { current: null, ...initialDialog, ...initialList } satisfies Partial<ShiftsState>

/** The drawer's words for what a no-sale did: opened, or why not. */
function noSaleFeedback(result: ChannelOutput<'drawer:noSale'>): Feedback {
  if (result.drawerOpened) return { tone: 'ok', message: msg('shift.noSale.opened') }
  const printError = result.printError
  if (!printError) return { tone: 'error', message: msg('shift.noSale.noDrawer') }
  // The printer's own words, as a failed print says them, when its kind is one the till knows.
  const { kind, detail } = printError
  const reason = isPrinterKind(kind)
    ? errorMessage({ code: 'PRINT_FAILED', message: '', params: { kind, detail } })
    : msg('shift.noSale.printerError', { kind, detail })
  return { tone: 'error', message: msg('shift.noSale.notOpened', { reason }) }
}

const isPrinterKind = (kind: string): kind is PrinterKind => (PRINTER_KINDS as readonly string[]).includes(kind)

export const shiftsSlice = defineSlice('shifts', ({ set, get, registerReset }, deps: ShiftsDeps): ShiftsState => {
  const { api } = deps
  registerReset(() => set(initialShifts))

  const openShift = (): ShiftDto | null => get().current?.shift ?? null

  /** Reads an amount field: cents, or the reason it cannot be read (a float or a count may be zero). */
  function amountOf(text: string, allowZero: boolean): { cents: number } | { error: Message } {
    if (text.trim() === '') return { error: msg('shift.amountRequired') }
    const cents = parseMoney(text, deps.currency())
    if (cents === null) return { error: msg('shift.amountRequired') }
    if (!allowZero && cents === 0) return { error: msg('shift.amountPositive') }
    return { cents }
  }

  function opened(view: ShiftView, fields: Partial<ShiftsState> = {}): void {
    set({ ...initialDialog, view, ...fields })
    deps.dialogOpened()
  }

  function closeDialog(): void {
    set(initialDialog)
    deps.dialogClosed()
    deps.focusReturned()
  }

  /** A shift action needs shifts on and (but for opening) a shift open; says so at the till when not. */
  function refusedWithoutShift(): boolean {
    const current = get().current
    if (current && !current.enabled) {
      deps.noticeShown('info', msg('shift.off'))
      return true
    }
    if (current && !current.shift) {
      deps.noticeShown('warning', msg('shift.none', { key: CHORDS.openShift.label }))
      return true
    }
    return false
  }

  async function currentRequested(): Promise<void> {
    const reply = await api.call('shift:current', {})
    if (reply.ok) set({ current: reply.data })
  }

  /** A refusal that says the shift is not what the screen thought: ask again, so the header tells the truth. */
  function refused(error: ClientError): void {
    set({ pending: false, error: errorMessage(error) })
    if (error.code === 'SHIFT_CLOSED' || error.code === 'CONFLICT') void currentRequested()
  }

  return {
    ...initialShifts,

    currentRequested,

    openShiftOpened: () => {
      if (deps.tillBusy()) return
      const current = get().current
      if (current && !current.enabled) {
        deps.noticeShown('info', msg('shift.off'))
        return
      }
      const shift = openShift()
      if (shift) {
        deps.noticeShown('info', msg('shift.open.already', { number: shift.number }))
        return
      }
      const carried = current?.lastCountedCashCents
      opened('open', { amountText: carried == null ? '' : decimalAmount(carried, currencyExponent(deps.currency())) })
    },

    cashMoveOpened: () => {
      if (deps.tillBusy() || refusedWithoutShift()) return
      opened('cashMove')
    },

    noSaleOpened: () => {
      if (deps.tillBusy() || !deps.mayUse('drawer.noSale')) return
      opened('noSale')
    },

    closeShiftOpened: () => {
      if (deps.tillBusy() || refusedWithoutShift()) return
      opened('close', { closeKey: deps.newKey() })
    },

    xReportOpened: async () => {
      if (deps.tillBusy() || !deps.mayUse('reports.view') || refusedWithoutShift()) return
      opened('xReport', { pending: true })
      const reply = await api.call('shift:xReport', {})
      if (get().view !== 'xReport') return
      if (!reply.ok) {
        refused(reply.error)
        return
      }
      set({ pending: false, xReport: reply.data })
    },

    amountTyped: (text) => set({ amountText: text, error: null }),
    reasonTyped: (text) => set({ reasonText: text, error: null }),
    moveKindChosen: (kind) => set({ moveKind: kind, error: null }),

    openSubmitted: async () => {
      if (get().pending) return
      const amount = amountOf(get().amountText, true)
      if ('error' in amount) {
        set({ error: amount.error })
        return
      }
      set({ pending: true, error: null })
      const reply = await api.call('shift:open', { openingFloatCents: amount.cents })
      if (!reply.ok) {
        refused(reply.error)
        return
      }
      const shift = reply.data
      set((s) => ({ current: { enabled: true, lastCountedCashCents: s.current?.lastCountedCashCents ?? null, shift } }))
      closeDialog()
      deps.noticeShown('info', msg('shift.open.opened', { number: shift.number, amount: money(shift.openingFloatCents) }))
    },

    cashMoveSubmitted: async () => {
      const { pending, amountText, reasonText, moveKind } = get()
      if (pending) return
      const amount = amountOf(amountText, false)
      if ('error' in amount) {
        set({ error: amount.error })
        return
      }
      const reason = reasonText.trim()
      if (reason === '') {
        set({ error: msg('shift.move.reasonRequired') })
        return
      }
      set({ pending: true, error: null })
      const reply = await api.call('shift:cashMove', { kind: moveKind, amountCents: amount.cents, reason })
      if (!reply.ok) {
        refused(reply.error)
        return
      }
      closeDialog()
      const amountParam = { amount: money(reply.data.amountCents) }
      deps.noticeShown('info', reply.data.kind === 'payIn' ? msg('shift.move.paidIn', amountParam) : msg('shift.move.paidOut', amountParam))
    },

    noSaleConfirmed: async () => {
      if (get().pending) return
      set({ pending: true, error: null, noSaleResult: null })
      const reply = await api.call('drawer:noSale', {})
      if (!reply.ok) {
        refused(reply.error)
        return
      }
      set({ pending: false, noSaleResult: noSaleFeedback(reply.data) })
    },

    closeSubmitted: async () => {
      const { pending, amountText, closeKey, closedZ } = get()
      if (pending || closedZ || !closeKey) return
      const amount = amountOf(amountText, true)
      if ('error' in amount) {
        set({ error: amount.error })
        return
      }
      set({ pending: true, error: null })
      const reply = await api.call('shift:close', { countedCashCents: amount.cents, idempotencyKey: closeKey })
      if (!reply.ok) {
        refused(reply.error)
        return
      }
      const z = reply.data
      set({ pending: false, closedZ: z, current: { enabled: true, shift: null, lastCountedCashCents: z.countedCashCents } })
      deps.noticeShown('info', msg('shift.close.closed', { number: z.figures.shift.number, z: z.number }))
    },

    shiftDialogClosed: () => {
      if (get().pending) return
      closeDialog()
    },

    refusalLeft: async (openShift) => {
      await deps.paymentRefusalLeft()
      await currentRequested()
      if (openShift) get().openShiftOpened()
    },

    listRequested: async (offset = get().list?.offset ?? 0) => {
      const reply = await api.call('shift:list', { limit: SHIFTS_PAGE, offset })
      if (!reply.ok) {
        set({ listError: msg('shifts.list.failed', { reason: errorMessage(reply.error) }) })
        return
      }
      set({ list: { ...reply.data, offset }, listError: null })
    },

    zReportViewed: async (shiftId) => {
      set({ viewedZ: null, viewedZPending: true, viewedZError: null })
      const reply = await api.call('shift:get', { id: shiftId })
      if (!reply.ok) {
        set({ viewedZPending: false, viewedZError: errorMessage(reply.error) })
        return
      }
      set({ viewedZPending: false, viewedZ: reply.data })
    },

    zReportViewClosed: () => set({ viewedZ: null, viewedZPending: false, viewedZError: null }),
  }
})
