/**
 * Updates, off by default (a shop may never be online): the till looks for one only when a manager
 * presses Check, at the folder the store has set, and installs only the version that check found,
 * never while a till is selling. Downloading and installing are the shell's (`UpdaterPort`, so core
 * never sees Electron); core decides whether and when.
 */
import type { Kysely } from 'kysely'
import { appVersion, type UpdateCheckDto } from '#shared/contract/updates'
import { RUNNING_VERSION } from '#core/common/app-version'
import type { RequestContext, SessionUser, UpdatesEnvironment } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { TillDatabase } from '#core/db/entities'
import { read, write } from '#core/db/tx'

/** The shell's failure as a short code for the screen (`ERR_UPDATER_CHANNEL_FILE_NOT_FOUND`, `ENOTFOUND`, `HTTP 404`). */
function failureDetail(error: unknown): string {
  const { code, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; statusCode?: unknown }
  if (typeof code === 'string' && /^[A-Za-z0-9_ .-]{1,60}$/.test(code)) return code
  if (typeof statusCode === 'number') return `HTTP ${statusCode}`
  return 'failed'
}

function updateFailed(error: unknown): DomainError<'CONFLICT'> {
  const detail = failureDetail(error)
  return new DomainError('CONFLICT', `The update did not go through (${detail}).`, { what: 'updateFailed', detail })
}

/** The shell's updater when the store has set an update folder; CONFLICT updatesOff otherwise. */
function updaterOf(ctx: RequestContext): { port: NonNullable<UpdatesEnvironment['port']>; url: string } {
  const { port } = ctx.updates
  const url = ctx.settings.updatesUrl
  if (!port || url === null) throw new DomainError('CONFLICT', 'Updates are off on this till.', { what: 'updatesOff' })
  return { port, url }
}

/**
 * Asks the store's update folder what it offers: `off` without an address or an updater, the
 * running version when nothing is newer, or the newer version, which becomes the only one
 * `updates:install` takes. A folder that cannot be read is CONFLICT updateFailed.
 */
export async function checkForUpdate(ctx: RequestContext): Promise<UpdateCheckDto> {
  if (!ctx.updates.port || ctx.settings.updatesUrl === null) {
    ctx.updates.found = null
    return { status: 'off' }
  }
  const { port, url } = updaterOf(ctx)
  let found: Awaited<ReturnType<typeof port.check>>
  try {
    found = await port.check(url)
  } catch (error) {
    ctx.updates.found = null
    throw updateFailed(error)
  }
  if (found === null) {
    ctx.updates.found = null
    return { status: 'upToDate', version: RUNNING_VERSION }
  }
  // The folder is the store's own, but its answer is still outside input.
  if (!appVersion.safeParse(found.version).success) {
    ctx.updates.found = null
    throw updateFailed({ code: 'badVersion' })
  }
  ctx.updates.found = found.version
  const releaseDate = typeof found.releaseDate === 'string' && found.releaseDate.length <= 40 ? found.releaseDate : undefined
  return { status: 'available', version: found.version, ...(releaseDate === undefined ? {} : { releaseDate }) }
}

/** Whether any till is selling: a line in anyone's cart (a parked basket is not one: it survives a restart), or a payment under way. */
async function saleInProgress(kysely: Kysely<TillDatabase>, updates: UpdatesEnvironment): Promise<boolean> {
  if (updates.paymentsUnderWay() > 0) return true
  return (await kysely.selectFrom('cart_line').select('id').limit(1).executeTakeFirst()) !== undefined
}

function refusedDuringSale(): DomainError<'CONFLICT'> {
  return new DomainError('CONFLICT', 'A till has a sale in progress: finish or park it first.', { what: 'saleInProgress' })
}

/**
 * Downloads the version the last check found, then quits and installs it, audited with the
 * manager's name. Refused (CONFLICT, nothing downloaded or changed) while any till has a sale in
 * progress, when `version` is not what the last check found, while another install is under way,
 * or when updates are off. The download may take minutes: the tills are checked again after it,
 * in the same transaction as the audit row, so a sale begun meanwhile holds the restart (the
 * download is kept; pressing Install again once the tills are idle goes on from it).
 */
export async function installUpdate(ctx: RequestContext, actor: SessionUser, version: string): Promise<Record<string, never>> {
  const { updates } = ctx
  const { port } = updaterOf(ctx)
  if (updates.installing) throw new DomainError('CONFLICT', 'An update is being installed already.', { what: 'updateInstalling' })
  if (updates.found !== version) {
    throw new DomainError('CONFLICT', `Version ${version} is not the one the last check found.`, { what: 'updateNotChecked' })
  }
  if (await read(ctx, ({ kysely }) => saleInProgress(kysely, updates))) throw refusedDuringSale()
  updates.installing = true
  try {
    try {
      await port.download(version)
    } catch (error) {
      throw updateFailed(error)
    }
    await write(ctx, async (tx) => {
      if (await saleInProgress(tx.kysely, updates)) throw refusedDuringSale()
      tx.audit({
        action: 'app.update-started',
        actor: { id: actor.id, name: actor.displayName },
        subject: version,
        details: { from: RUNNING_VERSION, to: version },
      })
    })
    try {
      await port.install(version)
    } catch (error) {
      throw updateFailed(error)
    }
  } catch (error) {
    updates.installing = false
    throw error
  }
  // The app is quitting to install: `installing` stays set, so nothing starts another meanwhile.
  return {}
}
