import type { z } from 'zod'
import type { ChannelPermission } from './permissions'

/** One channel of the contract: who may call it, what it takes and what it answers. */
export interface ChannelEntry {
  readonly permission: ChannelPermission
  readonly input: z.ZodType
  readonly output: z.ZodType
}

export function channel<P extends ChannelPermission, I extends z.ZodType, O extends z.ZodType>(permission: P, input: I, output: O) {
  return { permission, input, output } as const satisfies ChannelEntry
}
