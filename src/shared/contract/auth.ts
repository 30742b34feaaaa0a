import { z } from 'zod'
import { channel } from '../ipc/channel'
import { PERMISSIONS, ROLES } from '../ipc/permissions'
import { empty, isoDateTime, language, text } from './common'

export const userDto = z.strictObject({
  id: z.int().positive(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  /** What this user may do (from the role), so the screen offers only what core will allow. */
  permissions: z.array(z.enum(PERMISSIONS)),
  /** The language this person chose to read the till in; null: the store's. */
  language: language.nullable(),
})
export type UserDto = z.infer<typeof userDto>

const username = text(64).min(1)
const secret = text(256, { trim: false }).min(1)

export const authContract = {
  /**
   * Signs this window in. `language` is the one the person picked on the sign-in screen: it becomes
   * theirs (null: the store's again) and the till speaks it until they pick another.
   */
  'auth:login': channel(
    'public',
    z.strictObject({ username, password: secret, language: language.nullable().optional() }),
    z.strictObject({ user: userDto }),
  ),
  'auth:logout': channel('signedIn', empty, empty),
  'auth:session': channel('public', empty, z.strictObject({ user: userDto.nullable() })),
  /**
   * A user who holds `permission` (a manager, typing their password at this till) approves one
   * call of it by the signed-in user: the approval is single use, bound to this window's session
   * and to that permission, and valid for a short while.
   */
  'auth:approve': channel(
    'signedIn',
    z.strictObject({ username, secret, permission: z.enum(PERMISSIONS) }),
    z.strictObject({
      approvalId: z.uuid(),
      approvedBy: userDto.pick({ id: true, username: true, displayName: true }),
      expiresAt: isoDateTime,
    }),
  ),
  /**
   * The owner's way back in when nobody can unlock them: the recovery code (from store set-up, or the
   * README for the demo store) sets a new password and lifts every lock; answers the code that
   * replaces it, to be written down again.
   */
  'auth:recover': channel(
    'public',
    z.strictObject({ username, recoveryCode: text(64).min(1), newPassword: secret }),
    z.strictObject({ recoveryCode: z.string() }),
  ),
  /** Anyone signed in changes their own password (the current one first; VALIDATION_FAILED weakPassword for a weak new one). */
  'auth:changePassword': channel('signedIn', z.strictObject({ currentPassword: secret, newPassword: secret }), empty),
  /**
   * Sets (or with `pin: null` removes) the caller's own 4–6 digit PIN, which `auth:approve` accepts in
   * place of their password; hashed like a password and throttled like a sign-in.
   */
  'auth:setPin': channel(
    'signedIn',
    z.strictObject({
      currentPassword: secret,
      pin: z
        .string()
        .regex(/^[0-9]{4,6}$/, 'must be 4 to 6 digits')
        .nullable(),
    }),
    empty,
  ),
}
