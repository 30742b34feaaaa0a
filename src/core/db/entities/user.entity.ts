import { defineEntity, p } from '@mikro-orm/core'

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'user',
  properties: {
    id: p.integer().primary().autoincrement(),
    username: p.string().unique(),
    displayName: p.string(),
    role: p.enum(['cashier', 'manager'] as const),
    /** `scrypt$N$r$p$salt$hash`, never sent over IPC. */
    passwordHash: p.string().lazy(),
    active: p.boolean().default(true),
    createdAt: p.string(),
  },
})

export class User extends UserSchema.class {}
UserSchema.setClass(User)
