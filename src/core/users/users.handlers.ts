import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { toUserDto } from '#core/auth/auth.service'
import { unlockUser } from './users.service'

export const usersHandlers = {
  'users:unlock': async ({ username }, ctx) => ({
    user: toUserDto(await unlockUser(ctx, username, signedIn(ctx), ctx.settings.signInLockMinutes)),
  }),
} satisfies FeatureHandlers<'users:unlock'>
