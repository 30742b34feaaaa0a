import { createSerialQueue } from '#shared/async/serial-queue'
import type { DbContext, SessionUser } from '#core/common/context'
import type { Orm } from '#core/db/database'

/**
 * Database access for services called directly, without a backend around them (test workers,
 * tests that go past the contract): one queue over `orm`, a clock and who is acting.
 */
export function directContext(orm: Orm, options: { now?: () => Date; user?: SessionUser | null } = {}): DbContext {
  const queue = createSerialQueue()
  return {
    db: (work) => queue.run(() => work(orm)),
    now: options.now ?? (() => new Date()),
    user: options.user ?? null,
    approval: null,
  }
}
