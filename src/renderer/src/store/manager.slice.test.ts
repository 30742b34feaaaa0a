import { describe, expect, it, vi } from 'vitest'
import type { BackupDto, Channel, ChannelInput, ChannelOutput, UserDto } from '../../../shared/contract'
import type { ClientResult, PosClient } from '../api/client'
import { en } from '../i18n/en'
import { createTranslator, type Message } from '../i18n/translate'
import { createPosStore } from './create-pos-store'

const manager: UserDto = { id: 1, username: 'manager', displayName: 'Manoj', role: 'manager' }
const cashier: UserDto = { id: 2, username: 'cashier', displayName: 'Asha', role: 'cashier' }
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
    await store.getState().appStarted()
    store.getState().managerToolsOpened()
    expect(store.getState().dialog).toBeNull()
    expect(calls).not.toContain('backup:list')
  })

  it('open for a manager and list the backups', async () => {
    const { store } = storeFor(manager, {})
    await store.getState().appStarted()
    store.getState().managerToolsOpened()
    expect(store.getState().dialog).toBe('manager')
    await vi.waitFor(() => expect(store.getState().backups).toEqual([backup]))
    expect(store.getState().backups).toEqual([backup])
  })

  it('sign everyone out after a restore and say what happened', async () => {
    const { store } = storeFor(manager, {
      'backup:restore': () => ({ ok: true, data: { restoredFrom: backup.file, previousSavedAs: 'before.sqlite' } }),
    })
    await store.getState().appStarted()
    store.getState().managerToolsOpened()
    await vi.waitFor(() => expect(store.getState().backups).toEqual([backup]))
    store.getState().restoreChosen(backup.file)
    expect(store.getState().restoreCandidate).toEqual(backup)
    await store.getState().restoreConfirmed()
    const state = store.getState()
    expect(state.user).toBeNull()
    expect(state.dialog).toBeNull()
    expect(text(state.signInNotice)).toMatch(/^The backup of 15 Mar 2026, .+ was restored and everyone was signed out: sign in again\. .* kept as before\.sqlite\.$/)
  })

  it('keep the confirmation open with the reason when a restore is refused', async () => {
    const { store } = storeFor(manager, {
      'backup:restore': () => ({ ok: false, error: { code: 'CONFLICT', message: 'The backup file is damaged.' } }),
    })
    await store.getState().appStarted()
    store.getState().managerToolsOpened()
    await vi.waitFor(() => expect(store.getState().backups).toEqual([backup]))
    store.getState().restoreChosen(backup.file)
    await store.getState().restoreConfirmed()
    expect(store.getState().user).toEqual(manager)
    expect(store.getState().restoreCandidate).toEqual(backup)
    expect(text(store.getState().restoreError)).toBe('The backup file is damaged.')
  })

  it('go to sign-in with the backend’s reason when the session has ended', async () => {
    const reason = 'You were signed out after 15 minutes without activity. Please sign in again.'
    const { store } = storeFor(manager, {
      'audit:verify': () => ({ ok: false, error: { code: 'NOT_AUTHENTICATED', message: reason } }),
    })
    await store.getState().appStarted()
    store.getState().managerToolsOpened()
    await store.getState().auditCheckChosen()
    expect(store.getState().user).toBeNull()
    expect(text(store.getState().signInNotice)).toBe(reason)
  })

  it('report the audit verdict both ways', async () => {
    let verdict: unknown = { ok: true, entries: 1204 }
    const { store } = storeFor(manager, { 'audit:verify': () => ({ ok: true, data: verdict }) })
    await store.getState().appStarted()
    store.getState().managerToolsOpened()
    await store.getState().auditCheckChosen()
    expect(store.getState().auditFeedback?.tone).toBe('ok')
    expect(text(store.getState().auditFeedback?.message)).toBe('Audit trail intact (1,204 entries)')

    verdict = { ok: false, entries: 1204, firstBadId: 1017, reason: 'its content was changed after it was written' }
    await store.getState().auditCheckChosen()
    expect(store.getState().auditFeedback?.tone).toBe('error')
    expect(text(store.getState().auditFeedback?.message)).toBe(
      'Audit trail damaged at entry #1017: its content was changed after it was written',
    )
  })

  it('ask for a username before unlocking, and show the backend’s refusal', async () => {
    const { store, calls } = storeFor(manager, {
      'users:unlock': () => ({ ok: false, error: { code: 'NOT_FOUND', message: "No user named 'nobody'." } }),
    })
    await store.getState().appStarted()
    store.getState().managerToolsOpened()
    store.getState().unlockUsernameTyped('   ')
    await store.getState().unlockSubmitted()
    expect(calls).not.toContain('users:unlock')
    expect(text(store.getState().unlockFeedback?.message)).toBe('Enter a username.')

    store.getState().unlockUsernameTyped('nobody')
    expect(store.getState().unlockFeedback).toBeNull()
    await store.getState().unlockSubmitted()
    expect(store.getState().unlockFeedback).toEqual({ tone: 'error', message: { text: "No user named 'nobody'." } })
  })

  it('close on Esc, but not while a restore is under way', async () => {
    let answer: (reply: Reply) => void = () => {}
    const { store } = storeFor(manager, { 'backup:restore': () => new Promise<Reply>((resolve) => (answer = resolve)) as never })
    await store.getState().appStarted()
    store.getState().managerToolsOpened()
    await vi.waitFor(() => expect(store.getState().backups).toEqual([backup]))
    store.getState().restoreChosen(backup.file)
    const restoring = store.getState().restoreConfirmed()
    store.getState().restoreCancelled()
    store.getState().managerToolsClosed()
    expect(store.getState().dialog).toBe('manager')
    answer({ ok: false, error: { code: 'CONFLICT', message: 'no' } })
    await restoring
    store.getState().restoreCancelled()
    store.getState().managerToolsClosed()
    expect(store.getState().dialog).toBeNull()
  })
})
