import { describe, expect, it } from 'vitest'
import { KEYS } from '../platform/lib/keys'
import { BACK_OFFICE_SECTIONS, mayUseBackOffice, sectionsFor } from './back-office-sections'
import { CASHIER, fakeBackend, MANAGER } from './fake-backend.helper'
import { TILL_KEYMAP, tillActionFor } from './keymap'

describe('the back office', () => {
  it('has a section for each back-office permission, in the navigation’s order', () => {
    expect(BACK_OFFICE_SECTIONS.map((section) => [section.id, section.permission])).toEqual([
      ['dashboard', 'reports.view'],
      ['products', 'catalog.manage'],
      ['taxes', 'catalog.manage'],
      ['stock', 'stock.manage'],
      ['tokens', 'tokens.manage'],
      ['promos', 'promos.manage'],
      ['staff', 'users.manage'],
      ['settings', 'settings.manage'],
      ['sales', 'reports.view'],
      ['reports', 'reports.view'],
      ['shifts', 'reports.view'],
    ])
    expect(sectionsFor(['stock.manage', 'settings.manage']).map((section) => section.id)).toEqual(['stock', 'settings'])
    expect(mayUseBackOffice(CASHIER.permissions)).toBe(false)
    expect(mayUseBackOffice(['users.manage'])).toBe(true)
  })

  it('opens with F8 for a manager and goes back to the till, focus in the scan field', async () => {
    const { store } = fakeBackend(MANAGER)
    await store.getState().session.appStarted()
    const ticket = store.getState().scan.focusTicket
    tillActionFor({ key: KEYS.backOffice })?.(store.getState())
    expect(store.getState().backOffice.open).toBe(true)
    store.getState().backOffice.sectionChosen('settings')
    store.getState().backOffice.backOfficeClosed()
    expect(store.getState().backOffice.open).toBe(false)
    expect(store.getState().scan.focusTicket).toBe(ticket + 1)
    // The key hint shows for a manager.
    expect(TILL_KEYMAP.find((entry) => 'key' in entry.cap && entry.cap.key === KEYS.backOffice)?.shown?.(store.getState())).toBe(true)
  })

  it('stays shut for a cashier, and its key hint is not drawn for them', async () => {
    const { store, calls } = fakeBackend(CASHIER)
    await store.getState().session.appStarted()
    const before = calls.length
    tillActionFor({ key: KEYS.backOffice })?.(store.getState())
    store.getState().backOffice.backOfficeOpened()
    expect(store.getState().backOffice.open).toBe(false)
    expect(calls.length).toBe(before)
    expect(TILL_KEYMAP.find((entry) => 'key' in entry.cap && entry.cap.key === KEYS.backOffice)?.shown?.(store.getState())).toBe(false)
  })

  it('does not open over a dialog, and a sign-out leaves it', async () => {
    const { store } = fakeBackend(MANAGER)
    await store.getState().session.appStarted()
    store.getState().shell.dialogOpened('finder')
    store.getState().backOffice.backOfficeOpened()
    expect(store.getState().backOffice.open).toBe(false)
    store.getState().shell.dialogClosed()
    store.getState().backOffice.backOfficeOpened()
    store.getState().backOffice.sectionChosen('staff')
    await store.getState().session.signOutChosen()
    expect(store.getState().backOffice).toMatchObject({ open: false, section: null })
  })

  it('uses a key no other till action uses', () => {
    const keys = TILL_KEYMAP.flatMap((entry) => ('key' in entry.cap ? [entry.cap.key] : []))
    expect(new Set(keys).size).toBe(keys.length)
    expect(Object.values(KEYS).filter((key) => key === KEYS.backOffice)).toHaveLength(1)
  })
})
