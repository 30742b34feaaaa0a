import type { Channel, ChannelOutput, ParsedInput } from '#shared/ipc/contract'
import type { RequestContext } from './context'

/** A channel's handler: the input is parsed and the caller allowed; call a service, return the DTO. */
export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: RequestContext) => Promise<ChannelOutput<C>>

/** One feature's handlers, checked against the contract (`satisfies FeatureHandlers<'a:b' | …>`). */
export type FeatureHandlers<C extends Channel> = { [K in C]: Handler<K> }
