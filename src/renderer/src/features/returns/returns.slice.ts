import type { InvoiceDto, InvoiceLineDto } from '#shared/contract/invoices'
import type { ReturnDto, ReturnFiguresDto } from '#shared/contract/returns'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, money, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { NoticeTone } from '../../ui/notice-bar'
import { needsApproval, withManagerApproval } from '../approval/public'
import type { ReturnsTexts } from './returns.en'

const msg = messagesOf<ReturnsTexts>()

/** A return takes the items back; a void takes back everything left of a sale from today. */
export type ReturnMode = 'return' | 'void'

const PERMISSION = { return: 'sale.return', void: 'sale.void' } as const

export interface ReturnChoice {
  readonly quantity: number
  readonly restock: boolean
}

export interface ReturnsState {
  /** The invoice the dialog takes items back from; null while it is closed. */
  invoice: InvoiceDto | null
  mode: ReturnMode
  /** invoice line id → what comes back of it. */
  choices: Readonly<Record<number, ReturnChoice>>
  reason: string
  /** What the chosen lines would give back (returns:preview); null while nothing is chosen. */
  preview: ReturnFiguresDto | null
  previewPending: boolean
  pending: boolean
  /** The refund a manager is asked to approve (the dialog shows the approval step). */
  awaitingApproval: boolean
  error: Message | null
  /** The return made: the dialog shows its receipt. */
  made: ReturnDto | null
  /** From the invoice finder (or the sales history): the dialog opens on this invoice. */
  returnOpened(invoice: InvoiceDto, mode: ReturnMode): Promise<void>
  quantityChanged(invoiceLineId: number, quantity: number): Promise<void>
  restockToggled(invoiceLineId: number): void
  /** Every line's remaining units, or none. */
  allChosen(all: boolean): Promise<void>
  reasonTyped(reason: string): void
  returnSubmitted(): Promise<void>
  approvalSubmitted(username: string, secret: string): Promise<void>
  approvalDismissed(): void
  returnClosed(): void
}

export interface ReturnsDeps {
  readonly api: PosClient
  /** A fresh key per return attempt: a retry after a lost reply is the same return. */
  readonly newKey: () => string
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly noticeShown: (tone: NoticeTone, message: Message) => void
  readonly focusReturned: () => void
}

const initialReturns = {
  invoice: null,
  mode: 'return',
  choices: {},
  reason: '',
  preview: null,
  previewPending: false,
  pending: false,
  awaitingApproval: false,
  error: null,
  made: null,
} satisfies Partial<ReturnsState>

/** What is left of a line to take back. */
export const leftOf = (line: InvoiceLineDto) => line.quantity - line.returnedQuantity

export const returnsSlice = defineSlice('returns', ({ set, get, registerReset }, deps: ReturnsDeps): ReturnsState => {
  const { api } = deps
  registerReset(() => set(initialReturns))
  /** The key of this dialog's return: made once per opening, so a retry after a lost reply is the same return. */
  let key = ''
  /** Counts previews so a slower, older one never replaces a newer one. */
  let previewSeq = 0

  const chosenLines = () =>
    Object.entries(get().choices)
      .filter(([, choice]) => choice.quantity > 0)
      .map(([id, choice]) => ({ invoiceLineId: Number(id), quantity: choice.quantity, restock: choice.restock }))

  async function refreshPreview(): Promise<void> {
    const { invoice } = get()
    const lines = chosenLines()
    const seq = ++previewSeq
    if (!invoice || lines.length === 0) return set({ preview: null, previewPending: false })
    set({ previewPending: true })
    const reply = await api.call('returns:preview', { invoiceId: invoice.id, lines })
    if (seq !== previewSeq) return
    if (reply.ok) set({ preview: reply.data, previewPending: false })
    else set({ preview: null, previewPending: false, error: errorMessage(reply.error) })
  }

  function submitCall(approvalId?: string): Promise<ClientResult<ReturnDto>> {
    const { invoice, mode, reason } = get()
    const approval = approvalId ? { approvalId } : {}
    if (mode === 'void')
      return api.call('invoices:void', { invoiceId: invoice!.id, reason: reason.trim(), idempotencyKey: key, ...approval })
    return api.call('returns:create', {
      invoiceId: invoice!.id,
      lines: chosenLines(),
      reason: reason.trim(),
      idempotencyKey: key,
      ...approval,
    })
  }

  function made(result: ReturnDto): void {
    set({ pending: false, awaitingApproval: false, error: null, made: result })
    const amount = money(result.refundCents)
    deps.noticeShown(
      'info',
      result.kind === 'void'
        ? msg('return.voidDone', { invoice: String(result.invoiceNumber), number: String(result.number), amount })
        : msg('return.done', { number: String(result.number), amount }),
    )
  }

  return {
    ...initialReturns,

    returnOpened: async (invoice, mode) => {
      key = deps.newKey()
      const open = invoice.lines.filter((line) => leftOf(line) > 0)
      // A void takes everything left; a return starts from nothing chosen, or the only line there is.
      const choices = Object.fromEntries(
        open.map((line) => [
          line.id,
          { quantity: mode === 'void' || (open.length === 1 && leftOf(line) === 1) ? leftOf(line) : 0, restock: true },
        ]),
      )
      set({ ...initialReturns, invoice, mode, choices, error: open.length === 0 ? msg('return.nothingLeft') : null })
      deps.dialogOpened()
      await refreshPreview()
    },

    quantityChanged: async (invoiceLineId, quantity) => {
      const { invoice, choices, mode, pending } = get()
      const line = invoice?.lines.find((candidate) => candidate.id === invoiceLineId)
      if (!line || mode === 'void' || pending) return
      const clamped = Math.max(0, Math.min(leftOf(line), Number.isFinite(quantity) ? Math.trunc(quantity) : 0))
      const error = quantity > leftOf(line) ? msg('return.tooMany', { left: leftOf(line), name: line.name }) : null
      set({ choices: { ...choices, [invoiceLineId]: { quantity: clamped, restock: choices[invoiceLineId]?.restock ?? true } }, error })
      await refreshPreview()
    },

    restockToggled: (invoiceLineId) => {
      const { choices, mode, pending } = get()
      const choice = choices[invoiceLineId]
      if (!choice || mode === 'void' || pending) return
      set({ choices: { ...choices, [invoiceLineId]: { ...choice, restock: !choice.restock } } })
    },

    allChosen: async (all) => {
      const { invoice, choices, mode, pending } = get()
      if (!invoice || mode === 'void' || pending) return
      const next = Object.fromEntries(
        invoice.lines
          .filter((line) => leftOf(line) > 0)
          .map((line) => [line.id, { quantity: all ? leftOf(line) : 0, restock: choices[line.id]?.restock ?? true }]),
      )
      set({ choices: next, error: null })
      await refreshPreview()
    },

    reasonTyped: (reason) => set({ reason, error: null }),

    returnSubmitted: async () => {
      const { invoice, mode, reason, pending, made: done } = get()
      if (!invoice || pending || done) return
      if (chosenLines().length === 0) return set({ error: msg(mode === 'void' ? 'return.nothingLeft' : 'return.nothingChosen') })
      if (reason.trim() === '') return set({ error: msg('return.reasonMissing') })
      set({ pending: true, error: null })
      const reply = await submitCall()
      if (reply.ok) return made(reply.data)
      if (needsApproval(reply.error, PERMISSION[mode])) return set({ pending: false, awaitingApproval: true })
      set({ pending: false, error: errorMessage(reply.error) })
      // What is left may have changed under us (another till's return): show it as it is now.
      if (reply.error.code === 'RETURN_EXCEEDS_SALE') {
        const fresh = await api.call('invoices:get', { id: invoice.id })
        if (fresh.ok) set({ invoice: fresh.data })
      }
    },

    approvalSubmitted: async (username, secret) => {
      const { mode, pending, awaitingApproval } = get()
      if (!awaitingApproval || pending) return
      set({ pending: true, error: null })
      const result = await withManagerApproval(api, { username, secret, permission: PERMISSION[mode] }, (approvalId) =>
        submitCall(approvalId),
      )
      if (result.ok) return made(result.data)
      // The approval did not work, or could not be used: ask again. Any other refusal is about the return itself.
      if (result.stage !== 'call' || result.error?.code === 'APPROVAL_REQUIRED') set({ pending: false, error: result.message })
      else set({ pending: false, awaitingApproval: false, error: result.message })
    },

    approvalDismissed: () => {
      if (get().pending) return
      set({ awaitingApproval: false, error: null })
    },

    returnClosed: () => {
      if (get().pending) return
      previewSeq += 1
      set(initialReturns)
      deps.dialogClosed()
      deps.focusReturned()
    },
  }
})
