/**
 * Model-based test of carts and checkout (issue 3, point 3). fast-check generates sequences of
 * till actions on one shared backend — two windows of the cashier and one of the manager — and
 * after every step compares the store with a reference model (`testing/model.ts`) and checks the
 * books: stock never negative, money safe integers, invoices summing exactly, token balances
 * equal to their ledger and never overdrawn, every tender debited once, Σ tenders − change =
 * total + rounding with change and rounding only from cash, refusals and replays changing nothing.
 *
 * Runs share a backend (opening one and signing in costs about a second), so each run starts by
 * emptying the carts through the API and reading the model from the store as it is.
 *
 * Environment: TILLWISE_MODEL_RUNS (default 200); TILLWISE_MODEL_RUNS_PER_STORE (default 100: a
 * fresh demo store after that many runs, so stock and token money do not run dry);
 * TILLWISE_MODEL_MAX_COMMANDS (default 20 steps per run). To replay a failure, set
 * TILLWISE_MODEL_SEED, TILLWISE_MODEL_PATH and TILLWISE_MODEL_REPLAY_PATH to what fast-check
 * printed. That replay starts on a fresh store; if the failure depended on what earlier runs sold,
 * replay with the seed alone, which repeats every run before it.
 */
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { DiscountInput, PromoProblem } from '#shared/contract/cart'
import type { CheckoutResultDto, TenderInput } from '#shared/contract/checkout'
import type { PaymentMethod } from '#shared/contract/invoices'
import type { ErrorCode, IpcResult } from '#shared/ipc/errors'
import type { MoneyFormatOptions } from '#shared/money/money'
import type { CashRounding } from '#shared/money/pricing'
import { settle } from '#shared/money/tenders'
import type { BackendClient } from '#core/backend'
import {
  FIXED_NOW,
  ok,
  openTestStore,
  productBySku,
  readState,
  signedInClient,
  TOKENS,
  type StoreState,
  type TestStore,
} from '#core/testing/test-store'
import { checkReturns } from '#core/testing/invariants'
import {
  applyAdd,
  applyClear,
  applyReturn,
  predictReturn,
  type ReturnWanted,
  applyLineDiscount,
  applyOrderDiscount,
  applyPromoCode,
  applyRemove,
  applyRemovePromo,
  applySale,
  applySetQuantity,
  cartOf,
  cloneModel,
  cartTotalCents,
  expectedCart,
  expectedCartRows,
  expectedInvoice,
  expectedLineDiscountRows,
  expectedOrderRows,
  expectedPaidFigures,
  MAX_LINE_QUANTITY,
  normalizeTokenText,
  predictPay,
  tendersOf,
  type ModelProduct,
  type ModelPromo,
  type Outcome,
  type PayAttempt,
  type PayRequest,
  type TillModel,
} from '#core/testing/model'

function envInt(name: string, fallback: number): number {
  const text = process.env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got '${text}'`)
  return value
}

const RUNS = envInt('TILLWISE_MODEL_RUNS', 200)
const RUNS_PER_STORE = envInt('TILLWISE_MODEL_RUNS_PER_STORE', 100)
const MAX_COMMANDS = envInt('TILLWISE_MODEL_MAX_COMMANDS', 20)
const SEED = process.env['TILLWISE_MODEL_SEED'] ? Number(process.env['TILLWISE_MODEL_SEED']) : (Date.now() ^ (Math.random() * 2 ** 31)) | 0
const FAILURE_PATH = process.env['TILLWISE_MODEL_PATH'] || undefined
const REPLAY_PATH = process.env['TILLWISE_MODEL_REPLAY_PATH'] || undefined

/**
 * Cheap lines with plenty of stock, a dearer one (the poor token covers a balance too low), the demo's last
 * jar (stock 1) so short stock comes up; index SKUS.length stands for a product id that does not exist.
 */
const SKUS = ['DEMO-001', 'DEMO-005', 'DEMO-024', 'DEMO-017', 'DEMO-LAST-ONE'] as const
const GHOST = SKUS.length

/** The store's calendar date for the fixed test clock, as token expiry dates are written. */
const TODAY = `${FIXED_NOW.getFullYear()}-${String(FIXED_NOW.getMonth() + 1).padStart(2, '0')}-${String(FIXED_NOW.getDate()).padStart(2, '0')}`

interface Till {
  label: string
  client: BackendClient
  userId: number
  displayName: string
}

/** The real system: one backend, three signed-in windows, and a read-only connection for the books. */
interface World {
  store: TestStore
  tills: Till[]
  products: ModelProduct[]
  ghostProductId: number
  expired: ReadonlySet<string>
  money: MoneyFormatOptions
  /** The store's cash rounding and wallets (the demo's: NPR 1.00 half-up; eSewa, Khalti, Fonepay). */
  cashRounding: CashRounding
  wallets: string[]
  discountLimitBps: number
  books: Database.Database
  runs: number
  /** What the store held after the last step (nothing else writes between steps). */
  lastState: StoreState
  /** Invoices up to this id have had their per-invoice checks. */
  checkedInvoiceId: number
}

const stats = {
  runs: 0,
  stores: 0,
  commands: 0,
  sales: { token: 0, cash: 0, card: 0, wallet: 0, split: 0 } satisfies Record<PaymentMethod, number>,
  /** Sales whose cash part was rounded, and token tenders that paid only part of a sale. */
  rounded: 0,
  partialTokens: 0,
  replays: 0,
  concurrent: 0,
  /** Returns made (and of them, the last that took back a whole sale), and returns refused by code. */
  returns: 0,
  fullReturns: 0,
  returnRefusals: {} as Record<string, number>,
  /** Discounts given (line, order) and taken off, sales with discounts and with a promo, promo refusals by reason. */
  discounts: { line: 0, order: 0, removed: 0 },
  discountedSales: 0,
  promoSales: 0,
  promoRefusals: {} as Partial<Record<PromoProblem, number>>,
  /** Payments refused because the cart's promo stopped qualifying (checkout's re-check). */
  checkoutPromoRefusals: 0,
  refusals: {} as Partial<Record<ErrorCode, number>>,
}

function countReply(reply: IpcResult<unknown>): void {
  stats.commands += 1
  if (!reply.ok) stats.refusals[reply.error.code] = (stats.refusals[reply.error.code] ?? 0) + 1
  if (!reply.ok && reply.error.code === 'PROMO_INVALID') {
    const reason = reply.error.params?.['reason'] as PromoProblem
    stats.promoRefusals[reason] = (stats.promoRefusals[reason] ?? 0) + 1
  }
}

async function signIn(store: TestStore, username: string, label: string): Promise<Till> {
  const client = await signedInClient(store.backend, username)
  const { user } = ok(await client.invoke('auth:session', {}))
  if (!user) throw new Error(`${username} is not signed in`)
  return { label, client, userId: user.id, displayName: user.displayName }
}

async function openWorld(): Promise<World> {
  const store = await openTestStore()
  // Sign-ins cost a key derivation each; in parallel they overlap on the thread pool.
  const tills = await Promise.all([signIn(store, 'cashier', 'A'), signIn(store, 'cashier', 'B'), signIn(store, 'manager', 'M')])
  const products: ModelProduct[] = []
  for (const sku of SKUS) {
    const { id, name, priceCents } = await productBySku(tills[0]!.client, sku)
    products.push({ id, sku, name, priceCents })
  }
  const info = ok(await tills[0]!.client.invoke('app:info', {}))
  const settings = ok(await tills[0]!.client.invoke('settings:get', {}))
  const books = new Database(store.dbPath, { readonly: true, fileMustExist: true })
  const taxRows = books
    .prepare(
      `select pt.product_id, t.id, t.name, t.rate_bps, t.included from product_tax pt join tax_rate t on t.id = pt.tax_rate_id
       where t.active order by t.id`,
    )
    .all() as { product_id: number; id: number; name: string; rate_bps: number; included: number }[]
  for (const product of products) {
    product.taxes = taxRows
      .filter((row) => row.product_id === product.id)
      .map((row) => ({ id: row.id, name: row.name, rateBps: row.rate_bps, included: Boolean(row.included) }))
  }
  const { maxId } = books.prepare('select max(id) as maxId from product').get() as { maxId: number }
  const expired = new Set(
    (books.prepare('select code from token where expires_on < ?').all(TODAY) as { code: string }[]).map((row) => row.code),
  )
  stats.stores += 1
  return {
    store,
    tills,
    products,
    ghostProductId: maxId + 1_000,
    expired,
    money: { currency: info.currency, locale: info.locale },
    cashRounding: { incrementCents: settings.cashRoundingIncrementCents, mode: settings.cashRoundingMode },
    wallets: settings.wallets,
    discountLimitBps: settings.discountLimitBps,
    books,
    runs: 0,
    lastState: readState(store.dbPath),
    checkedInvoiceId: 0,
  }
}

async function closeWorld(world: World): Promise<void> {
  world.books.close()
  await world.store.cleanup()
}

let world: World | undefined

/** The shared backend for the next run: reused across runs, replaced by a fresh store now and then. */
async function worldForRun(): Promise<World> {
  if (world && world.runs >= RUNS_PER_STORE) {
    await closeWorld(world)
    world = undefined
  }
  world ??= await openWorld()
  world.runs += 1
  return world
}

afterAll(async () => {
  if (world) await closeWorld(world)
})

/** Start of a run: empty every cart through the API and read the model from the store as it is. */
async function setup(): Promise<{ model: TillModel; real: World }> {
  const real = await worldForRun()
  stats.runs += 1
  // The previous run may have stopped anywhere (or failed): check all its books, then empty the carts.
  expect(booksViolations(real.books, 0, real.cashRounding.incrementCents)).toEqual([])
  const holding = new Set([
    ...readState(real.store.dbPath).cartLines.map((line) => line.user_id),
    ...(prepared(real.books, 'select user_id from cart_order').all() as { user_id: number }[]).map((row) => row.user_id),
  ])
  for (const userId of holding) ok(await real.tills.find((till) => till.userId === userId)!.client.invoke('cart:clear', {}))
  // The poor token is spent in a run or two; a manager puts NPR 5.00 back on it, so partial redemption keeps coming up.
  const poor = readState(real.store.dbPath).tokens[TOKENS.poor]!
  if (poor < 500) ok(await real.tills[2]!.client.invoke('tokens:topUp', { code: TOKENS.poor, amountCents: 500 - poor }))
  const promos = await createPromos(real)
  const state = readState(real.store.dbPath)
  expect(state.cartLines).toEqual([])
  real.lastState = state
  const { last } = prepared(real.books, 'select coalesce(max(number), 0) as last from invoice').get() as { last: number }
  const model: TillModel = {
    products: new Map(real.products.map((product) => [product.id, product])),
    stock: { ...state.stock },
    tokens: { ...state.tokens },
    expired: real.expired,
    carts: new Map(real.tills.map((till) => [till.userId, new Map<number, number>()])),
    invoices: state.invoices,
    lastInvoiceNumber: last,
    attempts: [],
    cashRounding: real.cashRounding,
    wallets: real.wallets,
    lineDiscounts: new Map(),
    orders: new Map(),
    promos: new Map(promos.map((promo) => [promo.id, promo])),
    discountLimitBps: real.discountLimitBps,
    sales: [],
    returns: state.returns,
  }
  return { model, real }
}

/**
 * The run's own promo codes (the manager creates them): 15% off a spend of NPR 150.00 on any line,
 * NPR 30.00 off the dear line only (capped at what it costs after its own discount), and 5% off
 * anything once, with few uses each, so used up, minimum not met and nothing qualifying come up
 * within a run, at the cart and again at checkout.
 */
async function createPromos(real: World): Promise<ModelPromo[]> {
  const manager = real.tills[2]!.client
  const dear = real.products[3]!.id
  const specs = [
    { code: `R${stats.runs}-Spend`, name: 'Spend and save', kind: 'percent' as const, value: 1_500, minSpendCents: 12_000, maxUses: 2 },
    { code: `R${stats.runs}-SUGAR`, name: 'Sugar off', kind: 'amount' as const, value: 3_000, maxUses: 1, productIds: [dear] },
    // One use only: the first sale with it leaves it used up in every other cart holding it (checkout's re-check).
    { code: `R${stats.runs}-last`, name: 'Last one', kind: 'percent' as const, value: 500, maxUses: 1 },
  ]
  const promos: ModelPromo[] = []
  for (const spec of specs) {
    const created = ok(await manager.invoke('promos:create', { ...spec, active: true }))
    promos.push({
      id: created.id,
      code: created.code,
      name: created.name,
      kind: created.kind,
      value: created.value,
      minSpendCents: created.minSpendCents,
      maxUses: created.maxUses,
      uses: created.uses,
      productIds: spec.productIds ? new Set(spec.productIds) : null,
    })
  }
  return promos
}

// ---------------------------------------------------------------------------------------------
// Checks run after every step
// ---------------------------------------------------------------------------------------------

const MONEY_COLUMNS: Record<string, string[]> = {
  product: ['price_cents'],
  token: ['balance_cents'],
  token_ledger_entry: ['delta_cents', 'balance_after_cents'],
  invoice: ['total_cents', 'tendered_cents', 'change_cents', 'token_balance_after_cents', 'rounding_cents', 'discount_cents'],
  invoice_line: ['unit_price_cents', 'sub_amount_cents', 'discount_cents', 'total_cents'],
  invoice_promo: ['discount_cents'],
  invoice_tender: ['amount_cents', 'tendered_cents', 'change_cents', 'token_balance_after_cents'],
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** Prepares each query once per connection (it runs after every step). */
function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}

/**
 * Every rule of the books that must hold whatever happened; returns what does not. Rules about one
 * invoice look only at invoices after `afterInvoiceId` (no channel edits an invoice once written);
 * `increment` is the store's cash rounding increment.
 */
function booksViolations(books: Database.Database, afterInvoiceId: number, increment: number): string[] {
  const found: string[] = []
  const rows = (label: string, sql: string) => {
    for (const row of prepared(books, sql).all({ after: afterInvoiceId, increment })) found.push(`${label}: ${JSON.stringify(row)}`)
  }
  rows('stock below zero', 'select sku, stock from product where stock < 0')
  rows(
    'stock differs from its movements',
    `select p.sku, p.stock, (select coalesce(sum(delta_qty), 0) from stock_movement m where m.product_id = p.id) as moved
     from product p where p.stock != moved`,
  )
  for (const [table, columns] of Object.entries(MONEY_COLUMNS)) {
    const recent = table === 'invoice' ? 'id > :after and ' : table.startsWith('invoice_') ? 'invoice_id > :after and ' : ''
    for (const column of columns) {
      rows(
        `${table}.${column} not a safe integer`,
        `select id, ${column} as value, typeof(${column}) as type from ${table}
         where ${recent}${column} is not null and (typeof(${column}) != 'integer' or abs(${column}) > 9007199254740991)`,
      )
    }
  }
  rows(
    'invoice total or discount is not the sum of its lines',
    `select i.id, i.total_cents, i.discount_cents,
       (select sum(total_cents) from invoice_line l where l.invoice_id = i.id) as lines,
       (select sum(discount_cents) from invoice_line l where l.invoice_id = i.id) as line_discounts
     from invoice i where i.id > :after and (lines is null or i.total_cents != lines or i.discount_cents != line_discounts)`,
  )
  rows(
    'line discount below zero or above the line',
    'select id from invoice_line where invoice_id > :after and (discount_cents < 0 or discount_cents > sub_amount_cents)',
  )
  rows(
    'promo past its maximum uses, or uses not its invoices',
    `select p.id, p.code, p.uses, p.max_uses, (select count(*) from invoice_promo ip where ip.promo_id = p.id) as invoices
     from promo p where (p.max_uses is not null and p.uses > p.max_uses) or p.uses != invoices`,
  )
  rows(
    'promo discount more than its invoice discount',
    `select ip.invoice_id from invoice_promo ip join invoice i on i.id = ip.invoice_id
     where ip.invoice_id > :after and (ip.discount_cents < 0 or ip.discount_cents > i.discount_cents)`,
  )
  rows(
    'line amount is not price × quantity',
    'select id from invoice_line where invoice_id > :after and sub_amount_cents != unit_price_cents * quantity',
  )
  rows(
    'invoice stock movements do not match its lines',
    `select i.id from invoice i
     where i.id > :after and (select coalesce(sum(-delta_qty), 0) from stock_movement m where m.invoice_id = i.id and m.reason = 'sale')
        != (select coalesce(sum(quantity), 0) from invoice_line l where l.invoice_id = i.id)`,
  )
  rows(
    'invoice without tenders',
    'select i.id from invoice i where i.id > :after and not exists (select 1 from invoice_tender t where t.invoice_id = i.id)',
  )
  rows(
    'tenders do not pay total + rounding',
    `select i.id, i.total_cents, i.rounding_cents, sum(t.amount_cents) as paid,
       sum(case when t.method = 'cash' then t.tendered_cents else t.amount_cents end) - sum(coalesce(t.change_cents, 0)) as kept
     from invoice i join invoice_tender t on t.invoice_id = i.id where i.id > :after group by i.id
     having paid != i.total_cents + i.rounding_cents or kept != i.total_cents + i.rounding_cents`,
  )
  rows(
    'change or rounding without cash, or change below zero',
    `select i.id from invoice i where i.id > :after and (
       exists (select 1 from invoice_tender t where t.invoice_id = i.id and t.method != 'cash' and (t.change_cents is not null or t.tendered_cents is not null))
       or exists (select 1 from invoice_tender t where t.invoice_id = i.id and t.change_cents < 0)
       or (i.rounding_cents != 0 and not exists (select 1 from invoice_tender t where t.invoice_id = i.id and t.method = 'cash'))
       or abs(i.rounding_cents) >= :increment)`,
  )
  rows(
    'cash tender is not tendered − change',
    `select t.invoice_id, t.position from invoice_tender t where t.invoice_id > :after and t.method = 'cash'
     and (t.tendered_cents is null or t.change_cents is null or t.amount_cents != t.tendered_cents - t.change_cents)`,
  )
  rows(
    'invoice cash columns differ from its cash tender',
    `select i.id from invoice i left join invoice_tender t on t.invoice_id = i.id and t.method = 'cash' where i.id > :after
     and (i.tendered_cents is not t.tendered_cents or i.change_cents is not t.change_cents)`,
  )
  rows(
    'payment method does not name its tenders',
    `select i.id, i.payment_method from invoice i where i.id > :after and i.payment_method != (
       select case when count(*) > 1 then 'split' else max(t.method) end from invoice_tender t where t.invoice_id = i.id)`,
  )
  rows(
    'invoice numbers are not 1…n',
    `select count(*) as n, count(distinct number) as distinct_numbers, coalesce(max(number), 0) as max_number from invoice
     having n != distinct_numbers or n != max_number`,
  )
  rows(
    'token balance differs from its ledger',
    `select t.code, t.balance_cents,
       (select coalesce(sum(delta_cents), 0) from token_ledger_entry e where e.token_id = t.id) as ledger,
       (select balance_after_cents from token_ledger_entry e where e.token_id = t.id order by e.id desc limit 1) as last_after
     from token t where t.balance_cents < 0 or t.balance_cents != ledger or t.balance_cents != last_after`,
  )
  rows(
    'token tender without exactly one matching ledger debit',
    `select t.invoice_id, t.position from invoice_tender t where t.invoice_id > :after and t.method = 'token' and
       (t.token_id is null or (select count(*) from token_ledger_entry e
        where e.invoice_id = t.invoice_id and e.token_id = t.token_id and e.reason = 'sale' and e.delta_cents = -t.amount_cents
          and e.balance_after_cents = t.token_balance_after_cents) != 1)`,
  )
  rows(
    'ledger sale entry without its token tender',
    `select e.id from token_ledger_entry e where e.reason = 'sale'
     and (e.invoice_id is null or e.invoice_id > :after)
     and not exists (select 1 from invoice_tender t where t.invoice_id = e.invoice_id and t.token_id = e.token_id and t.method = 'token')`,
  )
  return found
}

/** Every number in a reply is a safe integer (ids, quantities, stock and every …Cents). */
function unsafeNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? [] : [`${path} = ${value}`]
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeNumbers(item, `${path}[${index}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => unsafeNumbers(item, `${path}.${key}`))
  }
  return []
}

function expectWellFormedReply(reply: IpcResult<unknown>): void {
  expect(unsafeNumbers(reply)).toEqual([])
  if (!reply.ok) {
    expect(reply.error.code).not.toBe('INTERNAL')
    expect(reply.error.message.length).toBeLessThan(500)
    expect(reply.error.message).not.toMatch(/\n\s+at /)
  }
}

/** After every step the store is what the model says, and the books hold. */
function expectStoreMatchesModel(real: World, model: TillModel, after: StoreState): void {
  expect(after.stock).toEqual(model.stock)
  expect(after.tokens).toEqual(model.tokens)
  expect(after.invoices).toBe(model.invoices)
  expect(after.returns).toBe(model.returns)
  expect(after.cartLines).toEqual(expectedCartRows(model))
  expect(
    prepared(
      real.books,
      `select user_id, product_id, discount_kind, discount_value, discount_reason from cart_line
       where discount_kind is not null order by user_id, product_id`,
    ).all(),
  ).toEqual(expectedLineDiscountRows(model))
  expect(
    prepared(
      real.books,
      `select user_id, discount_kind, discount_value, discount_reason, promo_id from cart_order
       where discount_kind is not null or promo_id is not null order by user_id`,
    ).all(),
  ).toEqual(expectedOrderRows(model))
  for (const promo of model.promos.values()) {
    expect(prepared(real.books, 'select uses from promo where id = ?').get(promo.id), promo.code).toEqual({ uses: promo.uses })
  }
  expect(booksViolations(real.books, real.checkedInvoiceId, real.cashRounding.incrementCents)).toEqual([])
  expect(checkReturns(real.books)).toEqual([])
  const { last } = prepared(real.books, 'select coalesce(max(id), 0) as last from invoice').get() as { last: number }
  real.checkedInvoiceId = last
}

interface Observed<T> {
  before: StoreState
  reply: IpcResult<T>
  after: StoreState
}

async function observe<T>(real: World, call: () => Promise<IpcResult<T>>): Promise<Observed<T>> {
  const before = real.lastState
  const reply = await call()
  const after = readState(real.store.dbPath)
  real.lastState = after
  countReply(reply)
  expectWellFormedReply(reply)
  return { before, reply, after }
}

function expectOutcome(reply: IpcResult<unknown>, expected: Outcome): void {
  if (expected.ok) {
    expect(reply.ok, `expected ok, got ${JSON.stringify(reply)}`).toBe(true)
  } else {
    expect(reply.ok ? 'ok' : reply.error.code, JSON.stringify(reply)).toBe(expected.code)
    if (expected.reason && !reply.ok) expect(reply.error.params?.['reason']).toBe(expected.reason)
  }
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

type Cmd = fc.AsyncCommand<TillModel, World>

const skuLabel = (product: number) => (product === GHOST ? 'GHOST' : SKUS[product]!)
const productIdOf = (real: World, product: number) => (product === GHOST ? real.ghostProductId : real.products[product]!.id)
const tillLabel = (till: number) => ['A', 'B', 'M'][till]!

/** A cart change: the reply is the model's cart, a refusal changes nothing. */
abstract class CartCommand implements Cmd {
  constructor(readonly till: number) {}
  check(): boolean {
    return true
  }
  abstract call(client: BackendClient, real: World): Promise<IpcResult<unknown>>
  abstract apply(model: TillModel, userId: number, real: World): Outcome
  abstract toString(): string

  async run(model: TillModel, real: World): Promise<void> {
    const till = real.tills[this.till]!
    const { before, reply, after } = await observe(real, () => this.call(till.client, real))
    const expected = this.apply(model, till.userId, real)
    expectOutcome(reply, expected)
    if (reply.ok) expect(reply.data).toEqual(expectedCart(model, till.userId))
    else expect(after).toEqual(before)
    expectStoreMatchesModel(real, model, after)
  }
}

class AddCommand extends CartCommand {
  constructor(
    till: number,
    readonly product: number,
    readonly quantity: number,
  ) {
    super(till)
  }
  call(client: BackendClient, real: World) {
    return client.invoke('cart:add', { productId: productIdOf(real, this.product), quantity: this.quantity })
  }
  apply(model: TillModel, userId: number, real: World) {
    return applyAdd(model, userId, productIdOf(real, this.product), this.quantity)
  }
  toString() {
    return `${tillLabel(this.till)}.add(${skuLabel(this.product)} ×${this.quantity})`
  }
}

class SetQuantityCommand extends CartCommand {
  constructor(
    till: number,
    readonly product: number,
    readonly quantity: number,
  ) {
    super(till)
  }
  call(client: BackendClient, real: World) {
    return client.invoke('cart:setQuantity', { productId: productIdOf(real, this.product), quantity: this.quantity })
  }
  apply(model: TillModel, userId: number, real: World) {
    return applySetQuantity(model, userId, productIdOf(real, this.product), this.quantity)
  }
  toString() {
    return `${tillLabel(this.till)}.setQuantity(${skuLabel(this.product)} =${this.quantity})`
  }
}

class RemoveCommand extends CartCommand {
  constructor(
    till: number,
    readonly product: number,
  ) {
    super(till)
  }
  call(client: BackendClient, real: World) {
    return client.invoke('cart:remove', { productId: productIdOf(real, this.product) })
  }
  apply(model: TillModel, userId: number, real: World) {
    return applyRemove(model, userId, productIdOf(real, this.product))
  }
  toString() {
    return `${tillLabel(this.till)}.remove(${skuLabel(this.product)})`
  }
}

class ClearCommand extends CartCommand {
  call(client: BackendClient) {
    return client.invoke('cart:clear', {})
  }
  apply(model: TillModel, userId: number) {
    return applyClear(model, userId)
  }
  toString() {
    return `${tillLabel(this.till)}.clear()`
  }
}

/** A discount as generated: within the store's limit (10%), at it, above it, 100%, or more than anything costs; null takes it off. */
const discountLabel = (discount: DiscountInput | null) =>
  discount === null ? 'none' : discount.kind === 'percent' ? `${discount.bps / 100}%` : `${discount.cents}¢`

/** Only the manager may go over the limit (no approvals here: a cashier over the limit is FORBIDDEN). */
const mayExceedLimit = (till: number) => till === 2

/** On a line of the cart (the `line`-th, wrapping), or on a product it does not hold (NOT_FOUND). */
class LineDiscountCommand extends CartCommand {
  constructor(
    till: number,
    readonly line: number | 'notInCart',
    readonly discount: DiscountInput | null,
    readonly reason: string | undefined,
  ) {
    super(till)
  }
  private productId = 0
  override async run(model: TillModel, real: World) {
    const held = [...cartOf(model, real.tills[this.till]!.userId).keys()]
    this.productId = this.line !== 'notInCart' && held.length > 0 ? held[this.line % held.length]! : real.ghostProductId
    await super.run(model, real)
  }
  call(client: BackendClient) {
    return client.invoke('cart:setLineDiscount', {
      productId: this.productId,
      discount: this.discount,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
    })
  }
  apply(model: TillModel, userId: number) {
    const outcome = applyLineDiscount(model, userId, this.productId, this.discount, this.reason, mayExceedLimit(this.till))
    if (outcome.ok) stats.discounts[this.discount ? 'line' : 'removed'] += 1
    return outcome
  }
  toString() {
    return `${tillLabel(this.till)}.lineDiscount(${this.line === 'notInCart' ? 'not in cart' : `line #${this.line}`}, ${discountLabel(this.discount)}${this.reason === undefined ? '' : `, '${this.reason}'`})`
  }
}

class OrderDiscountCommand extends CartCommand {
  constructor(
    till: number,
    readonly discount: DiscountInput | null,
    readonly reason: string | undefined,
  ) {
    super(till)
  }
  call(client: BackendClient) {
    return client.invoke('cart:setOrderDiscount', {
      discount: this.discount,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
    })
  }
  apply(model: TillModel, userId: number) {
    const outcome = applyOrderDiscount(model, userId, this.discount, this.reason, mayExceedLimit(this.till))
    if (outcome.ok) stats.discounts[this.discount ? 'order' : 'removed'] += 1
    return outcome
  }
  toString() {
    return `${tillLabel(this.till)}.orderDiscount(${discountLabel(this.discount)}${this.reason === undefined ? '' : `, '${this.reason}'`})`
  }
}

/** The run's promos by index (as typed: any case, spaces around), or a code the store does not have. */
class ApplyPromoCommand extends CartCommand {
  constructor(
    till: number,
    readonly promo: number | 'unknown',
    readonly sloppy: boolean,
  ) {
    super(till)
  }
  code(model: TillModel) {
    const code = this.promo === 'unknown' ? 'NO-SUCH-CODE' : [...model.promos.values()][this.promo]!.code
    return this.sloppy ? ` ${code.toLowerCase()}  ` : code
  }
  private typed = ''
  call(client: BackendClient) {
    return client.invoke('cart:applyPromo', { code: this.typed })
  }
  override async run(model: TillModel, real: World) {
    this.typed = this.code(model)
    await super.run(model, real)
  }
  apply(model: TillModel, userId: number) {
    return applyPromoCode(model, userId, this.typed)
  }
  toString() {
    return `${tillLabel(this.till)}.applyPromo(${this.promo === 'unknown' ? 'unknown' : `#${this.promo}`}${this.sloppy ? ', sloppy' : ''})`
  }
}

class RemovePromoCommand extends CartCommand {
  call(client: BackendClient) {
    return client.invoke('cart:removePromo', {})
  }
  apply(model: TillModel, userId: number) {
    return applyRemovePromo(model, userId)
  }
  toString() {
    return `${tillLabel(this.till)}.removePromo()`
  }
}

/** Messages DESIGN §3 fixes word for word. */
function expectedRefusalMessage(model: TillModel, userId: number, request: PayRequest, code: ErrorCode): string | undefined {
  switch (code) {
    case 'INVALID_TOKEN': {
      const unknown = tendersOf(request, request.expectedTotalCents).find(
        (tender) => tender.method === 'token' && model.tokens[normalizeTokenText(tender.token)] === undefined,
      )
      return unknown?.method === 'token' ? `Invalid token '${unknown.token.trim()}'` : undefined
    }
    case 'TOKEN_EXPIRED':
      return 'Token has expired'
    case 'INSUFFICIENT_BALANCE':
      return 'Insufficient balance'
    case 'INSUFFICIENT_STOCK': {
      const short = [...cartOf(model, userId)]
        .map(([productId, quantity]) => ({ product: model.products.get(productId)!, quantity }))
        .find(({ product, quantity }) => quantity > model.stock[product.sku]!)
      return short && `Insufficient quantity ${short.quantity} for ${short.product.name}`
    }
    default:
      return undefined
  }
}

function countSale(sale: Extract<ReturnType<typeof predictPay>, { kind: 'sale' }>): void {
  stats.sales[sale.method] += 1
  if (sale.roundingCents !== 0) stats.rounded += 1
  if (sale.figures.discountCents > 0) stats.discountedSales += 1
  if (sale.promo) stats.promoSales += 1
  for (const debit of sale.debits) if (debit.amountCents < sale.totalCents) stats.partialTokens += 1
}

/**
 * Sends one payment (twice at once when `doubleClick`) and checks the reply and the store against
 * the model's prediction: a sale books exactly one invoice, a refusal or a replay changes no row.
 */
async function pay(model: TillModel, real: World, tillIndex: number, request: PayRequest, doubleClick = false): Promise<void> {
  const till = real.tills[tillIndex]!
  const prediction = predictPay(model, till.userId, request)
  const refusalMessage = prediction.kind === 'refused' ? expectedRefusalMessage(model, till.userId, request, prediction.code) : undefined
  const attempt: PayAttempt = { request, userId: till.userId }
  model.attempts.push(attempt)

  let second: IpcResult<CheckoutResultDto> | undefined
  const { before, reply, after } = await observe(real, async () => {
    if (!doubleClick) return till.client.invoke('checkout:pay', request)
    const [first, again] = await Promise.all([till.client.invoke('checkout:pay', request), till.client.invoke('checkout:pay', request)])
    second = again
    return first
  })
  if (second) {
    countReply(second)
    expectWellFormedReply(second)
    // The second click either replays the sale or meets the same refusal.
    expect(second).toEqual(reply)
    if (reply.ok) stats.replays += 1
  }

  switch (prediction.kind) {
    case 'refused':
      expect(reply.ok ? 'ok' : reply.error.code, JSON.stringify(reply)).toBe(prediction.code)
      if (prediction.reason && !reply.ok) expect(reply.error.params?.['reason']).toBe(prediction.reason)
      if (prediction.code === 'PROMO_INVALID') stats.checkoutPromoRefusals += 1
      if (refusalMessage !== undefined && !reply.ok) expect(reply.error.message).toBe(refusalMessage)
      expect(after).toEqual(before)
      break
    case 'replay':
      stats.replays += 1
      expect(reply).toEqual({ ok: true, data: prediction.result })
      expect(after).toEqual(before)
      break
    case 'sale': {
      const result = ok(reply)
      const invoice = expectedInvoice(model, prediction, till.displayName, FIXED_NOW.toISOString())
      expect(result.invoice).toEqual({
        ...invoice,
        id: expect.any(Number),
        lines: invoice.lines.map((line) => ({ ...line, id: expect.any(Number) })),
      })
      expect(result).toEqual({ invoice: result.invoice, ...expectedPaidFigures(prediction) })
      countSale(prediction)
      // Exactly one sale's worth of rows, however many clicks.
      expect(after.invoices).toBe(before.invoices + 1)
      expect(after.invoiceLines).toBe(before.invoiceLines + prediction.lines.length)
      expect(after.stockMovements).toBe(before.stockMovements + prediction.lines.length)
      expect(after.ledgerEntries).toBe(before.ledgerEntries + prediction.debits.length)
      applySale(model, till.userId, prediction, attempt, result)
      break
    }
  }
  expectStoreMatchesModel(real, model, after)
}

type TokenChoice = 'rich' | 'poor' | 'expired' | 'unknown'

class PayByTokenCommand implements Cmd {
  constructor(
    readonly till: number,
    readonly token: TokenChoice,
    /** As scanned, or typed in capitals with spaces around it (both must work). */
    readonly sloppy: boolean,
    readonly unknownCode: string,
    readonly doubleClick: boolean,
  ) {}
  check() {
    return true
  }
  async run(model: TillModel, real: World) {
    const code = this.token === 'unknown' ? this.unknownCode : TOKENS[this.token]
    const token = this.sloppy ? `  ${code.toUpperCase()} ` : code
    const userId = real.tills[this.till]!.userId
    await pay(
      model,
      real,
      this.till,
      { idempotencyKey: randomUUID(), expectedTotalCents: cartTotalCents(model, userId), payment: { method: 'token', token } },
      this.doubleClick,
    )
  }
  toString() {
    const which = this.token === 'unknown' ? `unknown '${this.unknownCode}'` : this.token
    return `${tillLabel(this.till)}.payToken(${which}${this.sloppy ? ', sloppy' : ''}${this.doubleClick ? ', double click' : ''})`
  }
}

class PayCashCommand implements Cmd {
  constructor(
    readonly till: number,
    /** Tendered minus total: negative is short. */
    readonly overCents: number,
    readonly doubleClick: boolean,
  ) {}
  check() {
    return true
  }
  async run(model: TillModel, real: World) {
    const userId = real.tills[this.till]!.userId
    const total = cartTotalCents(model, userId)
    await pay(
      model,
      real,
      this.till,
      {
        idempotencyKey: randomUUID(),
        expectedTotalCents: total,
        payment: { method: 'cash', tenderedCents: Math.max(0, total + this.overCents) },
      },
      this.doubleClick,
    )
  }
  toString() {
    return `${tillLabel(this.till)}.payCash(${this.overCents >= 0 ? '+' : ''}${this.overCents}${this.doubleClick ? ', double click' : ''})`
  }
}

/** One tender of a split payment as generated: amounts as shares of the total, so they fit whatever the cart holds. */
type SplitTender =
  | { kind: 'token'; token: TokenChoice; unknownCode: string; perMille: number | null }
  | { kind: 'card'; perMille: number; reference: string }
  | { kind: 'wallet'; perMille: number; wallet: string; reference: string }
  /** Cash handed over: what is left to pay in cash (rounded), plus `overCents` (negative: short). */
  | { kind: 'cash'; overCents: number }

/**
 * Several tenders at once: tokens paying all they have or a set share (partial redemption), cards
 * and wallets for a share, cash for the rest with rounding and change. Shares over the total, a
 * wallet the store does not take and short cash come up too, and must be refused with nothing changed.
 */
class PaySplitCommand implements Cmd {
  constructor(
    readonly till: number,
    readonly tenders: SplitTender[],
    readonly doubleClick: boolean,
  ) {}
  check() {
    return true
  }
  async run(model: TillModel, real: World) {
    const userId = real.tills[this.till]!.userId
    const total = cartTotalCents(model, userId)
    const share = (perMille: number) => Math.max(1, Math.floor((total * perMille) / 1000))
    const nonCash: TenderInput[] = []
    for (const tender of this.tenders) {
      if (tender.kind === 'token') {
        const token = tender.token === 'unknown' ? tender.unknownCode : TOKENS[tender.token]
        nonCash.push(
          tender.perMille === null ? { method: 'token', token } : { method: 'token', token, amountCents: share(tender.perMille) },
        )
      } else if (tender.kind === 'card') {
        nonCash.push({ method: 'card', amountCents: share(tender.perMille), reference: tender.reference })
      } else if (tender.kind === 'wallet') {
        nonCash.push({ method: 'wallet', wallet: tender.wallet, amountCents: share(tender.perMille), reference: tender.reference })
      }
    }
    const cash = this.tenders.find((tender) => tender.kind === 'cash')
    const payments: TenderInput[] = [...nonCash]
    if (cash?.kind === 'cash') {
      // The cashier asks for what the screen shows as still due in cash (the shared settlement, as the pay dialog does).
      const balances = (typed: string) => model.tokens[normalizeTokenText(typed)] ?? 0
      const shown = settle(
        total,
        nonCash.map((tender) =>
          tender.method === 'token'
            ? { method: 'token', balanceCents: balances(tender.token), amountCents: tender.amountCents }
            : tender.method === 'cash'
              ? tender
              : { method: tender.method, amountCents: tender.amountCents },
        ),
        model.cashRounding,
      )
      payments.push({ method: 'cash', tenderedCents: Math.max(0, shown.cashDueCents + cash.overCents) })
    }
    await pay(model, real, this.till, { idempotencyKey: randomUUID(), expectedTotalCents: total, payments }, this.doubleClick)
  }
  toString() {
    const tenders = this.tenders.map((tender) => {
      switch (tender.kind) {
        case 'token':
          return `token(${tender.token === 'unknown' ? `unknown '${tender.unknownCode}'` : tender.token}${tender.perMille === null ? '' : `, ${tender.perMille}‰`})`
        case 'card':
          return `card(${tender.perMille}‰)`
        case 'wallet':
          return `wallet(${tender.wallet}, ${tender.perMille}‰)`
        case 'cash':
          return `cash(${tender.overCents >= 0 ? '+' : ''}${tender.overCents})`
      }
    })
    return `${tillLabel(this.till)}.paySplit(${tenders.join(', ')}${this.doubleClick ? ', double click' : ''})`
  }
}

/** The screen showed an old total (another window changed the cart): the till must refuse. */
class StalePaymentCommand implements Cmd {
  constructor(
    readonly till: number,
    readonly offByCents: number,
    readonly method: 'token' | 'cash',
  ) {}
  check() {
    return true
  }
  async run(model: TillModel, real: World) {
    const userId = real.tills[this.till]!.userId
    const total = cartTotalCents(model, userId)
    const stale = total + this.offByCents >= 0 ? total + this.offByCents : total - this.offByCents
    await pay(model, real, this.till, {
      idempotencyKey: randomUUID(),
      expectedTotalCents: stale,
      payment:
        this.method === 'token' ? { method: 'token', token: TOKENS.rich } : { method: 'cash', tenderedCents: stale + total + 100_000 },
    })
  }
  toString() {
    return `${tillLabel(this.till)}.payStale(${this.offByCents >= 0 ? '+' : ''}${this.offByCents}, ${this.method})`
  }
}

/**
 * Sends an earlier request again, unchanged (a retry after a lost reply), from any window: the same
 * user gets the first result, another user CONFLICT, and a key whose payment failed is still free.
 */
class ReplayCommand implements Cmd {
  constructor(
    readonly till: number,
    readonly pick: number,
    /** Prefer a request that was paid (when there is one), as a retry after a lost reply would be. */
    readonly paidOnly: boolean,
  ) {}
  check(model: TillModel) {
    return model.attempts.length > 0
  }
  async run(model: TillModel, real: World) {
    const paid = model.attempts.filter((attempt) => attempt.first)
    const pool = this.paidOnly && paid.length > 0 ? paid : model.attempts
    await pay(model, real, this.till, pool[this.pick % pool.length]!.request)
  }
  toString() {
    return `${tillLabel(this.till)}.replay(${this.paidOnly ? 'paid ' : ''}#${this.pick})`
  }
}

/**
 * Two windows pay at the same moment, each with its own key and the total it shows, in full. The
 * till serves one after the other, so the replies must be those of one of the two orders, and the
 * store must end as that order leaves it (two windows of one cashier: one sale, then an empty cart).
 */
class ConcurrentPaymentsCommand implements Cmd {
  constructor(
    readonly tills: [number, number],
    readonly methods: ['token' | 'cash', 'token' | 'cash'],
  ) {}
  check() {
    return this.tills[0] !== this.tills[1]
  }
  async run(model: TillModel, real: World) {
    const tills = this.tills.map((index) => real.tills[index]!)
    const requests = tills.map((till, i): PayRequest => {
      const total = cartTotalCents(model, till.userId)
      return {
        idempotencyKey: randomUUID(),
        expectedTotalCents: total,
        payment: this.methods[i] === 'token' ? { method: 'token', token: TOKENS.rich } : { method: 'cash', tenderedCents: total },
      }
    })
    const before = real.lastState
    const replies = await Promise.all(tills.map((till, i) => till.client.invoke('checkout:pay', requests[i]!)))
    const after = readState(real.store.dbPath)
    real.lastState = after
    for (const reply of replies) {
      countReply(reply)
      expectWellFormedReply(reply)
    }
    const outcome = (reply: IpcResult<unknown>) => (reply.ok ? 'sale' : reply.error.code)
    const predicted = (order: number[]) => {
      const future = cloneModel(model)
      return order.map((i) => {
        const prediction = predictPay(future, tills[i]!.userId, requests[i]!)
        if (prediction.kind === 'sale')
          applySale(future, tills[i]!.userId, prediction, { request: requests[i]!, userId: tills[i]!.userId }, null)
        return prediction.kind === 'refused' ? prediction.code : prediction.kind
      })
    }
    // Two sales were served in the order of their invoice numbers; otherwise either may have gone first.
    const [first, second] = replies as [IpcResult<CheckoutResultDto>, IpcResult<CheckoutResultDto>]
    const orders =
      first.ok && second.ok
        ? [first.data.invoice.number < second.data.invoice.number ? [0, 1] : [1, 0]]
        : [
            [0, 1],
            [1, 0],
          ]
    const served = orders.find((order) => predicted(order).every((expected, k) => expected === outcome(replies[order[k]!]!)))
    expect(served, `replies ${JSON.stringify(replies.map(outcome))} fit no order of service`).toBeDefined()
    stats.concurrent += 1

    for (const i of served!) {
      const till = tills[i]!
      const prediction = predictPay(model, till.userId, requests[i]!)
      const attempt: PayAttempt = { request: requests[i]!, userId: till.userId }
      model.attempts.push(attempt)
      if (prediction.kind !== 'sale') continue
      const result = ok(replies[i]!)
      const invoice = expectedInvoice(model, prediction, till.displayName, FIXED_NOW.toISOString())
      expect(result.invoice).toEqual({
        ...invoice,
        id: expect.any(Number),
        lines: invoice.lines.map((line) => ({ ...line, id: expect.any(Number) })),
      })
      countSale(prediction)
      applySale(model, till.userId, prediction, attempt, result)
    }
    if (replies.every((reply) => !reply.ok)) expect(after).toEqual(before)
    expectStoreMatchesModel(real, model, after)
  }
  toString() {
    const [a, b] = this.tills.map(tillLabel)
    return `concurrently(${a}.pay(${this.methods[0]}), ${b}.pay(${this.methods[1]}))`
  }
}

const till = fc.integer({ min: 0, max: 2 })
/** Mostly the cheap, well-stocked lines; the dear line, the last jar and the missing product now and then. */
const productIndex = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 2 }) },
  { weight: 2, arbitrary: fc.constant(3) },
  { weight: 1, arbitrary: fc.constant(4) },
  { weight: 1, arbitrary: fc.constant(GHOST) },
)
const quantity = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 1, arbitrary: fc.constant(MAX_LINE_QUANTITY) },
)

const add = fc.tuple(till, productIndex, quantity).map(([t, p, q]): Cmd => new AddCommand(t, p, q))
const setQuantity = fc
  .tuple(till, productIndex, fc.oneof(fc.constant(0), quantity))
  .map(([t, p, q]): Cmd => new SetQuantityCommand(t, p, q))
const remove = fc.tuple(till, productIndex).map(([t, p]): Cmd => new RemoveCommand(t, p))
const clear = till.map((t): Cmd => new ClearCommand(t))
const discountInput: fc.Arbitrary<DiscountInput | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.constantFrom(500, 1_000, 1_001, 2_500, 10_000).map((bps): DiscountInput => ({ kind: 'percent', bps })) },
  { weight: 5, arbitrary: fc.constantFrom(100, 250, 2_000, 9_000, 10_000_000).map((cents): DiscountInput => ({ kind: 'amount', cents })) },
)
const reason = fc.constantFrom(undefined, 'Staff', '  damaged box ', '   ')
const lineDiscount = fc
  .tuple(
    till,
    fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 9 }) }, { weight: 1, arbitrary: fc.constant('notInCart' as const) }),
    discountInput,
    reason,
  )
  .map(([t, p, d, r]): Cmd => new LineDiscountCommand(t, p, d, r))
const orderDiscount = fc.tuple(till, discountInput, reason).map(([t, d, r]): Cmd => new OrderDiscountCommand(t, d, r))
const applyPromo = fc
  .tuple(
    till,
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(0, 0, 1, 2, 2) }, { weight: 1, arbitrary: fc.constant('unknown' as const) }),
    fc.boolean(),
  )
  .map(([t, promo, sloppy]): Cmd => new ApplyPromoCommand(t, promo, sloppy))
const removePromo = till.map((t): Cmd => new RemovePromoCommand(t))
const payByToken = fc
  .tuple(
    till,
    fc.constantFrom<TokenChoice>('rich', 'rich', 'rich', 'poor', 'expired', 'unknown'),
    fc.boolean(),
    fc.oneof(fc.uuid(), fc.constantFrom('not-a-token', '1234')),
    fc.boolean(),
  )
  .map(([t, token, sloppy, unknown, twice]): Cmd => new PayByTokenCommand(t, token, sloppy, unknown, twice))
const payCash = fc
  .tuple(till, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -50_000, max: -1 })), fc.boolean())
  .map(([t, over, twice]): Cmd => new PayCashCommand(t, over, twice))
/** Mostly a share a tender can pay; now and then more than the whole sale. */
const perMille = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 700 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_001, max: 1_500 }) },
)
const splitTender: fc.Arbitrary<SplitTender> = fc.oneof(
  fc.record({
    kind: fc.constant('token' as const),
    token: fc.constantFrom<TokenChoice>('rich', 'rich', 'poor', 'poor', 'poor', 'expired', 'unknown'),
    unknownCode: fc.uuid(),
    perMille: fc.option(perMille, { nil: null }),
  }),
  fc.record({ kind: fc.constant('card' as const), perMille, reference: fc.constantFrom('AUTH-1', ' 778812 ', 'R'.repeat(40)) }),
  fc.record({
    kind: fc.constant('wallet' as const),
    perMille,
    wallet: fc.constantFrom('eSewa', 'khalti', ' Fonepay ', 'PayPal'),
    reference: fc.constantFrom('ESW-0042', 'K 99'),
  }),
  fc.record({
    kind: fc.constant('cash' as const),
    overCents: fc.oneof(
      { weight: 4, arbitrary: fc.constant(0) },
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 100_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: -5_000, max: -1 }) },
    ),
  }),
)
/** Up to four tenders, cash at most once and each token once, as the contract allows; mostly ending in cash. */
const paySplit = fc
  .tuple(till, fc.array(splitTender, { minLength: 1, maxLength: 3 }), fc.oneof(fc.constant(true), fc.boolean()), fc.boolean())
  .map(([t, tenders, endInCash, twice]): Cmd => {
    const seen = new Set<string>()
    const kept = tenders.filter((tender) => {
      if (tender.kind === 'cash') return false
      if (tender.kind !== 'token') return true
      const key = tender.token === 'unknown' ? tender.unknownCode.toLowerCase() : tender.token
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    const cash = tenders.find((tender) => tender.kind === 'cash') ?? (endInCash ? { kind: 'cash' as const, overCents: 0 } : undefined)
    return new PaySplitCommand(t, cash ? [...kept, cash] : kept.length > 0 ? kept : tenders.slice(0, 1), twice)
  })
const stalePayment = fc
  .tuple(
    till,
    fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: -10_000, max: -1 })),
    fc.constantFrom('token' as const, 'cash' as const),
  )
  .map(([t, off, method]): Cmd => new StalePaymentCommand(t, off, method))
const replay = fc.tuple(till, fc.nat({ max: 1_000 }), fc.boolean()).map(([t, pick, paidOnly]): Cmd => new ReplayCommand(t, pick, paidOnly))
const method = fc.constantFrom('token' as const, 'cash' as const)
const concurrentPayments = fc
  .tuple(till, till, method, method)
  .map(([a, b, first, second]): Cmd => new ConcurrentPaymentsCommand([a, b], [first, second]))

/** One line a return generates: which (wrapped over the sale's lines), how much of what is left, and now and then more. */
interface ReturnPick {
  line: number
  share: number
  over: boolean
  restock: boolean
}

/**
 * A return of some lines of one of the run's sales (wrapped over them), by a cashier (refused:
 * sale.return) or the manager: the refund by line and by tender is the model's, a refusal changes
 * nothing, and stock and token balances move by what came back.
 */
class ReturnCommand implements Cmd {
  constructor(
    readonly till: number,
    readonly sale: number,
    readonly picks: ReturnPick[],
  ) {}
  check(model: Readonly<TillModel>) {
    return model.sales.length > 0
  }
  async run(model: TillModel, real: World) {
    const till = real.tills[this.till]!
    const sale = model.sales[this.sale % model.sales.length]!
    const { lines } = sale.invoice
    const wanted = new Map<number, ReturnWanted>()
    for (const pick of this.picks) {
      const index = pick.line % lines.length
      const left = lines[index]!.quantity - sale.returned[index]!
      const quantity = pick.over ? left + 1 : Math.max(1, Math.ceil(left * pick.share))
      if (!wanted.has(index)) wanted.set(index, { index, quantity, restock: pick.restock })
    }
    const asked = [...wanted.values()]
    const { before, reply, after } = await observe(real, () =>
      till.client.invoke('returns:create', {
        invoiceId: sale.invoice.id,
        lines: asked.map((want) => ({ invoiceLineId: lines[want.index]!.id, quantity: want.quantity, restock: want.restock })),
        reason: 'model',
        idempotencyKey: randomUUID(),
      }),
    )
    const prediction = predictReturn(model, sale, asked, this.till === 2)
    if (prediction.kind === 'refused') {
      expect(reply.ok ? 'ok' : reply.error.code, JSON.stringify(reply)).toBe(prediction.code)
      expect(after).toEqual(before)
      stats.returnRefusals[prediction.code] = (stats.returnRefusals[prediction.code] ?? 0) + 1
    } else {
      const made = ok(reply)
      expect({
        goodsCents: made.goodsCents,
        taxCents: made.taxCents,
        roundingCents: made.roundingCents,
        refundCents: made.refundCents,
        lines: made.lines.map((line) => [line.invoiceLineId, line.quantity, line.refundCents, line.taxCents, line.restock]),
        refunds: made.refunds.map((refund) => [refund.method, refund.amountCents]),
      }).toEqual({
        goodsCents: prediction.goodsCents,
        taxCents: prediction.taxCents,
        roundingCents: prediction.roundingCents,
        refundCents: prediction.refunds.reduce((sum, refund) => sum + refund.amountCents, 0),
        lines: prediction.lines.map((line) => [lines[line.index]!.id, line.quantity, line.refundCents, line.taxCents, line.restock]),
        refunds: prediction.refunds.map((refund) => [refund.method, refund.amountCents]),
      })
      applyReturn(model, sale, prediction, {
        id: made.id,
        number: made.number,
        kind: 'return',
        returnedAt: made.returnedAt,
        cashier: made.cashier,
        reason: 'model',
        refundCents: made.refundCents,
      })
      stats.returns += 1
      if (sale.returned.every((returned, index) => returned === lines[index]!.quantity)) stats.fullReturns += 1
    }
    expectStoreMatchesModel(real, model, after)
  }
  toString() {
    return `${tillLabel(this.till)}.return(sale ${this.sale}, ${JSON.stringify(this.picks)})`
  }
}

const returnPick: fc.Arbitrary<ReturnPick> = fc.record({
  line: fc.nat({ max: 20 }),
  share: fc.constantFrom(0, 0.5, 1),
  over: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  restock: fc.boolean(),
})
const returnItems = fc
  .tuple(fc.constantFrom(0, 2, 2, 2), fc.nat({ max: 1_000 }), fc.array(returnPick, { minLength: 1, maxLength: 3 }))
  .map(([t, sale, picks]): Cmd => new ReturnCommand(t, sale, picks))

/** fast-check picks uniformly among these, so repetition sets the mix: carts fill before they are paid. */
const commandArbitraries: fc.Arbitrary<Cmd>[] = [
  add,
  add,
  add,
  add,
  add,
  add,
  add,
  add,
  setQuantity,
  remove,
  clear,
  lineDiscount,
  lineDiscount,
  lineDiscount,
  orderDiscount,
  orderDiscount,
  applyPromo,
  applyPromo,
  applyPromo,
  removePromo,
  payByToken,
  payByToken,
  payCash,
  payCash,
  paySplit,
  paySplit,
  paySplit,
  stalePayment,
  replay,
  concurrentPayments,
  returnItems,
  returnItems,
  returnItems,
  returnItems,
]

describe('carts and checkout against a reference model', () => {
  it(
    `agree over ${RUNS} random runs, and the books hold after every step`,
    async () => {
      const started = performance.now()
      await fc.assert(
        fc.asyncProperty(fc.commands(commandArbitraries, { maxCommands: MAX_COMMANDS, size: 'max', replayPath: REPLAY_PATH }), (commands) =>
          fc.asyncModelRun(setup, commands),
        ),
        { numRuns: RUNS, seed: SEED, path: FAILURE_PATH, verbose: 1 },
      )
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      console.log(
        `model-based checkout test: ${RUNS} runs passed (seed ${SEED}) in ${seconds} s on ${stats.stores} store(s); ` +
          `${stats.commands} replies, sales ${JSON.stringify(stats.sales)} (${stats.rounded} with cash rounding, ${stats.partialTokens} partial tokens), ` +
          `${stats.replays} replays, ${stats.concurrent} concurrent pairs, ${stats.returns} returns (${stats.fullReturns} completing a sale, ` +
          `refused ${JSON.stringify(stats.returnRefusals)}), discounts ${JSON.stringify(stats.discounts)}, ` +
          `${stats.discountedSales} discounted sales, ${stats.promoSales} with a promo, promo refusals ${JSON.stringify(stats.promoRefusals)} ` +
          `(${stats.checkoutPromoRefusals} at checkout), ` +
          `refusals ${JSON.stringify(stats.refusals)}`,
      )
    },
    Math.max(120_000, RUNS * 1_000),
  )
})
