import { z } from 'zod'
import { channel } from '../ipc/channel'
import { ROLES } from '../ipc/permissions'
import { id, isoDateTime, protectedInput, text } from './common'
import { userDto } from './auth'
import { newPassword } from './setup'

/** A member of staff as the back office lists them. */
export const staffDto = z.strictObject({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** Locked by too many wrong passwords right now (a manager can unlock). */
  locked: z.boolean(),
  lastSignInAt: isoDateTime.nullable(),
  /** Whether they set a PIN for approvals. */
  hasPin: z.boolean(),
  createdAt: isoDateTime,
})
export type StaffDto = z.infer<typeof staffDto>

const username = text(64).min(1)

/**
 * Managers manage cashiers and managers, the owner everyone (FORBIDDEN otherwise). The last active
 * owner, and the last active user who can manage users, can be neither deactivated nor demoted
 * (CONFLICT lastOwner / lastManager); a deactivated user cannot sign in.
 */
export const usersContract = {
  'users:list': channel(
    'users.manage',
    protectedInput({ includeInactive: z.boolean().optional() }),
    z.strictObject({ items: z.array(staffDto), total: z.int().min(0) }),
  ),
  'users:create': channel(
    'users.manage',
    protectedInput({ username, displayName: text(80).min(1), role: z.enum(ROLES), password: newPassword }),
    staffDto,
  ),
  'users:update': channel(
    'users.manage',
    protectedInput({ id, displayName: text(80).min(1).optional(), role: z.enum(ROLES).optional(), active: z.boolean().optional() }),
    staffDto,
  ),
  'users:setPassword': channel('users.manage', protectedInput({ id, password: newPassword }), staffDto),
  'users:unlock': channel('users.manage', protectedInput({ username }), z.strictObject({ user: userDto })),
}
