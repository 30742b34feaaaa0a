import type { TaxRateDto } from '#shared/contract/taxes'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import type { TaxFields } from './tax-form.schema'
import type { TaxesTexts } from './taxes.en'

const msg = messagesOf<TaxesTexts>()

/** The tax form open over the list: a new rate, or one to edit. */
export type TaxEditor = { readonly kind: 'create' } | { readonly kind: 'edit'; readonly tax: TaxRateDto }

export interface TaxesState {
  /** Every rate, switched-off ones too; null until loaded. */
  rates: readonly TaxRateDto[] | null
  listError: Message | null
  editor: TaxEditor | null
  editorPending: boolean
  editorError: Message | null
  /** The last change made from the list, or its refusal. */
  feedback: Feedback | null
  /** The row whose switch (off or on) is under way. */
  rowPending: number | null
  taxesRequested(): Promise<void>
  createChosen(): void
  editChosen(id: number): void
  editorCancelled(): void
  /** Creates (the create form) or saves only what changed (the edit form). */
  taxSubmitted(fields: TaxFields): Promise<void>
  activeToggled(id: number): Promise<void>
}

export interface TaxesDeps {
  readonly api: PosClient
}

const initialTaxes = {
  rates: null,
  listError: null,
  editor: null,
  editorPending: false,
  editorError: null,
  feedback: null,
  rowPending: null,
} satisfies Partial<TaxesState>

export const taxesSlice = defineSlice('taxes', ({ set, get, registerReset }, deps: TaxesDeps): TaxesState => {
  const { api } = deps

  async function loadRates(): Promise<void> {
    const reply = await api.call('taxes:list', {})
    if (reply.ok) set({ rates: reply.data.items, listError: null })
    else set({ rates: get().rates ?? [], listError: errorMessage(reply.error) })
  }

  const find = (id: number) => get().rates?.find((tax) => tax.id === id)

  registerReset(() => set(initialTaxes))

  return {
    ...initialTaxes,

    taxesRequested: loadRates,

    createChosen: () => set({ editor: { kind: 'create' }, editorError: null, feedback: null }),

    editChosen: (id) => {
      const tax = find(id)
      if (tax) set({ editor: { kind: 'edit', tax }, editorError: null, feedback: null })
    },

    editorCancelled: () => {
      if (get().editorPending) return
      set({ editor: null, editorError: null })
    },

    taxSubmitted: async (fields) => {
      const editor = get().editor
      if (!editor || get().editorPending) return
      let reply
      if (editor.kind === 'create') {
        set({ editorPending: true, editorError: null })
        reply = await api.call('taxes:create', { name: fields.name, rateBps: fields.rateBps, included: fields.included })
      } else {
        const { tax } = editor
        const change = {
          ...(fields.name !== tax.name ? { name: fields.name } : {}),
          ...(fields.rateBps !== tax.rateBps ? { rateBps: fields.rateBps } : {}),
          ...(fields.included !== tax.included ? { included: fields.included } : {}),
        }
        if (Object.keys(change).length === 0) {
          set({ editor: null })
          return
        }
        set({ editorPending: true, editorError: null })
        reply = await api.call('taxes:update', { id: tax.id, ...change })
      }
      if (!reply.ok) {
        set({ editorPending: false, editorError: errorMessage(reply.error) })
        return
      }
      const name = reply.data.name
      set({
        editorPending: false,
        editor: null,
        feedback: { tone: 'ok', message: editor.kind === 'create' ? msg('taxes.created', { name }) : msg('taxes.updated', { name }) },
      })
      await loadRates()
    },

    activeToggled: async (id) => {
      const tax = find(id)
      if (!tax || get().rowPending !== null) return
      set({ rowPending: id, feedback: null })
      const reply = await api.call('taxes:update', { id, active: !tax.active })
      set({ rowPending: null })
      if (!reply.ok) {
        set({ feedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      const name = reply.data.name
      set({ feedback: { tone: 'ok', message: reply.data.active ? msg('taxes.switchedOn', { name }) : msg('taxes.switchedOff', { name }) } })
      await loadRates()
    },
  }
})
