/**
 * The demo store's people, hashed at the backend's cost: the precomputed production hashes of the
 * seed, or fresh ones when the backend was opened with another cost (the test store). Their
 * passwords are their usernames; the owner's recovery code is the README's.
 */
import type { PasswordHasher } from '#core/common/context'
import { normalizeRecoveryCode } from '#core/auth/auth.service'
import { DEMO_RECOVERY_CODE, DEMO_USERS, type DemoUser } from '#core/db/seed/demo-seed'

export async function demoUsersFor(passwords: PasswordHasher): Promise<readonly DemoUser[]> {
  if (passwords.production) return DEMO_USERS
  return Promise.all(
    DEMO_USERS.map(async (user) => ({
      ...user,
      passwordHash: await passwords.hash(user.username),
      ...('recoveryHash' in user ? { recoveryHash: await passwords.hash(normalizeRecoveryCode(DEMO_RECOVERY_CODE)) } : {}),
    })),
  )
}
