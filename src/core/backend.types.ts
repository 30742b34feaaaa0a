import type { BackupFilePicker, ClientWindow, CustomerDisplayPort, NepaliDrawingLoader, UpdaterPort } from '#core/common/context'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { IpcResult } from '#shared/ipc/errors'

export interface OpenBackendOptions {
  /** Path of the SQLite file; created with the schema when missing. */
  dbPath: string
  /** Clock for every date the backend records or compares (tests pass a fixed one). */
  now?: () => Date
  /** 'demo' loads the demo store into an empty database. Default 'none'. */
  seed?: 'demo' | 'none'
  /**
   * Main's own dialogs for copying backups elsewhere (a USB stick): the renderer never sends a path.
   * Without them an export or an import is cancelled.
   */
  files?: BackupFilePicker
  /**
   * The key audit entries are signed with, kept outside the database (the shell keeps it in the
   * system keychain). Without one the trail is hash-chained and anchored, not signed.
   */
  auditKey?: Buffer
  /**
   * A smaller scrypt cost (N) for the secrets this backend hashes, and for the demo's people it
   * seeds. For tests only, as web frameworks' test settings swap in a fast hasher; the app never
   * sets it, so every till hashes at OWASP's floor (N=2^17). A hash keeps its own cost, so one
   * made here is still checked correctly by any backend.
   */
  passwordCost?: { N: number }
  /** Folder for backups. Default: `backups` next to the database file. */
  backupDir?: string
  /** Folder for product images. Default: `images` next to the database file. */
  imagesDir?: string
  /**
   * The receipt printer's folder for print-to-file (default `printed-receipts` next to the database
   * file) and how long a printer may take (defaults: 5 s to connect, 15 s to take the receipt).
   */
  printing?: {
    receiptsDir?: string
    connectTimeoutMs?: number
    writeTimeoutMs?: number
    /** What draws a Nepali receipt's lines; default the canvas. Tests give one that fails, as on a machine where it cannot load. */
    nepaliDrawing?: NepaliDrawingLoader
  }
  /**
   * Take the daily backup automatically (on open when none exists for today, then checked hourly).
   * The app turns this on; tests leave it off unless they test it.
   */
  autoBackup?: boolean
  /**
   * The customer display the shell runs (a second window; the browser harness, a second page). It is
   * told the store's setting at open and at every change. Without one, a published state goes
   * nowhere and there are no screens to choose from.
   */
  display?: CustomerDisplayPort
  /**
   * The shell's updater (electron-updater in a packaged app). Without one, updates are off: a check
   * answers `off` whatever address the store has set.
   */
  updater?: UpdaterPort
}

/** One client is one window: it carries one sign-in session. */
export interface BackendClient {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>
  /** Untyped entry used by the IPC glue and the test harness: the channel name is checked at run time. */
  invokeUnknown(channel: unknown, input: unknown): Promise<IpcResult<unknown>>
  /** Ends the session (window closed). */
  disconnect(): void
}

export interface Backend {
  /** A client for one window; `window` is what only that window can do (print its page as PDF). */
  connect(window?: ClientWindow): BackendClient
  /**
   * For someone at the machine with access to the data folder (`npm run admin -- unlock`, the
   * app's `--unlock`): lifts a user's sign-in lock, audited. NOT_FOUND for an unknown name.
   */
  unlockUser(username: string): Promise<{ username: string; displayName: string }>
  close(): Promise<void>
  readonly dbPath: string
  readonly backupDir: string
  /** Where product images are kept (`app://pos/images/<file>` serves them). */
  readonly imagesDir: string
}

export type { BackupFilePicker, ClientWindow, CustomerDisplayPort, DocumentFilePicker, UpdaterPort } from '#core/common/context'
