import { PERMISSIONS } from '#shared/ipc/permissions'
import { describe, expect, it, vi } from 'vitest'
import type { BackupDto } from '#shared/contract/backup'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { UserDto } from '#shared/contract/auth'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import { en } from '../../app/catalogs'
import { createPosStore } from '../../app/store'

const manager: UserDto = {
  id: 1,
  username: 'manager',
  displayName: 'Manoj',
  role: 'manager',
  permissions: [...PERMISSIONS],
  language: null,
}
const cashier: UserDto = {
  id: 2,
  username: 'cashier',
  displayName: 'Asha',
  role: 'cashier',
  permissions: ['sale.discount', 'shift.close'],
  language: null,
}
const backup: BackupDto = {
  file: 'tillwise-20260315T041500000Z-manual.sqlite',
  kind: 'manual',
  createdAt: '2026-03-15T04:15:00.000Z',
  sizeBytes: 1_400_000,
}

type Reply = ClientResult<unknown>

/** A backend that answers only what a test sets, and records every call. */
function storeFor(user: UserDto, replies: Partial<Record<Channel, (input: unknown) => Reply>>) {
  const calls: Channel[] = []
  const defaults: Partial<Record<Channel, (input: unknown) => Reply>> = {
    'app:info': () => ({ ok: true, data: { storeName: 'Shop', currency: 'NPR', locale: 'en-IN', demo: false, version: '0' } }),
    'auth:session': () => ({ ok: true, data: { user } }),
    'cart:get': () => ({ ok: true, data: { lines: [], itemCount: 0, totalCents: 0 } }),
    'backup:list': () => ({ ok: true, data: { items: [backup] } }),
  }
  const api: PosClient = {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>) {
      calls.push(channel)
      const handler = replies[channel] ?? defaults[channel]
      if (!handler) throw new Error(`no reply set for ${channel}`)
      return handler(input) as ClientResult<ChannelOutput<C>>
    },
  }
  const store = createPosStore({ api, newKey: () => 'k', searchDelayMs: 0 })
  return { store, calls }
}

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

describe('manager tools', () => {
  it('stay shut for a cashier, without asking the backend', async () => {
    const { store, calls } = storeFor(cashier, {})
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    expect(store.getState().shell.dialog).toBeNull()
    expect(calls).not.toContain('backup:list')
  })

  it('open for a manager and list the backups', async () => {
    const { store } = storeFor(manager, {})
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    expect(store.getState().shell.dialog).toBe('manager')
    await vi.waitFor(() => expect(store.getState().manager.backups).toEqual([backup]))
    expect(store.getState().manager.backups).toEqual([backup])
  })

  it('sign everyone out after a restore and say what happened', async () => {
    const { store } = storeFor(manager, {
      'backup:restore': () => ({ ok: true, data: { restoredFrom: backup.file, previousSavedAs: 'before.sqlite' } }),
    })
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    await vi.waitFor(() => expect(store.getState().manager.backups).toEqual([backup]))
    store.getState().manager.restoreChosen(backup.file)
    expect(store.getState().manager.restoreCandidate).toEqual(backup)
    await store.getState().manager.restoreConfirmed()
    const state = store.getState()
    expect(state.session.user).toBeNull()
    expect(state.shell.dialog).toBeNull()
    expect(text(state.session.signInNotice)).toMatch(
      /^The backup of 15 Mar 2026, .+ was restored and everyone was signed out: sign in again\. .* kept as before\.sqlite\.$/,
    )
  })

  it('keep the confirmation open with the reason when a restore is refused', async () => {
    const { store } = storeFor(manager, {
      'backup:restore': () => ({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'The backup is damaged (wrong page).',
          params: { what: 'backup', problem: 'damaged', detail: 'wrong page' },
        },
      }),
    })
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    await vi.waitFor(() => expect(store.getState().manager.backups).toEqual([backup]))
    store.getState().manager.restoreChosen(backup.file)
    await store.getState().manager.restoreConfirmed()
    expect(store.getState().session.user).toEqual(manager)
    expect(store.getState().manager.restoreCandidate).toEqual(backup)
    expect(text(store.getState().manager.restoreError)).toBe('The backup is damaged (wrong page).')
  })

  it('go to sign-in with the backend’s reason when the session has ended', async () => {
    const reason = 'You were signed out after 15 minutes without activity. Please sign in again.'
    const { store } = storeFor(manager, {
      'audit:verify': () => ({
        ok: false,
        error: { code: 'NOT_AUTHENTICATED', message: reason, params: { reason: 'idle', idleMinutes: 15 } },
      }),
    })
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    await store.getState().manager.auditCheckChosen()
    expect(store.getState().session.user).toBeNull()
    expect(text(store.getState().session.signInNotice)).toBe(reason)
  })

  it('report the audit verdict both ways', async () => {
    let verdict: unknown = { ok: true, entries: 1204 }
    const { store } = storeFor(manager, { 'audit:verify': () => ({ ok: true, data: verdict }) })
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    await store.getState().manager.auditCheckChosen()
    expect(store.getState().manager.auditFeedback?.tone).toBe('ok')
    expect(text(store.getState().manager.auditFeedback?.message)).toBe('Audit trail intact (1,204 entries)')

    verdict = { ok: false, entries: 1204, firstBadId: 1017, problem: 'altered', reason: 'its content was changed after it was written' }
    await store.getState().manager.auditCheckChosen()
    expect(store.getState().manager.auditFeedback?.tone).toBe('error')
    expect(text(store.getState().manager.auditFeedback?.message)).toBe(
      'Audit trail damaged at entry #1017: its content was changed after it was written',
    )
  })

  it('say which way the audit trail is damaged, from the verdict’s problem', async () => {
    const { store } = storeFor(manager, {
      'audit:verify': () => ({ ok: true, data: { ok: false, entries: 9, firstBadId: 4, problem: 'unlinked', reason: 'for the log' } }),
    })
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    await store.getState().manager.auditCheckChosen()
    expect(text(store.getState().manager.auditFeedback?.message)).toBe(
      'Audit trail damaged at entry #4: does not follow the entry before it (an entry was removed or reordered)',
    )
  })

  it('ask for a username before unlocking, and show the backend’s refusal', async () => {
    const { store, calls } = storeFor(manager, {
      'users:unlock': () => ({
        ok: false,
        error: { code: 'NOT_FOUND', message: "No user named 'nobody'.", params: { what: 'user', username: 'nobody' } },
      }),
    })
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    store.getState().manager.unlockUsernameTyped('   ')
    await store.getState().manager.unlockSubmitted()
    expect(calls).not.toContain('users:unlock')
    expect(text(store.getState().manager.unlockFeedback?.message)).toBe('Enter a username.')

    store.getState().manager.unlockUsernameTyped('nobody')
    expect(store.getState().manager.unlockFeedback).toBeNull()
    await store.getState().manager.unlockSubmitted()
    expect(store.getState().manager.unlockFeedback?.tone).toBe('error')
    expect(text(store.getState().manager.unlockFeedback?.message)).toBe("No user named 'nobody'.")
  })

  it('close on Esc, but not while a restore is under way', async () => {
    let answer: (reply: Reply) => void = () => {}
    const { store } = storeFor(manager, { 'backup:restore': () => new Promise<Reply>((resolve) => (answer = resolve)) as never })
    await store.getState().session.appStarted()
    store.getState().manager.managerToolsOpened()
    await vi.waitFor(() => expect(store.getState().manager.backups).toEqual([backup]))
    store.getState().manager.restoreChosen(backup.file)
    const restoring = store.getState().manager.restoreConfirmed()
    store.getState().manager.restoreCancelled()
    store.getState().manager.managerToolsClosed()
    expect(store.getState().shell.dialog).toBe('manager')
    answer({ ok: false, error: { code: 'CONFLICT', message: 'no' } })
    await restoring
    store.getState().manager.restoreCancelled()
    store.getState().manager.managerToolsClosed()
    expect(store.getState().shell.dialog).toBeNull()
  })
})
