import type { MikroORM } from '@mikro-orm/sqlite'
import type { BackupDto } from '#shared/contract/backup'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { Permission, Role } from '#shared/ipc/permissions'

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
  /** How long a name stays locked after too many wrong passwords (doubling on repeat). */
  signInLockMinutes: number
  /** This till's short code, for people (receipts, the header); its id is on every fact row. */
  tillCode: string
}

/** A manager's approval the current call is using (`auth:approve`): named in its audit rows. */
export interface ApprovalInUse {
  readonly permission: Permission
  readonly approver: SessionUser
}

/** Main's own dialogs for copying backups elsewhere: the renderer never sends a path. */
export interface BackupFilePicker {
  /** The folder to write a copy into, or null when the person cancelled. */
  chooseExportFolder(): Promise<string | null>
  /** The backup file to restore from, or null when the person cancelled. */
  chooseImportFile(): Promise<string | null>
}

/** What the backup handlers need of the backup manager (which lives in `core/backup`). */
export interface BackupOperations {
  create(kind: 'manual', actor: SessionUser): Promise<BackupDto>
  list(): BackupDto[]
  restore(file: string, actor: SessionUser): Promise<{ restoredFrom: string; previousSavedAs: string }>
  exportCopy(actor: SessionUser): Promise<ChannelOutput<'backup:export'>>
  importFile(actor: SessionUser): Promise<ChannelOutput<'backup:importFile'>>
  /** The audit trail's heads recorded at each backup, export and restore since the last restore. */
  anchors(): ({ entries: number; hash: string | null; mac: string | null; at: string; event: string; file: string } | { broken: string })[]
}

/** Database access for one request: the queue every piece of work goes through, and the clock. */
export interface DbContext {
  /**
   * Runs `work` with the open database, one piece of work at a time: the database has one
   * connection and its transactions must not interleave. Only `core/db/tx.ts` calls this; it forks
   * an EntityManager only for work that uses one.
   */
  db<T>(work: (orm: MikroORM) => Promise<T>): Promise<T>
  now: () => Date
  user: SessionUser | null
  approval: ApprovalInUse | null
}

/** What a handler gets: database access, the clock, who is signed in and their session. */
export interface RequestContext extends DbContext {
  settings: StoreSettings
  backups: BackupOperations
  /** Signs the calling client in or out. */
  setUser(user: SessionUser | null): void
  /**
   * Runs `work` for one account at a time across every window: a password is checked only after the
   * check before it on the same account has counted its failure, so parallel guesses meet the delay
   * and the lock like sequential ones.
   */
  oneAccountAtATime<T>(username: string, work: () => Promise<T>): Promise<T>
  /** Records a single-use approval on the calling client's session. */
  grantApproval(permission: Permission, approver: SessionUser): { approvalId: string; expiresAt: string }
}
