import type { ImportResultDto } from '#shared/contract/catalog'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Timers } from '../scan/public'
import type { ProductsTexts } from './products.en'

const msg = messagesOf<ProductsTexts>()

/** How often the progress bar asks core how far an import has got. */
export const IMPORT_POLL_MS = 150

export type ImportProgress = ChannelOutput<'products:importProgress'>

export interface ProductImportState {
  open: boolean
  /** The CSV that Preview and Apply send: a chosen file's text, or what was pasted. */
  text: string
  /** The chosen file (its text is not shown in the paste box: it may be megabytes). */
  file: { readonly name: string; readonly size: number } | null
  running: 'preview' | 'apply' | null
  progress: ImportProgress | null
  result: ImportResultDto | null
  /** The text the result is for: Apply is offered only for exactly the previewed text. */
  resultFor: string | null
  error: Message | null
  importOpened(): void
  importClosed(): void
  fileChosen(name: string, size: number, text: string): void
  textPasted(text: string): void
  previewRequested(): Promise<void>
  applyRequested(): Promise<void>
}

export interface ProductImportDeps {
  readonly api: PosClient
  /** The page's own timers unless a test gives its own. */
  readonly timers?: Timers | undefined
  /** A fresh id per import run, for following its progress. */
  readonly newJobId: () => string
  readonly pollMs?: number
  /** An import was applied: the table and its filters read the catalog again. */
  readonly catalogChanged: () => void
}

const initialImport = {
  open: false,
  text: '',
  file: null,
  running: null,
  progress: null,
  result: null,
  resultFor: null,
  error: null,
} satisfies Partial<ProductImportState>

/** Whether Apply may be offered: a clean preview of exactly this text that changes something. */
export function mayApply(state: Pick<ProductImportState, 'result' | 'resultFor' | 'text' | 'running'>): boolean {
  const { result } = state
  return (
    state.running === null &&
    result !== null &&
    !result.applied &&
    result.errorCount === 0 &&
    state.resultFor === state.text &&
    result.creates + result.updates > 0
  )
}

export const productImportSlice = defineSlice(
  'productImport',
  ({ set, get, registerReset }, deps: ProductImportDeps): ProductImportState => {
    const { api } = deps
    const timers: Timers = deps.timers ?? globalThis
    const pollMs = deps.pollMs ?? IMPORT_POLL_MS
    /** The run being followed; a poll for an older one is dropped. */
    let job: string | null = null
    let pollTimer: ReturnType<Timers['setTimeout']> | undefined

    function stopPolling(): void {
      if (pollTimer !== undefined) timers.clearTimeout(pollTimer)
      pollTimer = undefined
      job = null
    }

    /** One poll at a time: the next is scheduled only after this one's reply. */
    function poll(jobId: string): void {
      pollTimer = timers.setTimeout(() => {
        pollTimer = undefined
        void api.call('products:importProgress', { jobId }).then((reply) => {
          if (job !== jobId) return
          // Before core has picked the run up it does not know the id yet: keep asking.
          if (reply.ok) set({ progress: reply.data })
          poll(jobId)
        })
      }, pollMs)
    }

    async function run(apply: boolean): Promise<void> {
      const { text, running } = get()
      if (running) return
      if (text.trim() === '') {
        set({ error: msg('import.empty') })
        return
      }
      const jobId = deps.newJobId()
      stopPolling()
      job = jobId
      set({ running: apply ? 'apply' : 'preview', progress: null, error: null, ...(apply ? {} : { result: null, resultFor: null }) })
      poll(jobId)
      const reply = await api.call('products:import', { csv: text, apply, jobId })
      // Even when the dialog was closed meanwhile, an applied import changed what the table shows.
      if (reply.ok && reply.data.applied) deps.catalogChanged()
      if (job !== jobId) return
      stopPolling()
      set({ running: null, progress: null })
      if (!reply.ok) {
        set({ error: errorMessage(reply.error) })
        return
      }
      set({ result: reply.data, resultFor: text })
    }

    registerReset(() => {
      stopPolling()
      set(initialImport)
    })

    return {
      ...initialImport,
      importOpened: () => set({ ...initialImport, open: true }),
      importClosed: () => {
        // A run in flight finishes in core; only following it stops.
        stopPolling()
        set(initialImport)
      },
      fileChosen: (name, size, text) => set({ file: { name, size }, text, error: null }),
      textPasted: (text) => set({ file: null, text, error: null }),
      previewRequested: () => run(false),
      applyRequested: async () => {
        if (!mayApply(get())) return
        await run(true)
      },
    }
  },
)
