import type { StaffDto } from '#shared/contract/users'
import type { Role } from '#shared/ipc/permissions'
import { mayManageRole, roleHas } from '#core/api/policy'
import type { DbContext, RequestContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { EntityManager } from '@mikro-orm/sqlite'
import type { AuditDetails } from '#core/db/audit-chain'
import { User } from '#core/db/entities'
import { read, write } from '#core/db/tx'
import {
  checkNewPassword,
  checkUsername,
  clearSignInGuards,
  hashNewPassword,
  lockedUsernames,
  normalizeUsername,
  sessionUserOf,
} from '#core/auth/auth.service'

/**
 * Lifts a sign-in lock before it runs out and clears the failure count: a manager for cashiers and
 * managers, the owner for anyone; `actor` null is someone at the machine itself (`npm run admin`,
 * `--unlock`), who holds the data folder and so may unlock anyone.
 */
export function unlockUser(ctx: DbContext, username: string, actor: SessionUser | null, lockMinutes: number): Promise<SessionUser> {
  return write(ctx, async (tx) => {
    const user = await tx.em.findOne(User, { username: normalizeUsername(username) })
    if (!user) throw new DomainError('NOT_FOUND', `No user named '${username.trim()}'.`, { what: 'user', username: username.trim() })
    // With an approval, the approver's authority is what counts.
    const authority = ctx.approval?.approver ?? actor
    if (authority && !mayManageRole(authority.role, user.role)) throw onlyTheOwner()
    const wasLocked = await clearSignInGuards(tx.em, user.username, ctx.now().getTime(), lockMinutes)
    tx.audit({
      action: 'user.unlocked',
      actor: actor ? { id: actor.id, name: actor.displayName } : null,
      subject: user.username,
      details: actor ? { wasLocked } : { wasLocked, via: 'machine' },
    })
    return sessionUserOf(user)
  })
}

const onlyTheOwner = () => new DomainError('FORBIDDEN', 'Only the owner can do that.', { permission: 'users.manage' })

/** Managers manage cashiers and managers, the owner everyone; with an approval the approver's authority counts. */
function mustManage(ctx: RequestContext, actor: SessionUser, ...roles: Role[]): void {
  const authority = ctx.approval?.approver ?? actor
  if (!roles.every((role) => mayManageRole(authority.role, role))) throw onlyTheOwner()
}

const actorOf = (user: SessionUser) => ({ id: user.id, name: user.displayName })

async function userById(em: EntityManager, id: number): Promise<User> {
  const user = await em.findOne(User, { id }, { populate: ['pinHash'] })
  if (!user) throw new DomainError('NOT_FOUND', `No user with id ${id}.`, { what: 'userId', id })
  return user
}

function toStaffDto(user: User, locked: Set<string>): StaffDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    locked: locked.has(user.username),
    lastSignInAt: user.lastSignInAt ?? null,
    hasPin: user.pinHash != null,
    createdAt: user.createdAt,
  }
}

async function staffOf(ctx: RequestContext, em: EntityManager, users: User[]): Promise<StaffDto[]> {
  const locked = await lockedUsernames(
    em,
    users.map((user) => user.username),
    ctx.now().getTime(),
    ctx.settings.signInLockMinutes,
  )
  return users.map((user) => toStaffDto(user, locked))
}

/** Everyone on the staff (the active ones unless asked), by username. */
export function listStaff(ctx: RequestContext, includeInactive: boolean): Promise<{ items: StaffDto[]; total: number }> {
  return read(ctx, async ({ em }) => {
    const users = await em.find(User, includeInactive ? {} : { active: true }, { populate: ['pinHash'], orderBy: { username: 'asc' } })
    const items = await staffOf(ctx, em, users)
    return { items, total: items.length }
  })
}

const usernameTaken = (username: string) =>
  new DomainError('CONFLICT', `The username '${username}' is taken.`, { what: 'username', username })

/** A new member of staff. The username is unique whatever its case (CONFLICT username). */
export async function createStaff(
  ctx: RequestContext,
  actor: SessionUser,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<StaffDto> {
  mustManage(ctx, actor, input.role)
  const username = checkUsername(input.username, 'username')
  checkNewPassword(username, input.password, 'password')
  // A taken name is refused before the key derivation; the transaction checks again.
  if (await read(ctx, ({ em }) => em.count(User, { username }))) throw usernameTaken(username)
  const passwordHash = await hashNewPassword(ctx.passwords, input.password)
  return write(ctx, async (tx) => {
    if (await tx.em.count(User, { username })) throw usernameTaken(username)
    const user = tx.em.create(User, {
      username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      active: true,
      createdAt: ctx.now().toISOString(),
      pinHash: null,
      lastSignInAt: null,
    })
    await tx.em.flush()
    tx.audit({
      action: 'user.created',
      actor: actorOf(actor),
      subject: username,
      details: { role: input.role, displayName: input.displayName },
    })
    return toStaffDto(user, new Set())
  })
}

/**
 * Renames, changes the role of, deactivates or reactivates a member of staff. The store always keeps
 * an active owner (CONFLICT lastOwner) and someone active who can manage staff (CONFLICT lastManager);
 * both are counted in the transaction that writes, so two racing changes cannot both pass. Windows
 * signed in as that user take the change on their next call (a deactivated one is signed out).
 */
export async function updateStaff(
  ctx: RequestContext,
  actor: SessionUser,
  change: { id: number; displayName?: string | undefined; role?: Role | undefined; active?: boolean | undefined },
): Promise<StaffDto> {
  const { staff, user } = await write(ctx, async (tx) => {
    const user = await userById(tx.em, change.id)
    mustManage(ctx, actor, user.role, change.role ?? user.role)
    const next = {
      displayName: change.displayName ?? user.displayName,
      role: change.role ?? user.role,
      active: change.active ?? user.active,
    }
    const changed = (['displayName', 'role', 'active'] as const).filter((key) => next[key] !== user[key])
    if (changed.length > 0) {
      await keepsOwnerAndManager(tx.em, user, next)
      const details: AuditDetails = {}
      for (const key of changed) {
        details[`before.${key}`] = user[key]
        details[`after.${key}`] = next[key]
      }
      Object.assign(user, next)
      await tx.em.flush()
      tx.audit({ action: 'user.updated', actor: actorOf(actor), subject: user.username, details })
    }
    return { staff: (await staffOf(ctx, tx.em, [user]))[0]!, user }
  })
  ctx.store.userChanged(user.id, user.active ? sessionUserOf(user) : null)
  return staff
}

/** Refuses a change that would leave no active owner, or nobody active who may manage staff. */
async function keepsOwnerAndManager(em: EntityManager, user: User, next: { role: Role; active: boolean }): Promise<void> {
  if (!user.active) return
  const others = { active: true, id: { $ne: user.id } }
  if (user.role === 'owner' && (next.role !== 'owner' || !next.active) && (await em.count(User, { ...others, role: 'owner' })) === 0) {
    throw new DomainError('CONFLICT', 'The store must keep at least one active owner.', { what: 'lastOwner' })
  }
  const managing = (role: Role, active: boolean) => active && roleHas(role, 'users.manage')
  if (managing(user.role, true) && !managing(next.role, next.active)) {
    const managerRoles = (['cashier', 'manager', 'owner'] as const).filter((role) => roleHas(role, 'users.manage'))
    if ((await em.count(User, { ...others, role: { $in: managerRoles } })) === 0) {
      throw new DomainError('CONFLICT', 'The store must keep at least one active person who can manage staff.', { what: 'lastManager' })
    }
  }
}

/** A manager sets someone's password (a forgotten one); that person's other windows sign in again. */
export async function setStaffPassword(ctx: RequestContext, actor: SessionUser, id: number, password: string): Promise<StaffDto> {
  const target = await read(ctx, ({ em }) => userById(em, id))
  mustManage(ctx, actor, target.role)
  checkNewPassword(target.username, password, 'password')
  const passwordHash = await hashNewPassword(ctx.passwords, password)
  const staff = await write(ctx, async (tx) => {
    const user = await userById(tx.em, id)
    // The role may have changed during the key derivation.
    mustManage(ctx, actor, user.role)
    await tx.em.nativeUpdate(User, { id }, { passwordHash })
    tx.audit({ action: 'user.password-set', actor: actorOf(actor), subject: user.username })
    return (await staffOf(ctx, tx.em, [user]))[0]!
  })
  if (id !== actor.id) ctx.store.userChanged(id, null)
  return staff
}
