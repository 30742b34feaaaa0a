import { defineEntity, p } from '@mikro-orm/core'

/**
 * Sign-in throttling, per name typed at the sign-in screen, whether or not a user has it: a name
 * nobody has is slowed down and locked exactly like a real one, so throttling tells a stranger
 * nothing about which usernames exist.
 */
export const SignInGuardSchema = defineEntity({
  name: 'SignInGuard',
  tableName: 'sign_in_guard',
  properties: {
    /** The name as typed, trimmed and lower-cased. */
    name: p.string().primary(),
    /** Wrong passwords since the last good one (or since the last lock ran out). */
    failures: p.integer().default(0),
    lastFailedAt: p.string().nullable().index(),
    /** Set at the lock threshold; the lock runs out by itself (see auth/sign-in.rules.ts). */
    lockedAt: p.string().nullable(),
    /** Locks since the last good password: each lasts twice as long as the one before. */
    locks: p.integer().default(0),
    /** Attempts on the locked name not yet written to the audit trail (folded, one row a minute). */
    refused: p.integer().default(0),
    refusedLoggedAt: p.string().nullable(),
  },
})

export class SignInGuard extends SignInGuardSchema.class {}
SignInGuardSchema.setClass(SignInGuard)
