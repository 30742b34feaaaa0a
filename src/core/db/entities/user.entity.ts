import { defineEntity, p } from '@mikro-orm/core'
import { LANGUAGES } from '#shared/contract/common'
import { ROLES } from '#shared/ipc/permissions'

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'user',
  properties: {
    id: p.integer().primary().autoincrement(),
    username: p.string().unique(),
    displayName: p.string(),
    role: p.enum(ROLES),
    /** `scrypt$N$r$p$salt$hash`, never sent over IPC. */
    passwordHash: p.string().lazy(),
    active: p.boolean().default(true),
    createdAt: p.string(),
    /** The owner's recovery code, hashed like a password (`auth:recover`); never sent over IPC. */
    recoveryHash: p.string().nullable().lazy(),
    /** A 4–6 digit PIN for approvals, hashed like a password; never sent over IPC. */
    pinHash: p.string().nullable().lazy(),
    lastSignInAt: p.string().nullable(),
    /** The language this person reads the till in (chosen at sign-in); null: the store's. */
    language: p.enum(LANGUAGES).nullable(),
  },
})

export class User extends UserSchema.class {}
UserSchema.setClass(User)
