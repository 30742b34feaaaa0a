import type { TaxRateDto } from '#shared/contract/taxes'
import type { PosClient } from '../../platform/api/client'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { formEditing, initialListEditing, listed, rowActing } from '../../platform/store/list-editing'
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

const initialTaxes = { rates: null, ...initialListEditing } satisfies Partial<TaxesState>

export const taxesSlice = defineSlice('taxes', ({ set, get, registerReset }, deps: TaxesDeps): TaxesState => {
  const { api } = deps

  async function loadRates(): Promise<void> {
    const { items, listError } = listed(await api.call('taxes:list', {}), get().rates)
    set({ rates: items, listError })
  }

  const find = (id: number) => get().rates?.find((tax) => tax.id === id)
  const form = formEditing<TaxEditor>({ get, set }, loadRates)
  const rowAction = rowActing({ get, set }, loadRates)

  registerReset(() => set(initialTaxes))

  return {
    ...initialTaxes,

    taxesRequested: loadRates,

    createChosen: () => form.opened({ kind: 'create' }),

    editChosen: (id) => {
      const tax = find(id)
      if (tax) form.opened({ kind: 'edit', tax })
    },

    editorCancelled: form.cancelled,

    taxSubmitted: async (fields) => {
      const editor = get().editor
      if (!editor || get().editorPending) return
      if (editor.kind === 'create') {
        await form.saved(
          () => api.call('taxes:create', { name: fields.name, rateBps: fields.rateBps, included: fields.included }),
          ({ name }) => msg('taxes.created', { name }),
        )
        return
      }
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
      await form.saved(
        () => api.call('taxes:update', { id: tax.id, ...change }),
        ({ name }) => msg('taxes.updated', { name }),
      )
    },

    activeToggled: async (id) => {
      const tax = find(id)
      if (!tax) return
      await rowAction(
        id,
        () => api.call('taxes:update', { id, active: !tax.active }),
        ({ name, active }) => (active ? msg('taxes.switchedOn', { name }) : msg('taxes.switchedOff', { name })),
      )
    },
  }
})
