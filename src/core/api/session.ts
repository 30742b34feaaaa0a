import { randomUUID } from 'node:crypto'
import type { ErrorParams } from '#shared/ipc/errors'
import type { Permission } from '#shared/ipc/permissions'
import type { ClientWindow, SessionUser } from '#core/common/context'

/** How long a manager's approval stays usable. */
export const APPROVAL_TTL_MS = 120_000

interface Approval {
  readonly permission: Permission
  readonly approver: SessionUser
  readonly expiresAt: number
  used: boolean
}

/** Per-client state: who is signed in on this window, when they last did anything, their approvals. */
export interface ClientSession {
  user: SessionUser | null
  lastActivityAt: number
  /** Why the till was signed out without asking (idle, a restore), told on its next calls. */
  signedOutBecause: ErrorParams<'NOT_AUTHENTICATED'> | null
  /** Approvals granted to whoever is signed in on this window; cleared when they change. */
  readonly approvals: Map<string, Approval>
  /** What the window itself can do (print its page), when the client has one. */
  readonly window: ClientWindow | null
}

export function newSession(now: number, window: ClientWindow | null = null): ClientSession {
  return { user: null, lastActivityAt: now, signedOutBecause: null, approvals: new Map(), window }
}

export function signIn(session: ClientSession, user: SessionUser | null, now: number): void {
  session.user = user
  session.signedOutBecause = null
  session.lastActivityAt = now
  session.approvals.clear()
}

/** Signs the window out without its asking; `because` is told on its next calls. */
export function signOutBecause(session: ClientSession, because: ErrorParams<'NOT_AUTHENTICATED'>): void {
  session.user = null
  session.signedOutBecause = because
  session.approvals.clear()
}

export function notSignedInMessage(because: ErrorParams<'NOT_AUTHENTICATED'> | null): string {
  if (because?.reason === 'idle') {
    return `You were signed out after ${because.idleMinutes ?? 0} minutes without activity. Please sign in again.`
  }
  if (because?.reason === 'restored') return 'The books were restored from a backup. Please sign in again.'
  return 'Please sign in.'
}

export function grantApproval(session: ClientSession, permission: Permission, approver: SessionUser, now: number) {
  for (const [id, approval] of session.approvals) if (approval.expiresAt <= now) session.approvals.delete(id)
  const approvalId = randomUUID()
  const expiresAt = now + APPROVAL_TTL_MS
  session.approvals.set(approvalId, { permission, approver, expiresAt, used: false })
  return { approvalId, expiresAt: new Date(expiresAt).toISOString() }
}

export type ApprovalCheck = { ok: true; approval: Approval } | { ok: false; problem: ErrorParams<'APPROVAL_REQUIRED'>['problem'] }

/** Whether `approvalId` can be used now for `permission`; does not use it up. */
export function checkApproval(session: ClientSession, approvalId: string, permission: Permission, now: number): ApprovalCheck {
  const approval = session.approvals.get(approvalId)
  if (!approval) return { ok: false, problem: 'unknown' }
  if (approval.used) return { ok: false, problem: 'used' }
  if (approval.expiresAt <= now) return { ok: false, problem: 'expired' }
  if (approval.permission !== permission) return { ok: false, problem: 'otherPermission' }
  return { ok: true, approval }
}
