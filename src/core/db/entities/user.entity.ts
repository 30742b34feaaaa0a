import { defineEntity, p } from '@mikro-orm/core'
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
    /** Consecutive failed sign-ins; reset by a successful one or by a manager. */
    failedSignIns: p.integer().default(0),
    lastFailedSignInAt: p.string().nullable(),
    /** Set after too many failed sign-ins; only a manager clears it. */
    lockedAt: p.string().nullable(),
  },
})

export class User extends UserSchema.class {}
UserSchema.setClass(User)
