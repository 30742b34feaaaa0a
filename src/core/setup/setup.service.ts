import type { ParsedInput } from '#shared/ipc/contract'
import type { RequestContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { User } from '#core/db/entities'
import { seedDemo } from '#core/db/seed/demo-seed'
import { demoUsersFor } from './demo-users'
import { write } from '#core/db/tx'
import { checkNewPassword, checkUsername, ownerSecrets, sessionUserOf } from '#core/auth/auth.service'
import { checkTimeZone, writeSettings } from '#core/settings/settings.service'

const setupDone = () => new DomainError('CONFLICT', 'This store is already set up.', { what: 'setupDone' })

/**
 * First start, once: the store's details and its owner, who is signed in on this window. Refused
 * (CONFLICT setupDone) once any user exists; the check is made in the transaction that writes, so
 * of two set-ups racing exactly one makes the store. The recovery code is answered once and only
 * its hash kept.
 */
export async function createStore(
  ctx: RequestContext,
  { store, owner }: ParsedInput<'setup:createStore'>,
): Promise<{ user: SessionUser; recoveryCode: string }> {
  const timeZone = checkTimeZone(store.timeZone, 'store.timeZone')
  const username = checkUsername(owner.username, 'owner.username')
  checkNewPassword(username, owner.password, 'owner.password')
  // Two key derivations are worth sparing once the store is known to be set up.
  if (!ctx.settings.setupRequired) throw setupDone()
  const { passwordHash, recoveryHash, recoveryCode } = await ownerSecrets(ctx.passwords, owner.password)
  const at = ctx.now().toISOString()
  const user = await write(ctx, async (tx) => {
    if ((await tx.em.count(User, {})) > 0) throw setupDone()
    await writeSettings(tx.em, {
      storeName: store.name,
      address: store.address ?? '',
      phone: store.phone ?? '',
      taxNumber: store.taxNumber ?? '',
      currency: store.currency,
      currencyDecimals: store.currencyDecimals,
      locale: store.locale,
      timeZone,
    })
    const created = tx.em.create(User, {
      username,
      displayName: owner.displayName,
      role: 'owner',
      passwordHash,
      recoveryHash,
      active: true,
      createdAt: at,
      lastSignInAt: at,
    })
    await tx.em.flush()
    tx.audit({
      action: 'store.created',
      actor: { id: created.id, name: created.displayName },
      subject: store.name,
      details: { owner: username, currency: store.currency, currencyDecimals: store.currencyDecimals, locale: store.locale, timeZone },
    })
    return sessionUserOf(created)
  })
  await ctx.store.reloadSettings()
  ctx.setUser(user)
  return { user, recoveryCode }
}

/** First start, once: the demo store instead of a real one (CONFLICT setupDone once any user exists). */
export async function loadDemo(ctx: RequestContext): Promise<void> {
  const users = await demoUsersFor(ctx.passwords)
  await write(ctx, async (tx) => {
    if ((await tx.em.count(User, {})) > 0) throw setupDone()
    await seedDemo(tx.em, ctx.now(), tx.tillId, users)
    tx.audit({ action: 'store.demo-loaded', actor: null, subject: 'demo' })
  })
  await ctx.store.reloadSettings()
}
