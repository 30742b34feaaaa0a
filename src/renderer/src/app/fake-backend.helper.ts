/**
 * A store over a backend that answers only what a test sets (and a few defaults), recording every
 * call: for the slices' tests, which check what the screen's state does, not what core does.
 */
import type { AppInfoDto } from '#shared/contract/app'
import type { UserDto } from '#shared/contract/auth'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import { PERMISSIONS } from '#shared/ipc/permissions'
import { emptyCart } from '../features/cart/cart.slice'
import type { ClientResult, PosClient } from '../platform/api/client'
import { createPosStore, type PosStore } from './store'

export type Reply = ClientResult<unknown>
export type Replies = Partial<Record<Channel, (input: unknown) => Reply>>

export const OWNER: UserDto = {
  id: 1,
  username: 'sita',
  displayName: 'Sita Sharma',
  role: 'owner',
  permissions: [...PERMISSIONS],
  language: null,
}
export const MANAGER: UserDto = {
  id: 2,
  username: 'manager',
  displayName: 'Maya Manager',
  role: 'manager',
  permissions: [...PERMISSIONS],
  language: null,
}
export const CASHIER: UserDto = {
  id: 3,
  username: 'cashier',
  displayName: 'Kiran',
  role: 'cashier',
  permissions: ['sale.discount', 'shift.close'],
  language: null,
}

export const appInfo = (overrides: Partial<AppInfoDto> = {}): AppInfoDto => ({
  storeName: 'Shop',
  currency: 'NPR',
  locale: 'en-IN',
  demo: false,
  version: '0',
  tillCode: 'T1',
  setupRequired: false,
  currencyDecimals: 2,
  timeZone: 'Asia/Kathmandu',
  printAfterSale: false,
  ...overrides,
})

export const ok = (data: unknown): Reply => ({ ok: true, data })

export interface FakeBackend {
  readonly store: PosStore
  /** Every call, in order. */
  readonly calls: { readonly channel: Channel; readonly input: unknown }[]
  /** The inputs of the calls on one channel. */
  inputsOf(channel: Channel): unknown[]
}

/** `user` is who `auth:session` says is signed in (null: nobody); `replies` override the defaults. */
export function fakeBackend(user: UserDto | null, replies: Replies = {}): FakeBackend {
  const calls: { channel: Channel; input: unknown }[] = []
  const defaults: Replies = {
    'app:info': () => ok(appInfo()),
    'auth:session': () => ok({ user }),
    'auth:logout': () => ok({}),
    'cart:get': () => ok(emptyCart),
  }
  const api: PosClient = {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>) {
      calls.push({ channel, input })
      const handler = replies[channel] ?? defaults[channel]
      if (!handler) throw new Error(`no reply set for ${channel}`)
      return handler(input) as ClientResult<ChannelOutput<C>>
    },
  }
  const store = createPosStore({ api, newKey: () => 'k', searchDelayMs: 0 })
  return { store, calls, inputsOf: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input) }
}
