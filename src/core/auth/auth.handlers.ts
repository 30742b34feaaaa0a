import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { write } from '#core/db/tx'
import { approve, authenticate, changePassword, recoverOwner, setPin, toUserDto } from './auth.service'

export const authHandlers = {
  'auth:login': async ({ username, password, language }, ctx) => {
    const user = await authenticate(ctx, username, password, language)
    ctx.setUser(user)
    return { user: toUserDto(user, ctx.settings) }
  },
  'auth:logout': async (_input, ctx) => {
    const user = signedIn(ctx)
    ctx.setUser(null)
    await write(ctx, (tx) => tx.audit({ action: 'auth.sign-out', actor: { id: user.id, name: user.displayName }, subject: user.username }))
    return {}
  },
  'auth:session': async (_input, ctx) => ({ user: ctx.user ? toUserDto(ctx.user, ctx.settings) : null }),
  'auth:approve': async ({ username, secret, permission }, ctx) => approve(ctx, signedIn(ctx), username, secret, permission),
  'auth:recover': async ({ username, recoveryCode, newPassword }, ctx) => recoverOwner(ctx, username, recoveryCode, newPassword),
  'auth:changePassword': async ({ currentPassword, newPassword }, ctx) => {
    await changePassword(ctx, signedIn(ctx), currentPassword, newPassword)
    return {}
  },
  'auth:setPin': async ({ currentPassword, pin }, ctx) => {
    await setPin(ctx, signedIn(ctx), currentPassword, pin)
    return {}
  },
} satisfies FeatureHandlers<
  'auth:login' | 'auth:logout' | 'auth:session' | 'auth:approve' | 'auth:recover' | 'auth:changePassword' | 'auth:setPin'
>
