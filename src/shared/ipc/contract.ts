/**
 * The IPC contract: every feature's channels, each with who may call it and its input and output
 * schemas. Core validates every input with it, the preload builds `window.pos` from the channel
 * names and the renderer's client is typed by it. Adding a channel: its name in
 * `channel-names.ts`, its entry in `../contract/<feature>.ts`, its handler in core (the compiler
 * flags a name without an entry, an entry without a name and an entry without a handler).
 */
import type { z } from 'zod'
import { appContract } from '../contract/app'
import { auditContract } from '../contract/audit'
import { authContract } from '../contract/auth'
import { backupContract } from '../contract/backup'
import { cartContract } from '../contract/cart'
import { catalogContract } from '../contract/catalog'
import { checkoutContract } from '../contract/checkout'
import { invoicesContract } from '../contract/invoices'
import { parkedContract } from '../contract/parked'
import { promosContract } from '../contract/promos'
import { printingContract } from '../contract/printing'
import { displayContract } from '../contract/display'
import { receiptsContract } from '../contract/receipts'
import { returnsContract } from '../contract/returns'
import { reportsContract } from '../contract/reports'
import { shiftsContract } from '../contract/shifts'
import { documentsContract } from '../contract/documents'
import { settingsContract } from '../contract/settings'
import { setupContract } from '../contract/setup'
import { stockContract } from '../contract/stock'
import { taxesContract } from '../contract/taxes'
import { tokensContract } from '../contract/tokens'
import { updatesContract } from '../contract/updates'
import { usersContract } from '../contract/users'
import type { ChannelEntry } from './channel'
import { CHANNEL_NAMES, type ChannelName } from './channel-names'
import type { IpcResult } from './errors'

export { ipcChannelName } from './channel-names'

export const contract = {
  ...appContract,
  ...setupContract,
  ...settingsContract,
  ...authContract,
  ...catalogContract,
  ...taxesContract,
  ...cartContract,
  ...parkedContract,
  ...promosContract,
  ...checkoutContract,
  ...invoicesContract,
  ...returnsContract,
  ...shiftsContract,
  ...reportsContract,
  ...receiptsContract,
  ...printingContract,
  ...updatesContract,
  ...displayContract,
  ...stockContract,
  ...tokensContract,
  ...documentsContract,
  ...usersContract,
  ...auditContract,
  ...backupContract,
} as const satisfies Record<ChannelName, ChannelEntry>

// Both directions: every name has an entry above (satisfies) and every entry has a name.
const everyEntryNamed: ChannelName = '' as keyof typeof contract
void everyEntryNamed

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller passes (before defaults and trimming). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/**
 * The shape of `window.pos`: one async function per channel, keyed by the channel name. Replies are
 * always envelopes; the function never rejects for a domain error.
 */
export type PosApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
}
