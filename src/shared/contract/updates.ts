import { z } from 'zod'
import { channel } from '../ipc/channel'
import { protectedInput } from './common'

/** The longest update address the store may set: a folder on a web server, not a document. */
export const UPDATES_URL_MAX = 300

/**
 * Why a typed address cannot be the store's update folder: not a web address, a scheme other than
 * https (http only on the shop's own network), a name and password in it (it is shown on screen and
 * kept in the audit trail), or a query or fragment (the updater adds the file names to the folder).
 */
export type UpdatesUrlProblem = 'notUrl' | 'scheme' | 'insecure' | 'credentials' | 'queryOrFragment'

/** Names only the shop's own network resolves: this machine, mDNS, and the private suffixes. */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.lan', '.home.arpa', '.internal']

/** IPv4 addresses of this machine, the private ranges and link-local (RFC 1918, 3927). */
function privateIpv4(host: string): boolean {
  const parts = host.split('.').map(Number)
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false
  const [a, b] = parts as [number, number, number, number]
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
}

/** IPv6: this machine, unique-local (fc00::/7) and link-local (fe80::/10), as the URL parser writes them. */
function privateIpv6(host: string): boolean {
  if (!host.startsWith('[') || !host.endsWith(']')) return false
  const address = host.slice(1, -1).toLowerCase()
  return address === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(address) || /^fe[89ab][0-9a-f]?:/.test(address)
}

/**
 * Whether a host (as the URL parser normalised it) is on the shop's own network: there plain http
 * is allowed, for a back-office machine without a certificate; anywhere else anyone on the way
 * could hand the till another program, since the file's checksum comes from the same server.
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (host === 'localhost' || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true
  if (privateIpv4(host) || privateIpv6(host)) return true
  // A single-label name (`backoffice`) is not a public DNS name: it resolves on the local network only.
  return /^[a-z0-9-]+$/.test(host) && !/^[0-9]+$/.test(host)
}

/** What is wrong with an update address, or null when the till may fetch updates from it. */
export function updatesUrlProblem(text: string): UpdatesUrlProblem | null {
  if (!URL.canParse(text)) return 'notUrl'
  const url = new URL(text)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme'
  if (url.hostname === '') return 'notUrl'
  if (url.username !== '' || url.password !== '') return 'credentials'
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) return 'queryOrFragment'
  if (url.protocol === 'http:' && !isLocalNetworkHost(url.hostname)) return 'insecure'
  return null
}

const URL_PROBLEMS: Record<UpdatesUrlProblem, string> = {
  notUrl: 'must be a web address such as https://updates.example.com/tillwise/',
  scheme: 'must start with https://',
  insecure: 'http:// only for a computer on the shop’s own network; use https:// elsewhere',
  credentials: 'must not hold a name or password',
  queryOrFragment: 'must be a folder address, without ? or #',
}

/** The folder the store's updates come from (`latest.yml` and the installers); null: updates are off. */
export const updatesUrl = z
  .string()
  .trim()
  .max(UPDATES_URL_MAX)
  .superRefine((text, ctx) => {
    const problem = updatesUrlProblem(text)
    if (problem) ctx.addIssue({ code: 'custom', message: URL_PROBLEMS[problem], params: { problem } })
  })
  .nullable()

/** A release's version as the update feed writes it (semver: 1.4.0, 1.5.0-beta.1). */
export const appVersion = z
  .string()
  .max(64)
  .regex(/^\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'must be a version such as 1.4.0')

/**
 * What the store's update folder offers: updates are off (no address set, or a till that cannot
 * install them), nothing newer than `version` (the one running), or a newer `version`.
 */
export const updateCheckDto = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('off') }),
  z.strictObject({ status: z.literal('upToDate'), version: z.string() }),
  z.strictObject({ status: z.literal('available'), version: z.string(), releaseDate: z.string().optional() }),
])
export type UpdateCheckDto = z.infer<typeof updateCheckDto>

export const updatesContract = {
  /** Asks the store's update folder once, only when a manager presses Check: the till never asks by itself. */
  'updates:check': channel('settings.manage', protectedInput({}), updateCheckDto),
  /**
   * Downloads `version` (the one the last check found), then quits and installs it. CONFLICT
   * saleInProgress while any till has a sale in its cart or a payment under way (checked before the
   * download and again after it), updateNotChecked when `version` is not what the last check found,
   * updatesOff, updateInstalling while one is under way.
   */
  'updates:install': channel('settings.manage', protectedInput({ version: appVersion }), z.strictObject({})),
}
