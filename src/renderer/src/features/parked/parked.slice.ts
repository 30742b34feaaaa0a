import type { SerialQueue } from '#shared/async/serial-queue'
import type { ParkedCartDto, ParkedPriceChangeDto, ParkedUnavailableDto } from '#shared/contract/parked'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { KEYS } from '../../platform/lib/keys'
import { defineSlice } from '../../platform/store/slice'
import type { NoticeTone } from '../../ui/notice-bar'
import type { ParkedTexts } from './parked.en'

const msg = messagesOf<ParkedTexts>()

/** What a recall brought back differently from how it was parked, shown above the cart until dismissed. */
export interface RecallNote {
  readonly label: string | null
  readonly priceChanges: readonly ParkedPriceChangeDto[]
  readonly unavailable: readonly ParkedUnavailableDto[]
  /** Why the basket's promo code was left out (the same sentence as when a cashier types it), if it was. */
  readonly promoDropped: Message | null
}

export interface ParkedState {
  labelText: string
  parkPending: boolean
  parkError: Message | null
  /** This till's parked sales, newest first; null while they load. */
  parked: readonly ParkedCartDto[] | null
  selectedId: number | null
  /** The sale whose discard is being confirmed. */
  confirmingId: number | null
  listPending: boolean
  listError: Message | null
  recallNote: RecallNote | null
  /** The park key: asks for a label (refused with a notice when the cart is empty). */
  parkOpened(): void
  labelTyped(text: string): void
  parkSubmitted(): Promise<void>
  parkClosed(): void
  /** The parked-sales key. */
  parkedListOpened(): Promise<void>
  parkedSelected(id: number): void
  /** Up and down in the list (Home and End are -Infinity and Infinity). */
  selectionMoved(step: number): void
  recallChosen(): Promise<void>
  discardChosen(): void
  discardConfirmed(): Promise<void>
  discardCancelled(): void
  parkedListClosed(): void
  recallNoteDismissed(): void
  /** The sale in the cart was paid: a note about how it came back is about a finished sale. */
  salePaid(): void
}

export interface ParkedDeps {
  readonly api: PosClient
  /** Parking and recalling wait behind any cart change still in flight, like a payment. */
  readonly cartQueue: SerialQueue
  /** How many lines the cart holds now. */
  readonly cartLineCount: () => number
  readonly cartEmptied: () => void
  readonly cartRequested: () => Promise<void>
  /** A dialog or a payment result holds the screen. */
  readonly tillBusy: () => boolean
  readonly dialogOpened: (dialog: 'park' | 'parked') => void
  readonly dialogClosed: () => void
  readonly noticeShown: (tone: NoticeTone, message: Message) => void
  readonly focusReturned: () => void
}

const initialPark = { labelText: '', parkPending: false, parkError: null } satisfies Partial<ParkedState>
const initialList = {
  parked: null,
  selectedId: null,
  confirmingId: null,
  listPending: false,
  listError: null,
} satisfies Partial<ParkedState>
const initialParked = { ...initialPark, ...initialList, recallNote: null } satisfies Partial<ParkedState>

export const parkedSlice = defineSlice('parked', ({ set, get, registerReset }, deps: ParkedDeps): ParkedState => {
  const { api, cartQueue } = deps

  registerReset(() => set(initialParked))

  function selected(): ParkedCartDto | undefined {
    const { parked, selectedId } = get()
    return parked?.find((item) => item.id === selectedId)
  }

  /** Takes one sale out of the list shown (recalled or discarded here, or gone elsewhere), keeping a neighbour selected. */
  function removed(id: number): void {
    const parked = get().parked ?? []
    const index = parked.findIndex((item) => item.id === id)
    const rest = parked.filter((item) => item.id !== id)
    set({ parked: rest, selectedId: rest[Math.min(Math.max(index, 0), rest.length - 1)]?.id ?? null, confirmingId: null })
  }

  function closeList(): void {
    set(initialList)
    deps.dialogClosed()
    deps.focusReturned()
  }

  async function load(): Promise<void> {
    const reply = await api.call('cart:parked', {})
    if (!reply.ok) {
      set({ parked: [], listError: errorMessage(reply.error) })
      return
    }
    const keep = reply.data.items.some((item) => item.id === get().selectedId)
    set({ parked: reply.data.items, selectedId: keep ? get().selectedId : (reply.data.items[0]?.id ?? null) })
  }

  return {
    ...initialParked,

    parkOpened: () => {
      if (deps.tillBusy()) return
      if (deps.cartLineCount() === 0) {
        deps.noticeShown('info', msg('park.nothingToPark'))
        deps.focusReturned()
        return
      }
      set(initialPark)
      deps.dialogOpened('park')
    },

    labelTyped: (text) => set({ labelText: text, parkError: null }),

    parkSubmitted: async () => {
      if (get().parkPending) return
      set({ parkPending: true, parkError: null })
      const label = get().labelText.trim()
      const reply = await cartQueue.run(() => api.call('cart:park', label ? { label } : {}))
      if (!reply.ok) {
        set({ parkPending: false, parkError: errorMessage(reply.error) })
        return
      }
      set({ ...initialPark, recallNote: null })
      deps.cartEmptied()
      deps.dialogClosed()
      const saved = reply.data.parked.label
      deps.noticeShown(
        'info',
        saved ? msg('park.parked', { label: saved, key: KEYS.parkedSales }) : msg('park.parkedUnlabelled', { key: KEYS.parkedSales }),
      )
      deps.focusReturned()
    },

    parkClosed: () => {
      set(initialPark)
      deps.dialogClosed()
      deps.focusReturned()
    },

    parkedListOpened: async () => {
      if (deps.tillBusy()) return
      set(initialList)
      deps.dialogOpened('parked')
      await load()
    },

    parkedSelected: (id) => set({ selectedId: id, confirmingId: null, listError: null }),

    selectionMoved: (step) => {
      const { parked, selectedId, confirmingId } = get()
      if (!parked?.length || confirmingId !== null) return
      const index = parked.findIndex((item) => item.id === selectedId)
      const next = Math.min(Math.max((index < 0 ? 0 : index) + step, 0), parked.length - 1)
      set({ selectedId: parked[next]!.id, listError: null })
    },

    recallChosen: async () => {
      const chosen = selected()
      if (!chosen || get().listPending || get().confirmingId !== null) return
      set({ listPending: true, listError: null })
      const reply = await cartQueue.run(() => api.call('cart:recall', { parkedId: chosen.id }))
      if (!reply.ok) {
        set({ listPending: false, listError: errorMessage(reply.error) })
        // Recalled or discarded at another window meanwhile: the list shows what is left.
        if (reply.error.code === 'NOT_FOUND') removed(chosen.id)
        return
      }
      const { recalled, priceChanges, unavailable, promoDropped: dropped, cart } = reply.data
      closeList()
      // The cart as the backend holds it now (its answer above is the same cart, priced).
      await deps.cartRequested()
      const label = recalled.label
      deps.noticeShown(
        cart.lines.length === 0 ? 'warning' : 'info',
        cart.lines.length === 0
          ? msg('parked.recalledNothing')
          : label
            ? msg('parked.recalled', { label })
            : msg('parked.recalledUnlabelled'),
      )
      const promoDropped = dropped
        ? errorMessage({ code: 'PROMO_INVALID', message: '', params: { reason: dropped.reason, code: dropped.code } })
        : null
      set({
        recallNote:
          priceChanges.length > 0 || unavailable.length > 0 || promoDropped ? { label, priceChanges, unavailable, promoDropped } : null,
      })
    },

    discardChosen: () => {
      const chosen = selected()
      if (!chosen || get().listPending) return
      set({ confirmingId: chosen.id, listError: null })
    },

    discardConfirmed: async () => {
      const { confirmingId, listPending } = get()
      if (confirmingId === null || listPending) return
      set({ listPending: true, listError: null })
      const reply = await api.call('cart:discardParked', { parkedId: confirmingId })
      set({ listPending: false })
      if (!reply.ok) {
        set({ listError: errorMessage(reply.error), confirmingId: null })
        if (reply.error.code === 'NOT_FOUND') removed(confirmingId)
        return
      }
      removed(confirmingId)
      const label = reply.data.discarded.label
      deps.noticeShown('info', label ? msg('parked.discarded', { label }) : msg('parked.discardedUnlabelled'))
    },

    discardCancelled: () => set({ confirmingId: null }),

    parkedListClosed: closeList,

    recallNoteDismissed: () => {
      set({ recallNote: null })
      deps.focusReturned()
    },

    salePaid: () => set({ recallNote: null }),
  }
})
