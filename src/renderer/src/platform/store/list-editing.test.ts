import { describe, expect, it } from 'vitest'
import { en } from '../../app/catalogs'
import type { ClientResult } from '../api/client'
import { createTranslator, type Message } from '../i18n/translate'
import { formEditing, initialListEditing, listed, rowActing, type FormState, type RowState } from './list-editing'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

interface Item {
  readonly id: number
  readonly name: string
}

const refused: ClientResult<never> = { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }
const done = (item: Item): Message => ({ key: 'taxes.created', params: { name: item.name } })

/** A slice's state on its own, and every list load with the state it saw. */
function section() {
  let state: FormState<string> & RowState & { listError: Message | null } = { ...initialListEditing }
  const reloads: (typeof state)[] = []
  const slice = {
    get: () => state,
    set: (patch: Partial<typeof state>) => {
      state = { ...state, ...patch }
    },
  }
  const reload = async () => {
    reloads.push(state)
  }
  return { slice, reload, reloads, state: () => state }
}

describe('a back-office list', () => {
  it('keeps the items it showed when a reload is refused, and has none on a refused first load', () => {
    const shown = [{ id: 1, name: 'VAT' }]
    expect(listed({ ok: true, data: { items: shown } }, null)).toEqual({ items: shown, listError: null })
    const kept = listed(refused, shown)
    expect(kept.items).toBe(shown)
    expect(text(kept.listError)).toBe('That was not found.')
    expect(listed(refused, null).items).toEqual([])
  })

  it('keeps the form open with core’s reason when a save is refused, and lists nothing again', async () => {
    const { slice, reload, reloads, state } = section()
    const form = formEditing(slice, reload)
    form.opened('create')
    expect(await form.saved(async () => refused, done)).toBeNull()
    expect(state()).toMatchObject({ editor: 'create', editorPending: false, feedback: null })
    expect(text(state().editorError)).toBe('That was not found.')
    expect(reloads).toEqual([])
    // Cancelled while nothing is saving, the form closes and forgets the refusal.
    form.cancelled()
    expect(state()).toMatchObject({ editor: null, editorError: null })
  })

  it('closes the form once saved, says so, and lists again after', async () => {
    const { slice, reload, reloads, state } = section()
    const form = formEditing(slice, reload)
    form.opened('create')
    const saving = form.saved(
      async () => ({ ok: true, data: { id: 2, name: 'Service charge' } }),
      (item) => done(item),
    )
    // While it saves the form cannot be cancelled.
    expect(state().editorPending).toBe(true)
    form.cancelled()
    expect(state().editor).toBe('create')
    expect(await saving).toEqual({ id: 2, name: 'Service charge' })
    expect(reloads).toHaveLength(1)
    expect(reloads[0]).toMatchObject({ editor: null, editorPending: false })
    expect(text(state().feedback?.message)).toBe('Created the tax “Service charge”.')
  })

  it('runs one row action at a time and lists again only after one went through', async () => {
    const { slice, reload, reloads, state } = section()
    const acted = rowActing(slice, reload)
    let answer: (reply: ClientResult<Item>) => void = () => {}
    const first = acted(1, () => new Promise<ClientResult<Item>>((resolve) => (answer = resolve)), done)
    expect(state().rowPending).toBe(1)
    let secondCalled = false
    expect(
      await acted(
        2,
        async () => {
          secondCalled = true
          return refused
        },
        done,
      ),
    ).toBeNull()
    expect(secondCalled).toBe(false)
    answer(refused)
    expect(await first).toBeNull()
    expect(state()).toMatchObject({ rowPending: null, feedback: { tone: 'error' } })
    expect(text(state().feedback?.message)).toBe('That was not found.')
    expect(reloads).toEqual([])

    expect(await acted(1, async () => ({ ok: true, data: { id: 1, name: 'VAT' } }), done)).toEqual({ id: 1, name: 'VAT' })
    expect(state().feedback?.tone).toBe('ok')
    expect(reloads).toHaveLength(1)
  })
})
