/**
 * The channel names alone, with no schema library attached, so the sandboxed preload can build
 * `window.pos` from them without bundling zod. `contract.ts` is checked against this list, both ways.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'auth:login',
  'auth:logout',
  'auth:session',
  'auth:approve',
  'auth:recover',
  'catalog:search',
  'catalog:lookup',
  'cart:get',
  'cart:add',
  'cart:setQuantity',
  'cart:remove',
  'cart:clear',
  'checkout:pay',
  'invoices:get',
  'invoices:list',
  'users:unlock',
  'audit:verify',
  'backup:create',
  'backup:list',
  'backup:restore',
  'backup:export',
  'backup:importFile',
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]

/** The IPC channel name used on the wire for a contract channel. */
export const ipcChannelName = (channel: ChannelName): string => `pos:${channel}`
