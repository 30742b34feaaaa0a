import type { EntityManager } from '@mikro-orm/sqlite'
import type { Role } from '../shared/contract'
import type { BackupManager } from './backup/backup.manager'

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
}

export interface StoreSettings {
  storeName: string
  currency: string
  locale: string
  demo: boolean
  /** A till with no activity for this long is signed out. */
  sessionIdleMinutes: number
}

/** What a handler gets: database access, the clock, and who is signed in. */
export interface RequestContext {
  /**
   * Runs `work` with a fresh forked EntityManager, one unit of work at a time: the database has one
   * connection and its transactions must not interleave. Put only database work inside.
   */
  db<T>(work: (em: EntityManager) => Promise<T>): Promise<T>
  now: () => Date
  user: SessionUser | null
  settings: StoreSettings
  backups: BackupManager
  /** Signs the calling client in or out. */
  setUser(user: SessionUser | null): void
}

export type SignedInContext = RequestContext & { user: SessionUser }
