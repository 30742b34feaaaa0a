import { describe, expect, it } from 'vitest'
import type { StaffDto } from '#shared/contract/users'
import { en } from '../../app/catalogs'
import { CASHIER, fakeBackend, MANAGER, ok, type Reply } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import { mayManage, rolesGivenBy } from './staff-section'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

const member = (overrides: Partial<StaffDto>): StaffDto => ({
  id: 10,
  username: 'ram',
  displayName: 'Ram Thapa',
  role: 'cashier',
  active: true,
  locked: false,
  lastSignInAt: null,
  hasPin: false,
  createdAt: '2026-03-15T04:15:00.000Z',
  ...overrides,
})

function staffBackend(extra: Partial<Record<string, (input: unknown) => Reply>> = {}) {
  let staff = [member({ id: MANAGER.id, username: 'manager', displayName: 'Maya Manager', role: 'manager' }), member({})]
  const backend = fakeBackend(MANAGER, {
    'users:list': () => ok({ items: staff, total: staff.length }),
    'users:update': (input) => {
      const change = input as Partial<StaffDto> & { id: number }
      staff = staff.map((one) => (one.id === change.id ? { ...one, ...change } : one))
      return ok(staff.find((one) => one.id === change.id))
    },
    ...extra,
  })
  return backend
}

describe('staff', () => {
  it('lets a manager manage cashiers and managers, and only the owner manage owners', () => {
    expect(mayManage('manager', 'cashier')).toBe(true)
    expect(mayManage('manager', 'owner')).toBe(false)
    expect(mayManage('owner', 'owner')).toBe(true)
    expect(mayManage('cashier', 'cashier')).toBe(false)
    expect(rolesGivenBy('manager')).toEqual(['cashier', 'manager'])
    expect(rolesGivenBy('owner')).toEqual(['cashier', 'manager', 'owner'])
  })

  it('sends only the changed fields of an edit, then lists again', async () => {
    const { store, inputsOf } = staffBackend()
    await store.getState().session.appStarted()
    await store.getState().users.staffRequested()
    store.getState().users.editChosen(10)
    await store.getState().users.staffEdited({ displayName: 'Ram Thapa', role: 'manager' })
    expect(inputsOf('users:update')).toEqual([{ id: 10, role: 'manager' }])
    expect(store.getState().users.editor).toBeNull()
    expect(store.getState().users.staff?.find((one) => one.id === 10)?.role).toBe('manager')
    expect(text(store.getState().users.feedback?.message)).toBe('Saved the changes to Ram Thapa.')
    // Nothing changed: nothing sent.
    store.getState().users.editChosen(10)
    await store.getState().users.staffEdited({ displayName: 'Ram Thapa', role: 'manager' })
    expect(inputsOf('users:update')).toHaveLength(1)
  })

  it('says a refusal on the list and changes nothing', async () => {
    const { store } = staffBackend({
      'users:update': () => ({ ok: false, error: { code: 'CONFLICT', message: 'last', params: { what: 'lastManager' } } }),
    })
    await store.getState().session.appStarted()
    await store.getState().users.staffRequested()
    const before = store.getState().users.staff
    await store.getState().users.activeToggled(MANAGER.id)
    expect(store.getState().users.staff).toBe(before)
    expect(store.getState().users.feedback).toEqual({
      tone: 'error',
      message: expect.objectContaining({ key: 'error.CONFLICT.lastManager' }),
    })
    expect(text(store.getState().users.feedback?.message)).toBe('The store must keep at least one active person who can manage staff.')
  })

  it('keeps the create form open with core’s refusal', async () => {
    const { store } = staffBackend({
      'users:create': () => ({ ok: false, error: { code: 'CONFLICT', message: 'taken', params: { what: 'username', username: 'ram' } } }),
    })
    await store.getState().session.appStarted()
    store.getState().users.createChosen()
    await store.getState().users.staffCreated({ username: 'ram', displayName: 'Ram', role: 'cashier', password: 'ram-secret-1' })
    expect(store.getState().users.editor).toEqual({ kind: 'create' })
    expect(text(store.getState().users.editorError)).toBe("The username 'ram' is taken.")
  })

  it('gives everyone their own account, and hands focus back when it closes', async () => {
    const { store, inputsOf } = fakeBackend(CASHIER, {
      'auth:changePassword': () => ok({}),
      'auth:setPin': () => ok({}),
    })
    await store.getState().session.appStarted()
    store.getState().users.accountOpened()
    expect(store.getState().shell.dialog).toBe('account')
    expect(await store.getState().users.ownPasswordChanged({ currentPassword: 'cashier', newPassword: 'better-one' })).toBe(true)
    expect(text(store.getState().users.accountPasswordFeedback?.message)).toBe('Your password was changed.')
    expect(await store.getState().users.ownPinSet({ currentPassword: 'better-one', pin: null })).toBe(true)
    expect(inputsOf('auth:setPin')).toEqual([{ currentPassword: 'better-one', pin: null }])
    expect(text(store.getState().users.accountPinFeedback?.message)).toBe('Your PIN was removed.')
    const ticket = store.getState().scan.focusTicket
    store.getState().users.accountClosed()
    expect(store.getState().shell.dialog).toBeNull()
    expect(store.getState().scan.focusTicket).toBe(ticket + 1)
  })
})
