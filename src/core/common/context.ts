import type { MikroORM } from '@mikro-orm/sqlite'
import type { StoreSettingsDto } from '#shared/contract/settings'
import type { BackupDto } from '#shared/contract/backup'
import type { Language } from '#shared/contract/common'
import type { CustomerDisplaySettings, DisplayScreen, DisplayState } from '#shared/contract/display'
import type { PrinterSettings } from '#shared/contract/printing'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { Permission, Role } from '#shared/ipc/permissions'
import type { CashRoundingMode, TaxRounding } from '#shared/money/pricing'

/** scrypt's cost parameters, stored with every hash. */
export interface ScryptParams {
  readonly N: number
  readonly r: number
  readonly p: number
}

/** Hashes and checks passwords, PINs and recovery codes (core/auth/password.ts makes it). */
export interface PasswordHasher {
  readonly params: ScryptParams
  /** At the production cost (OWASP's floor). */
  readonly production: boolean
  hash(secret: string): Promise<string>
  verify(secret: string, stored: string): Promise<boolean>
  /** A hash nothing matches, at this cost: checked for a name no user has, so the answer takes as long. */
  readonly dummy: string
}

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
  /** The language they read the till in; null: the store's. */
  language: Language | null
}

export interface StoreSettings {
  storeName: string
  address: string
  phone: string
  /** PAN / VAT number printed on receipts. */
  taxNumber: string
  currency: string
  /** Minor units of the currency (NPR 2, JPY 0, KWD 3): every amount on record is in them. */
  currencyDecimals: 0 | 2 | 3
  locale: string
  /** IANA time zone the store's business days are counted in. */
  timeZone: string
  receiptHeader: string
  receiptFooter: string
  /** Products at or below this count are low on stock unless the product sets its own threshold. */
  defaultLowStockAt: number
  demo: boolean
  /** No user yet: only set-up (or loading the demo) is possible. */
  setupRequired: boolean
  /** A till with no activity for this long is signed out. */
  sessionIdleMinutes: number
  /** How long a name stays locked after too many wrong passwords (doubling on repeat). */
  signInLockMinutes: number
  /** This till's short code, for people (receipts, the header); its id is on every fact row. */
  tillCode: string
  /** Round each line's tax, or each tax's sum over the sale once (the pricing engine's `taxRounding`). */
  taxRounding: TaxRounding
  /** The taxes a new product starts with. */
  defaultTaxRateIds: number[]
  /** Cash is rounded to this many minor units (1 = not rounded), in this mode: only the part paid in cash. */
  cashRoundingIncrementCents: number
  cashRoundingMode: CashRoundingMode
  /** The most discount (of a line, or of the sale) `sale.discount` gives without a manager's approval; 10% = 1000. */
  discountLimitBps: number
  /** The wallets the store takes (eSewa, Khalti, Fonepay…), by the names printed on receipts. */
  wallets: string[]
  /** Cashiers hold `sale.return` in this store (DESIGN §2.4); otherwise a manager approves each return. */
  cashiersMayReturn: boolean
  /** Dates shown in Bikram Sambat as well, on screens and receipts. */
  bikramSambat: boolean
  /** The BS years the store added from its almanac after the app's table (BsYear). */
  bikramSambatYears: StoreSettingsDto['bikramSambatYears']
  /** Shifts are on (DESIGN §3.5): a payment or a return needs the till's open shift (SHIFT_CLOSED). */
  shiftsEnabled: boolean
  /** The receipt printer (kind `none` until one is set up). */
  printer: PrinterSettings
  /** The customer display (off until switched on), and the screen it opens on. */
  customerDisplay: CustomerDisplaySettings
  /** The folder the store's updates come from; null: updates are off (the till never looks). */
  updatesUrl: string | null
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
  /** Image files to add to a product, or null when the person cancelled; without it, adding images is cancelled. */
  chooseImageFiles?(): Promise<string[] | null>
  /** Where to save a PDF (DocumentFilePicker); without it, saving a document is cancelled. */
  choosePdfDestination?(suggestedName: string): Promise<string | null>
  /** Where to save the products' CSV (DocumentFilePicker); without it, saving the file is cancelled. */
  chooseCsvDestination?(suggestedName: string): Promise<string | null>
}

/** The product images: the folder they are kept in and main's own dialog that picks new ones (no path crosses IPC). */
export interface ProductImageFiles {
  /** `images/` beside the database; every file is named by the SHA-256 of its bytes. */
  readonly dir: string
  /** The files the person picked, or null when they cancelled. */
  choose(): Promise<string[] | null>
}

/** Main's own save dialog for documents (a token card as PDF, the products' CSV): the renderer never sends a path. */
export interface DocumentFilePicker {
  /** Where to save a PDF, offered as `suggestedName`; null when the person cancelled. */
  choosePdfDestination(suggestedName: string): Promise<string | null>
  /** Where to save a CSV file, offered as `suggestedName`; null when the person cancelled. */
  chooseCsvDestination(suggestedName: string): Promise<string | null>
}

/**
 * What only the calling window can do, handed by the shell to that window's client (core never
 * sees Electron; the browser harness gives Playwright's page).
 */
export interface ClientWindow {
  /** The page the window shows now, laid out by its print styles, as PDF bytes. */
  printToPdf(): Promise<Uint8Array>
  /**
   * Prints the page the window shows now (its print styles show only the receipt) on the system
   * printer `deviceName`, without a dialog; rejects with the system's reason. Absent where the shell
   * cannot print (the browser harness).
   */
  printReceipt?(options: { deviceName: string }): Promise<void>
}

/**
 * Loads what draws a Nepali receipt's lines as pictures for the printer (`core/receipts/receipt-text-image.ts`:
 * a canvas, native code, loaded when a Nepali store first prints).
 */
export type NepaliDrawingLoader = () => Promise<{
  devanagariLineDrawer(
    columns: number,
  ): (
    text: string,
    widthDots: number,
    style?: { readonly bold?: boolean; readonly tall?: boolean },
  ) => { readonly data: Uint8ClampedArray; readonly width: number; readonly height: number }
}>

/** Where the file printer writes, and how long a printer may take: the shell's choice, tests' shorter. */
export interface PrinterEnvironment {
  /** `printed-receipts/` in the data folder. */
  readonly receiptsDir: string
  /** For a network printer to accept the connection. */
  readonly connectTimeoutMs: number
  /** For a printer to take every byte (a network printer: to close its side once it has read them). */
  readonly writeTimeoutMs: number
  /** Sales whose receipt has opened the drawer already in this run: an after-sale print opens it once. */
  readonly drawerOpenedFor: Set<number>
  /** Loads the canvas that draws a Nepali receipt's lines (tests give one that fails, as a broken install would). */
  readonly nepaliDrawing: NepaliDrawingLoader
}

/**
 * The customer display, as the shell runs it (core never sees Electron; the browser harness gives a
 * second page). Core hands it the store's setting at open and at every change, each state the till
 * publishes, and asks it for the screens the computer has.
 */
export interface CustomerDisplayPort {
  /** The setting as it stands: the shell opens or closes the display window by it. */
  configure(settings: CustomerDisplaySettings): void
  /** What the display should show now (validated); never awaited by the till. */
  show(state: DisplayState): void
  /** The screens the computer has, for the setting's screen picker. */
  screens(): Promise<DisplayScreen[]>
}

/**
 * Updates as the shell installs them (electron-updater; core never sees Electron). Nothing here runs
 * by itself: core calls it only when a manager asks (`updates:check`, `updates:install`).
 */
export interface UpdaterPort {
  /** Reads the update folder at `url`: the version newer than the running one it offers, or null. Rejects when it cannot be read. */
  check(url: string): Promise<{ version: string; releaseDate?: string } | null>
  /** Downloads `version` (the last check's) and checks it against the folder's checksum; rejects when that fails. */
  download(version: string): Promise<void>
  /** Quits the app and installs the downloaded `version`; the quit closes the database first (the quit guard). */
  install(version: string): Promise<void>
}

/** What `updates:*` need: the shell's updater and what this run has found and started. */
export interface UpdatesEnvironment {
  /** Null where the shell cannot install updates (a development run, tests, the browser harness): updates are off. */
  readonly port: UpdaterPort | null
  /** The version the last check found newer; null before any check or when none was. The only one install takes. */
  found: string | null
  /** An install is downloading or quitting: another is refused. */
  installing: boolean
  /** Payments (`checkout:pay`) being answered on any till now. */
  paymentsUnderWay(): number
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

/** What the set-up and settings handlers need of the backend (which owns the open database and the windows). */
export interface StoreOperations {
  /** Reads the settings again, in the database queue, so the next call sees a change just written. */
  reloadSettings(): Promise<StoreSettings>
  /**
   * Puts the demo database aside (`demo-stores/` in the data folder) and opens a fresh, empty one in
   * its place; every window is signed out. CONFLICT notDemo outside the demo. Answers the kept file's name.
   */
  startOwnStore(actor: SessionUser | null): Promise<{ keptAs: string }>
  /** Windows signed in as this user take the change on their next call: a new name or role, or signed out (`null`). */
  userChanged(userId: number, user: SessionUser | null): void
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
  store: StoreOperations
  /** The calling client's window; null for a client without one (tests, the machine's own commands). */
  window: ClientWindow | null
  /** Main's save dialog for documents; without one, a save is cancelled. */
  documentFiles: DocumentFilePicker
  images: ProductImageFiles
  printing: PrinterEnvironment
  /** The customer display; without one from the shell, a state goes nowhere and there are no screens. */
  display: CustomerDisplayPort
  /** The shell's updater and this run's last check. */
  updates: UpdatesEnvironment
  /** How this backend hashes and checks secrets. */
  passwords: PasswordHasher
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
  /**
   * For a permission this call needs beyond its channel's (a discount over the store's limit): the
   * context to act with — the caller's own when their role has it, else with the manager's approval
   * the call carries for it, used up now and named in the audit rows. FORBIDDEN without one,
   * APPROVAL_REQUIRED when the one it carries cannot be used.
   */
  withPermission(permission: Permission): RequestContext
}
