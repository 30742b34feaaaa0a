import type { UserDto } from '../../shared/contract'
import type { RequestContext, SessionUser } from '../context'
import { User } from '../db/entities'
import { DomainError } from '../domain-error'
import { DUMMY_HASH, verifyPassword } from '../security/password'

const INVALID = 'Wrong username or password.'

/** The key derivation runs outside the database queue so a sign-in never holds up another till. */
export async function authenticate(ctx: RequestContext, username: string, password: string): Promise<SessionUser> {
  const user = await ctx.db((em) =>
    em.findOne(User, { username: username.trim().toLowerCase(), active: true }, { populate: ['passwordHash'] }),
  )
  // Verify even for an unknown user so the reply takes the same time either way.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
  if (!user || !ok) throw new DomainError('INVALID_CREDENTIALS', INVALID)
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
}

export function toUserDto(user: SessionUser): UserDto {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
}
