/**
 * What the back office's lists with a form over them (taxes, staff, promo codes) do the same way:
 * a list that keeps what it showed when a reload is refused, a form that opens, saves and keeps
 * core's refusal in itself, and row buttons that act one at a time. Each slice keeps its items
 * under its own name (`rates`, `staff`); the rest of the state is named alike in all of them.
 */
import type { ClientResult } from '../api/client'
import { errorMessage } from '../errors'
import type { Message } from '../i18n/translate'

/** A section's last result, as its feedback line shows it. */
interface Outcome {
  readonly tone: 'ok' | 'error'
  readonly message: Message
}

/** The part of a slice a helper reads and writes. */
export interface SliceAccess<S> {
  readonly get: () => S
  readonly set: (patch: Partial<S>) => void
}

export interface RowState {
  /** The last change made from the list, or its refusal. */
  feedback: Outcome | null
  /** The row whose button is under way. */
  rowPending: number | null
}

export interface FormState<E> {
  /** The form open over the list, and what it is for. */
  editor: E | null
  editorPending: boolean
  editorError: Message | null
  feedback: Outcome | null
}

/** The list, form and row state before anything has loaded, and after a reset. */
export const initialListEditing = {
  listError: null,
  editor: null,
  editorPending: false,
  editorError: null,
  feedback: null,
  rowPending: null,
}

/** A list's reply: its items; or, refused, the items shown so far (none on the first load) and why. */
export function listed<T>(
  reply: ClientResult<{ readonly items: readonly T[] }>,
  shown: readonly T[] | null,
): { items: readonly T[]; listError: Message | null } {
  return reply.ok ? { items: reply.data.items, listError: null } : { items: shown ?? [], listError: errorMessage(reply.error) }
}

/** The form over the list; `reload` lists again after a save. */
export function formEditing<E>(slice: SliceAccess<FormState<E>>, reload: () => Promise<void>) {
  return {
    /** The list's last feedback goes: it is about something else. */
    opened(editor: E): void {
      slice.set({ editor, editorError: null, feedback: null })
    },

    /** Closes the form, unless its save is under way. */
    cancelled(): void {
      if (slice.get().editorPending) return
      slice.set({ editor: null, editorError: null })
    },

    /**
     * Refused, the form stays open with core's reason; saved, it closes, the list says `done` and
     * loads again. Answers what core saved, or null. The caller checks `editorPending` first.
     */
    async saved<T extends object>(call: () => Promise<ClientResult<T>>, done: (saved: T) => Message): Promise<T | null> {
      slice.set({ editorPending: true, editorError: null })
      const reply = await call()
      if (!reply.ok) {
        slice.set({ editorPending: false, editorError: errorMessage(reply.error) })
        return null
      }
      slice.set({ editorPending: false, editor: null, feedback: { tone: 'ok', message: done(reply.data) } })
      await reload()
      return reply.data
    },
  }
}

/**
 * A row's button (switch off, unlock): one at a time, its outcome as the list's feedback, the list
 * again once it went through. Answers what core answered, or null when refused or not run.
 */
export function rowActing(slice: SliceAccess<RowState>, reload: () => Promise<void>) {
  return async function acted<T extends object>(
    id: number,
    call: () => Promise<ClientResult<T>>,
    done: (result: T) => Message,
  ): Promise<T | null> {
    if (slice.get().rowPending !== null) return null
    slice.set({ rowPending: id, feedback: null })
    const reply = await call()
    slice.set({ rowPending: null })
    if (!reply.ok) {
      slice.set({ feedback: { tone: 'error', message: errorMessage(reply.error) } })
      return null
    }
    slice.set({ feedback: { tone: 'ok', message: done(reply.data) } })
    await reload()
    return reply.data
  }
}
