/**
 * A manager's approval for one call, asked for in place: the call comes back FORBIDDEN for a
 * permission the cashier lacks, a manager types their username and password or PIN at this till
 * (`auth:approve`), and the same call is made again carrying the approval. Pure over the client, so
 * every slice that needs it (discounts now; returns and voids later) shares one flow and one wording.
 */
import { latinDigits } from '#shared/i18n/digits'
import type { Permission } from '#shared/ipc/permissions'
import type { ClientError, ClientResult, PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import type { ApprovalTexts } from './approval.en'

const msg = messagesOf<ApprovalTexts>()

/** Whether a refusal asks for a manager's approval of `permission` (rather than refusing outright). */
export function needsApproval(error: ClientError, permission: Permission): boolean {
  return error.code === 'FORBIDDEN' && error.params?.permission === permission
}

export interface ApprovalRequest {
  readonly username: string
  /** The manager's password or PIN; never stored. */
  readonly secret: string
  readonly permission: Permission
}

export type ApprovedResult<T> =
  | { readonly ok: true; readonly data: T; readonly approvedBy: string }
  /**
   * `stage` says what failed: the typed fields (nothing was asked), the approval, or the call it
   * was for (`error` is core's refusal of the last two).
   */
  | { readonly ok: false; readonly stage: 'input' | 'approval' | 'call'; readonly error: ClientError | null; readonly message: Message }

/** What a failed `auth:approve` says: a wrong secret and a user who may not approve are worded for the till. */
export function approvalRefusal(error: ClientError, username: string): Message {
  if (error.code === 'INVALID_CREDENTIALS') return msg('approval.wrongSecret')
  if (error.code === 'FORBIDDEN') return msg('approval.notAllowed', { username })
  return errorMessage(error)
}

/**
 * A PIN typed with a Nepali layout (4 to 6 of the digits ०-९) as it was set, in ASCII digits; any other secret (a
 * password) exactly as typed.
 */
export function pinAsStored(secret: string): string {
  return /^[\u0966-\u096f0-9]{4,6}$/.test(secret) ? latinDigits(secret) : secret
}

/**
 * Asks for the approval, then makes `call` with it. An empty username or secret is refused here,
 * without asking core.
 */
export async function withManagerApproval<T>(
  api: PosClient,
  request: ApprovalRequest,
  call: (approvalId: string) => Promise<ClientResult<T>>,
): Promise<ApprovedResult<T>> {
  const username = request.username.trim()
  if (username === '' || request.secret === '') return { ok: false, stage: 'input', error: null, message: msg('approval.missing') }
  const approval = await api.call('auth:approve', { username, secret: pinAsStored(request.secret), permission: request.permission })
  if (!approval.ok) return { ok: false, stage: 'approval', error: approval.error, message: approvalRefusal(approval.error, username) }
  const reply = await call(approval.data.approvalId)
  if (!reply.ok) return { ok: false, stage: 'call', error: reply.error, message: errorMessage(reply.error) }
  return { ok: true, data: reply.data, approvedBy: approval.data.approvedBy.displayName }
}
