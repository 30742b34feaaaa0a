import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { PasswordHasher, ScryptParams } from '#core/common/context'

/** OWASP's scrypt floor: N=2^17, r=8, p=1. Parameters are stored with each hash so they can grow. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const
const KEY_LENGTH = 32

function scryptAsync(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')
}

/** Constant-time comparison; a malformed stored hash simply never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$')
  if (scheme !== 'scrypt' || !saltText || !keyText) return false
  const params = { N: Number(n), r: Number(r), p: Number(p) }
  if (![params.N, params.r, params.p].every((value) => Number.isSafeInteger(value) && value > 0)) return false
  const expected = Buffer.from(keyText, 'base64')
  const actual = await scryptAsync(password, Buffer.from(saltText, 'base64'), params)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** Verified against when the user does not exist, so a wrong username costs the same time. */
export const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

/**
 * How a backend hashes and checks secrets: at the production cost unless it was opened with another
 * (the test store uses a small N, as test settings of web frameworks swap in a fast hasher: every
 * sign-in of the suite would otherwise spend 0.4 s in key derivation). A hash keeps its own
 * parameters, so a secret is always checked at the cost it was stored with.
 */
export function passwordHasher(params: ScryptParams = SCRYPT_PARAMS): PasswordHasher {
  const production = params.N === SCRYPT_PARAMS.N && params.r === SCRYPT_PARAMS.r && params.p === SCRYPT_PARAMS.p
  return {
    params,
    production,
    hash: (secret) => hashPassword(secret, params),
    verify: verifyPassword,
    dummy: production ? DUMMY_HASH : `scrypt$${params.N}$${params.r}$${params.p}$${'A'.repeat(22)}==$${'A'.repeat(43)}=`,
  }
}
