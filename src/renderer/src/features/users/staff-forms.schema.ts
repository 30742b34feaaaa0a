import { latinDigits } from '#shared/i18n/digits'
import { z } from 'zod'
import { authContract } from '#shared/contract/auth'
import { usersContract } from '#shared/contract/users'
import { messagesOf } from '../../platform/i18n/translate'
import { encodeMessage } from '../../ui/form-issues'
import { passwordRules } from '../setup/public'
import type { UsersTexts } from './users.en'

const msg = messagesOf<UsersTexts>()
const create = usersContract['users:create'].input.shape

export const createStaffSchema = z
  .object({ username: create.username, displayName: create.displayName, role: create.role, password: create.password, confirm: z.string() })
  .superRefine(passwordRules({ username: (form) => form.username, password: 'password', confirm: 'confirm' }))

export const editStaffSchema = z.object({ displayName: create.displayName, role: create.role })

/** A new password for `username` (staff's, set by a manager, or one's own). */
export const newPasswordSchema = (username: string) =>
  z
    .object({ password: create.password, confirm: z.string() })
    .superRefine(passwordRules({ username: () => username, password: 'password', confirm: 'confirm' }))

const change = authContract['auth:changePassword'].input.shape

export const changeOwnPasswordSchema = (username: string) =>
  z
    .object({ currentPassword: change.currentPassword, newPassword: change.newPassword, confirm: z.string() })
    .superRefine(passwordRules({ username: () => username, password: 'newPassword', confirm: 'confirm' }))

const setPin = authContract['auth:setPin'].input.shape

/** The PIN's own rule says it in English; ours says it in the catalog. */
export const pinSchema = z.object({
  currentPassword: setPin.currentPassword,
  // Typed with a Nepali layout, its digits are ०-९: kept as the same PIN, in ASCII digits.
  pin: z
    .string()
    .transform(latinDigits)
    .pipe(z.string().regex(/^[0-9]{4,6}$/, { message: encodeMessage(msg('account.pinDigits')) })),
})
