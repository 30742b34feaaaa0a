import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { toUserDto } from '#core/auth/auth.service'
import { createStaff, listStaff, setStaffPassword, unlockUser, updateStaff } from './users.service'

export const usersHandlers = {
  'users:unlock': async ({ username }, ctx) => ({
    user: toUserDto(await unlockUser(ctx, username, signedIn(ctx), ctx.settings.signInLockMinutes)),
  }),
  'users:list': async ({ includeInactive }, ctx) => listStaff(ctx, includeInactive ?? false),
  'users:create': async ({ username, displayName, role, password }, ctx) =>
    createStaff(ctx, signedIn(ctx), { username, displayName, role, password }),
  'users:update': async ({ id, displayName, role, active }, ctx) => updateStaff(ctx, signedIn(ctx), { id, displayName, role, active }),
  'users:setPassword': async ({ id, password }, ctx) => setStaffPassword(ctx, signedIn(ctx), id, password),
} satisfies FeatureHandlers<'users:unlock' | 'users:list' | 'users:create' | 'users:update' | 'users:setPassword'>
