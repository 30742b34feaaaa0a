import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CHANNELS, contract, type Channel } from '#shared/ipc/contract'
import { isPermission, ROLES, type Role } from '#shared/ipc/permissions'
import type { BackendClient } from '#core/backend'
import { ok, openTestStore, signedInClient, type TestStore } from '#core/testing/test-store'
import { allows, ROLE_PERMISSIONS } from './policy'

/**
 * Every channel × every role, walked from the contract so a channel added later is covered without
 * edits: each declares a policy core knows, and the door lets in exactly who the policy allows.
 */
let store: TestStore
const clients = {} as Record<Role | 'signed out', BackendClient>

beforeAll(async () => {
  store = await openTestStore()
  clients['signed out'] = store.backend.connect()
  clients.cashier = await signedInClient(store.backend, 'cashier')
  clients.manager = await signedInClient(store.backend, 'manager')
  clients.owner = store.backend.connect()
  ok(await clients.owner.invoke('auth:login', { username: 'owner', password: 'owner' }))
})

afterAll(async () => {
  await store.cleanup()
})

/** Calls that end a session or would restore the books: sent with input the contract refuses, so they only pass the door. */
const HARMLESS_INPUT: Partial<Record<Channel, unknown>> = {
  'auth:logout': { notAField: true },
  'auth:login': { notAField: true },
  'auth:approve': { notAField: true },
  'backup:restore': { file: '' },
}

describe('the permission of every channel', () => {
  it('is public, signed-in or a permission the policy knows', () => {
    for (const channel of CHANNELS) {
      const { permission } = contract[channel]
      expect(permission === 'public' || permission === 'signedIn' || isPermission(permission), channel).toBe(true)
    }
  })

  it('can be approved: a channel that needs a named permission takes an approvalId', () => {
    for (const channel of CHANNELS) {
      const { permission, input } = contract[channel]
      if (!isPermission(permission)) continue
      expect(input, channel).toBeInstanceOf(z.ZodObject)
      expect(Object.keys((input as z.ZodObject).shape), channel).toContain('approvalId')
    }
  })

  it('gives each role the permissions of DESIGN §2.4', () => {
    expect(ROLE_PERMISSIONS.cashier).toEqual(['sale.discount', 'shift.close'])
    for (const role of ['manager', 'owner'] as const) expect(ROLE_PERMISSIONS[role].length).toBeGreaterThan(10)
  })

  for (const role of [...ROLES, 'signed out'] as const) {
    it(`lets ${role === 'signed out' ? 'a signed-out window' : `a ${role}`} through exactly where the policy allows`, async () => {
      for (const channel of CHANNELS) {
        const { permission } = contract[channel]
        const reply = await clients[role].invokeUnknown(channel, HARMLESS_INPUT[channel] ?? {})
        const code = reply.ok ? 'ok' : reply.error.code
        const allowed = allows(role === 'signed out' ? null : role, permission)
        if (allowed) {
          expect(['NOT_AUTHENTICATED', 'FORBIDDEN'], `${channel} as ${role}`).not.toContain(code)
        } else {
          expect(code, `${channel} as ${role}`).toBe(role === 'signed out' ? 'NOT_AUTHENTICATED' : 'FORBIDDEN')
          if (!reply.ok && role !== 'signed out') expect(reply.error.params).toEqual({ permission })
        }
      }
    })
  }
})
