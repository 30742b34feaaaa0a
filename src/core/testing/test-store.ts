/**
 * Test helpers for core: a real SQLite file in a fresh temp folder, the real migrations, the demo
 * seed and a fixed clock. Imported only by tests.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import type { ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { IpcResult } from '#shared/ipc/errors'
import { openBackend, type Backend, type BackendClient, type BackupFilePicker, type OpenBackendOptions } from '#core/backend'

/** 15 March 2026, 10:00 local time: a fixed "now" for every test that does not pick its own. */
export const FIXED_NOW = new Date(2026, 2, 15, 10, 0, 0)

export const TOKENS = {
  rich: '11111111-1111-4111-8111-111111111111',
  poor: '22222222-2222-4222-8222-222222222222',
  expired: '33333333-3333-4333-8333-333333333333',
} as const

/**
 * The scrypt cost test stores hash at: about 3 ms a secret instead of 0.4 s, so the suite's
 * thousands of sign-ins cost seconds, not minutes. Tests of the production cost open with
 * `productionPasswords` (and the hashing functions test SCRYPT_PARAMS themselves).
 */
export const TEST_PASSWORD_COST = { N: 2 ** 10 } as const

export interface TestStore {
  dir: string
  dbPath: string
  backend: Backend
  clock: { now: Date }
  /** What main's dialog for product images answers next: the picked paths, or null as when the person cancels. */
  dialogs: { imageFiles: string[] | null }
  reopen(): Promise<Backend>
  cleanup(): Promise<void>
}

export async function openTestStore(
  options: {
    seed?: 'demo' | 'none'
    now?: Date
    files?: BackupFilePicker
    auditKey?: Buffer
    printing?: OpenBackendOptions['printing']
    display?: OpenBackendOptions['display']
    updater?: OpenBackendOptions['updater']
    /** Hash at the production cost, as a shop's till does. */
    productionPasswords?: true
  } = {},
): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'tillwise-test-'))
  const dbPath = join(dir, 'tillwise.sqlite')
  const clock = { now: options.now ?? FIXED_NOW }
  const dialogs: TestStore['dialogs'] = { imageFiles: null }
  // The dialogs a test does not give answer as a cancelled one would.
  const files: BackupFilePicker = {
    chooseExportFolder: async () => null,
    chooseImportFile: async () => null,
    chooseImageFiles: async () => dialogs.imageFiles,
    ...options.files,
  }
  const open = () =>
    openBackend({
      dbPath,
      seed: options.seed ?? 'demo',
      now: () => clock.now,
      files,
      ...(options.auditKey ? { auditKey: options.auditKey } : {}),
      ...(options.printing ? { printing: options.printing } : {}),
      ...(options.display ? { display: options.display } : {}),
      ...(options.updater ? { updater: options.updater } : {}),
      ...(options.productionPasswords ? {} : { passwordCost: TEST_PASSWORD_COST }),
    })
  const store: TestStore = {
    dir,
    dbPath,
    clock,
    dialogs,
    backend: await open(),
    async reopen() {
      await store.backend.close()
      store.backend = await open()
      return store.backend
    },
    async cleanup() {
      await store.backend.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return store
}

export function ok<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.data
}

export function expectError(result: IpcResult<unknown>, code: string, message?: string | RegExp): void {
  expect(result.ok, `expected ${code}, got ${JSON.stringify(result).slice(0, 300)}`).toBe(false)
  if (result.ok) return
  expect(result.error.code).toBe(code)
  if (typeof message === 'string') expect(result.error.message).toBe(message)
  else if (message) expect(result.error.message).toMatch(message)
}

/** The store and owner a set-up gives unless a test says otherwise. */
export const STORE_SETUP = {
  store: { name: 'Himal Kirana', currency: 'NPR', currencyDecimals: 2, locale: 'en-IN', timeZone: 'Asia/Kathmandu' },
  owner: { username: 'sita', displayName: 'Sita Sharma', password: 'himal kirana 2026' },
} as const satisfies ChannelInput<'setup:createStore'>

/**
 * Sets up an empty store (`openTestStore({ seed: 'none' })`) through set-up itself: answers a client
 * signed in as its owner and the one-time recovery code.
 */
export async function setUpStore(
  backend: Backend,
  input: ChannelInput<'setup:createStore'> = STORE_SETUP,
): Promise<{ client: BackendClient; recoveryCode: string }> {
  const client = backend.connect()
  const { recoveryCode } = ok(await client.invoke('setup:createStore', input))
  return { client, recoveryCode }
}

export async function signedInClient(backend: Backend, username = 'cashier'): Promise<BackendClient> {
  const client = backend.connect()
  ok(await client.invoke('auth:login', { username, password: username }))
  return client
}

export async function productBySku(client: BackendClient, sku: string): Promise<ChannelOutput<'catalog:lookup'>> {
  return ok(await client.invoke('catalog:lookup', { code: sku }))
}

/** Adds these demo products by SKU to the client's cart, as a till scans them; answers the cart after the last. */
export async function fillCart(
  client: BackendClient,
  items: readonly (readonly [sku: string, quantity: number])[],
): Promise<ChannelOutput<'cart:get'>> {
  let cart = ok(await client.invoke('cart:get', {}))
  for (const [sku, quantity] of items)
    cart = ok(await client.invoke('cart:add', { productId: (await productBySku(client, sku)).id, quantity }))
  return cart
}

/** Everything a sale could touch, read through a second, independent connection. */
export interface StoreState {
  tokens: Record<string, number>
  stock: Record<string, number>
  cartLines: { user_id: number; product_id: number; quantity: number }[]
  invoices: number
  invoiceLines: number
  ledgerEntries: number
  stockMovements: number
  returns: number
}

export function readState(dbPath: string): StoreState {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    const tokens = Object.fromEntries(
      db
        .prepare('select code, balance_cents from token')
        .all()
        .map((row) => {
          const r = row as { code: string; balance_cents: number }
          return [r.code, r.balance_cents]
        }),
    )
    const stock = Object.fromEntries(
      db
        .prepare('select sku, stock from product')
        .all()
        .map((row) => {
          const r = row as { sku: string; stock: number }
          return [r.sku, r.stock]
        }),
    )
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    return {
      tokens,
      stock,
      cartLines: db
        .prepare('select user_id, product_id, quantity from cart_line order by user_id, product_id')
        .all() as StoreState['cartLines'],
      invoices: count('invoice'),
      invoiceLines: count('invoice_line'),
      ledgerEntries: count('token_ledger_entry'),
      stockMovements: count('stock_movement'),
      returns: count('sale_return'),
    }
  } finally {
    db.close()
  }
}

/** Locks a name as ten wrong passwords at `at` would (the slow way is tested on its own). */
export function lockName(dbPath: string, username: string, at = '2026-03-15T09:55:00.000Z'): void {
  withRawDb(dbPath, (db) =>
    db
      .prepare(
        `insert into sign_in_guard (name, failures, last_failed_at, locked_at, locks) values (?, 10, ?, ?, 1)
         on conflict (name) do update set failures = 10, last_failed_at = excluded.last_failed_at, locked_at = excluded.locked_at, locks = 1`,
      )
      .run(username, at, at),
  )
}

/** Runs SQL on the file through a separate connection (for inspection and tamper tests). */
export function withRawDb<T>(dbPath: string, work: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { fileMustExist: true })
  try {
    return work(db)
  } finally {
    db.close()
  }
}
