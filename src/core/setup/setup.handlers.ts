import type { FeatureHandlers } from '#core/common/handler'
import { toUserDto } from '#core/auth/auth.service'
import { createStore, loadDemo } from './setup.service'

export const setupHandlers = {
  'setup:createStore': async (input, ctx) => {
    const { user, recoveryCode } = await createStore(ctx, input)
    return { user: toUserDto(user), recoveryCode }
  },
  'setup:loadDemo': async (_input, ctx) => {
    await loadDemo(ctx)
    return {}
  },
  'setup:startOwnStore': async (_input, ctx) => ctx.store.startOwnStore(ctx.user),
} satisfies FeatureHandlers<'setup:createStore' | 'setup:loadDemo' | 'setup:startOwnStore'>
