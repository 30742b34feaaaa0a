import type { FeatureHandlers } from '#core/common/handler'
import { notBuilt } from '#core/common/not-built'
import { signedIn } from '#core/common/signed-in'
import { toUserDto } from '#core/auth/auth.service'
import { unlockUser } from './users.service'

export const usersHandlers = {
  'users:unlock': async ({ username }, ctx) => ({
    user: toUserDto(await unlockUser(ctx, username, signedIn(ctx), ctx.settings.signInLockMinutes)),
  }),
  'users:list': async () => notBuilt('users:list'),
  'users:create': async () => notBuilt('users:create'),
  'users:update': async () => notBuilt('users:update'),
  'users:setPassword': async () => notBuilt('users:setPassword'),
} satisfies FeatureHandlers<'users:unlock' | 'users:list' | 'users:create' | 'users:update' | 'users:setPassword'>
