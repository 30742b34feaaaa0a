import type Database from 'better-sqlite3'
import { checkShifts } from './shift-invariants'

/**
 * What must hold in any Tillwise database at any commit: after a crash, in a backup, after a
 * migration. Read-only; works on any connection (a raw better-sqlite3 one, a read-only one, a
 * backup file) and returns data, so each caller decides how to report.
 */

/** The books at a known moment: stock per SKU and balance per token code. */
export interface BooksSnapshot {
  stock: Record<string, number>
  tokens: Record<string, number>
}

export interface Violation {
  rule: string
  detail: string
}

export function snapshotBooks(db: Database.Database): BooksSnapshot {
  const stock: Record<string, number> = {}
  for (const row of db.prepare('select sku, stock from product').all() as { sku: string; stock: number }[]) {
    stock[row.sku] = row.stock
  }
  const tokens: Record<string, number> = {}
  for (const row of db.prepare('select code, balance_cents from token').all() as { code: string; balance_cents: number }[]) {
    tokens[row.code] = row.balance_cents
  }
  return { stock, tokens }
}

/**
 * Every rule, checked against the snapshot taken when the books were last known good: no sale may
 * be partial (an invoice without its lines, its tenders, its token debits or its stock movements, or
 * a debit or a movement without its invoice), amounts add up exactly (tenders pay total + rounding),
 * and stock and balances equal the snapshot minus what was sold.
 */
export function checkBooks(
  db: Database.Database,
  initial: BooksSnapshot,
  options: { integrity?: 'full' | 'quick' | 'skip' } = {},
): Violation[] {
  const violations: Violation[] = []
  const rows = <T>(sql: string): T[] => db.prepare(sql).all() as T[]
  const each = <T>(rule: string, sql: string, describe: (row: T) => string) => {
    for (const row of rows<T>(sql)) violations.push({ rule, detail: describe(row) })
  }

  const integrity = options.integrity ?? 'full'
  if (integrity !== 'skip') {
    const results = db.pragma(integrity === 'full' ? 'integrity_check' : 'quick_check', { simple: false }) as Record<string, string>[]
    const messages = results.map((row) => Object.values(row)[0])
    if (messages.length !== 1 || messages[0] !== 'ok') {
      violations.push({ rule: 'integrity', detail: messages.slice(0, 10).join('; ') })
    }
    const foreignKeys = rows<{ table: string; rowid: number; parent: string }>('pragma foreign_key_check')
    for (const { table, rowid, parent } of foreignKeys) {
      violations.push({ rule: 'foreign-key', detail: `${table} row ${rowid} points to a missing ${parent}` })
    }
  }

  each<{ number: number }>(
    'invoice-without-lines',
    `select number from invoice i where not exists (select 1 from invoice_line l where l.invoice_id = i.id)`,
    ({ number }) => `invoice ${number} has no lines`,
  )
  each<{ number: number; total: number; lines: number }>(
    'invoice-total',
    `select i.number, i.total_cents as total, sum(l.sub_amount_cents) as lines
       from invoice i join invoice_line l on l.invoice_id = i.id
      group by i.id having i.total_cents != sum(l.sub_amount_cents)`,
    ({ number, total, lines }) => `invoice ${number}: total ${total} but lines add up to ${lines}`,
  )
  each<{ id: number; number: number }>(
    'line-amount',
    `select l.id, i.number from invoice_line l join invoice i on i.id = l.invoice_id
      where l.sub_amount_cents != l.unit_price_cents * l.quantity`,
    ({ id, number }) => `invoice ${number}, line ${id}: amount is not unit price × quantity`,
  )
  each<{ number: number; units: number; lines: number }>(
    'invoice-units',
    `select i.number, i.units, coalesce(sum(l.quantity), 0) as lines
       from invoice i left join invoice_line l on l.invoice_id = i.id
      group by i.id having i.units != coalesce(sum(l.quantity), 0)`,
    ({ number, units, lines }) => `invoice ${number}: counts ${units} units but its lines hold ${lines}`,
  )
  // Numbers run 1, 2, 3 … without a gap within each till's series.
  violations.push(...numberGaps(db, 'invoice', 'invoice-numbers', 'invoices'))

  // Payment: every invoice has its tenders, which pay its total plus the cash rounding; each token
  // tender has exactly one debit of its amount on its token; change and rounding come only from cash.
  each<{ number: number }>(
    'invoice-without-tenders',
    `select number from invoice i where not exists (select 1 from invoice_tender t where t.invoice_id = i.id)`,
    ({ number }) => `invoice ${number} has no tenders`,
  )
  each<{ number: number; total: number; rounding: number; paid: number; kept: number }>(
    'tenders-pay-total',
    `select i.number, i.total_cents as total, i.rounding_cents as rounding, sum(t.amount_cents) as paid,
            sum(case when t.method = 'cash' then t.tendered_cents else t.amount_cents end) - sum(coalesce(t.change_cents, 0)) as kept
       from invoice i join invoice_tender t on t.invoice_id = i.id
      group by i.id having paid != i.total_cents + i.rounding_cents or kept != i.total_cents + i.rounding_cents`,
    ({ number, total, rounding, paid, kept }) =>
      `invoice ${number}: total ${total} + rounding ${rounding}, but its tenders pay ${paid} (tendered − change ${kept})`,
  )
  each<{ number: number }>(
    'change-or-rounding-without-cash',
    `select i.number from invoice i
      where exists (select 1 from invoice_tender t where t.invoice_id = i.id and t.method != 'cash' and t.change_cents is not null)
         or exists (select 1 from invoice_tender t where t.invoice_id = i.id and (t.change_cents < 0 or t.amount_cents < 0))
         or (i.rounding_cents != 0 and not exists (select 1 from invoice_tender t where t.invoice_id = i.id and t.method = 'cash'))`,
    ({ number }) => `invoice ${number}: change or rounding without cash, or a negative amount`,
  )
  each<{ number: number; position: number; debits: number; debited: number | null; amount: number }>(
    'token-debit',
    `select i.number, t.position, t.amount_cents as amount, count(e.id) as debits, sum(-e.delta_cents) as debited
       from invoice_tender t join invoice i on i.id = t.invoice_id
       left join token_ledger_entry e on e.invoice_id = t.invoice_id and e.token_id = t.token_id and e.reason = 'sale'
      where t.method = 'token'
      group by t.id having t.token_id is null or count(e.id) != 1 or sum(-e.delta_cents) != t.amount_cents`,
    ({ number, position, debits, debited, amount }) =>
      `invoice ${number}, token tender ${position + 1} (${amount}) has ${debits} debit(s) on its token totalling ${debited ?? 0}`,
  )
  each<{ number: number }>(
    'cash-debit',
    `select i.number from invoice i
      where not exists (select 1 from invoice_tender t where t.invoice_id = i.id and t.method = 'token')
        and (i.token_id is not null or exists (select 1 from token_ledger_entry e where e.invoice_id = i.id))`,
    ({ number }) => `invoice ${number} without a token tender touched a token`,
  )
  each<{ number: number }>(
    'cash-change',
    `select i.number from invoice_tender t join invoice i on i.id = t.invoice_id where t.method = 'cash'
        and (t.tendered_cents is null or t.change_cents is null or t.change_cents != t.tendered_cents - t.amount_cents or t.change_cents < 0)`,
    ({ number }) => `invoice ${number}: cash change is not tendered − what cash paid`,
  )
  each<{ id: number }>(
    'debit-without-invoice',
    `select e.id from token_ledger_entry e
      where e.reason = 'sale' and (e.invoice_id is null or not exists (select 1 from invoice i where i.id = e.invoice_id))`,
    ({ id }) => `ledger entry ${id} debits a token for no invoice`,
  )

  // Stock: every line has its movement, and every sale movement has its line.
  each<{ number: number; sku: string; quantity: number; moved: number | null }>(
    'line-without-movement',
    `select i.number, l.sku, sum(l.quantity) as quantity,
            (select sum(m.delta_qty) from stock_movement m
              where m.invoice_id = l.invoice_id and m.product_id = l.product_id and m.reason = 'sale') as moved
       from invoice_line l join invoice i on i.id = l.invoice_id
      group by l.invoice_id, l.product_id having moved is null or moved != -sum(l.quantity)`,
    ({ number, sku, quantity, moved }) => `invoice ${number}: ${quantity} × ${sku} sold but stock moved by ${moved ?? 0}`,
  )
  each<{ id: number }>(
    'movement-without-line',
    `select m.id from stock_movement m
      where m.reason = 'sale' and (m.invoice_id is null or not exists
        (select 1 from invoice_line l where l.invoice_id = m.invoice_id and l.product_id = m.product_id))`,
    ({ id }) => `stock movement ${id} takes stock for no invoice line`,
  )

  // Returns: no line taken back beyond what it sold, nor a tender refunded beyond what it paid; a
  // return is whole (its lines, its refunds, each restock's movement, each token refund's ledger row).
  violations.push(...checkReturns(db))
  violations.push(...checkSaleDays(db))
  violations.push(...checkShifts(db))

  const products = rows<{ sku: string; stock: number; sold: number; restocked: number; moved: number }>(
    `select p.sku, p.stock,
            (select coalesce(sum(quantity), 0) from invoice_line l where l.product_id = p.id) as sold,
            (select coalesce(sum(quantity), 0) from return_line r where r.product_id = p.id and r.restock = 1) as restocked,
            (select coalesce(sum(delta_qty), 0) from stock_movement m where m.product_id = p.id) as moved
       from product p`,
  )
  for (const { sku, stock, sold, restocked, moved } of products) {
    if (!Number.isSafeInteger(stock) || stock < 0) violations.push({ rule: 'stock-negative', detail: `${sku}: stock ${stock}` })
    const before = initial.stock[sku]
    if (before !== undefined && stock + sold - restocked !== before) {
      violations.push({
        rule: 'stock-conserved',
        detail: `${sku}: ${stock} in stock + ${sold} sold − ${restocked} returned to the shelf ≠ ${before} at the start`,
      })
    }
    if (stock !== moved) violations.push({ rule: 'stock-movements', detail: `${sku}: stock ${stock} but movements sum to ${moved}` })
  }

  // A manager's top-ups (and later refunds, adjustments, expiries) are credits on top of what was sold.
  const tokens = rows<{ code: string; balance: number; sales: number; credits: number; ledger: number }>(
    `select t.code, t.balance_cents as balance,
            (select coalesce(sum(amount_cents), 0) from invoice_tender s where s.token_id = t.id and s.method = 'token') as sales,
            (select coalesce(sum(delta_cents), 0) from token_ledger_entry e
              where e.token_id = t.id and e.reason not in ('issue', 'sale')) as credits,
            (select coalesce(sum(delta_cents), 0) from token_ledger_entry e where e.token_id = t.id) as ledger
       from token t`,
  )
  for (const { code, balance, sales, credits, ledger } of tokens) {
    if (!Number.isSafeInteger(balance) || balance < 0) {
      violations.push({ rule: 'token-negative', detail: `token …${code.slice(-4)}: balance ${balance}` })
    }
    const before = initial.tokens[code]
    if (before !== undefined && balance !== before - sales + credits) {
      violations.push({
        rule: 'token-conserved',
        detail: `token …${code.slice(-4)}: balance ${balance} ≠ ${before} at the start − ${sales} sold + ${credits} credited`,
      })
    }
    if (balance !== ledger) {
      violations.push({ rule: 'token-ledger', detail: `token …${code.slice(-4)}: balance ${balance} but ledger sums to ${ledger}` })
    }
  }
  // Each ledger row's balance after is the sum of the token's rows up to it: the ledger explains
  // every step, not only the end.
  each<{ id: number; code: string; after: number; running: number }>(
    'token-ledger',
    `select e.id, t.code, e.balance_after_cents as after, e.running from
       (select id, token_id, balance_after_cents, sum(delta_cents) over (partition by token_id order by id) as running
          from token_ledger_entry) e
       join token t on t.id = e.token_id
      where e.balance_after_cents != e.running`,
    ({ id, code, after, running }) => `token …${code.slice(-4)}: ledger entry ${id} says ${after} after but the entries sum to ${running}`,
  )

  return violations
}

/**
 * Where each sale and return is booked (checkBooks runs it): every one has its store-local business
 * day, a return is never booked before its sale's day, and a row made in a shift was made while that
 * shift was open.
 */
export function checkSaleDays(db: Database.Database): Violation[] {
  const violations: Violation[] = []
  const each = <T>(rule: string, sql: string, describe: (row: T) => string) => {
    for (const row of db.prepare(sql).all() as T[]) violations.push({ rule, detail: describe(row) })
  }
  const DAY = "glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"
  each<{ what: string; number: number; day: string | null }>(
    'sale-business-day',
    `select 'invoice' as what, number, business_day as day from invoice where business_day is null or business_day not ${DAY}
     union all
     select 'return', number, business_day from sale_return where business_day is null or business_day not ${DAY}`,
    ({ what, number, day }) => `${what} ${number} is booked on ${day ?? 'no day'}`,
  )
  each<{ number: number; day: string; sold: string }>(
    'return-before-sale',
    `select r.number, r.business_day as day, i.business_day as sold from sale_return r join invoice i on i.id = r.invoice_id
      where r.business_day < i.business_day`,
    ({ number, day, sold }) => `return ${number} is booked on ${day}, before its sale's day ${sold}`,
  )
  each<{ what: string; number: number; shift: number }>(
    'sale-outside-shift',
    `select 'invoice' as what, i.number, s.number as shift from invoice i join shift s on s.id = i.shift_id
      where i.paid_at < s.opened_at or (s.closed_at is not null and i.paid_at > s.closed_at)
     union all
     select 'return', r.number, s.number from sale_return r join shift s on s.id = r.shift_id
      where r.returned_at < s.opened_at or (s.closed_at is not null and r.returned_at > s.closed_at)`,
    ({ what, number, shift }) => `${what} ${number} is in shift ${shift} but was made while it was not open`,
  )
  return violations
}

/** The rules a return keeps, whatever wrote it (checkBooks runs them with the rest). */
export function checkReturns(db: Database.Database): Violation[] {
  const violations: Violation[] = []
  const each = <T>(rule: string, sql: string, describe: (row: T) => string) => {
    for (const row of db.prepare(sql).all() as T[]) violations.push({ rule, detail: describe(row) })
  }
  each<{ id: number; sold: number; returned: number; paid: number; refunded: number }>(
    'return-within-line',
    `select l.id, l.quantity as sold, sum(r.quantity) as returned, l.total_cents as paid, sum(r.refund_cents) as refunded
       from invoice_line l join return_line r on r.invoice_line_id = l.id
      group by l.id having sum(r.quantity) > l.quantity or sum(r.refund_cents) > l.total_cents
         or (sum(r.quantity) = l.quantity and sum(r.refund_cents) != l.total_cents)`,
    ({ id, sold, returned, paid, refunded }) =>
      `invoice line ${id}: ${returned} of ${sold} returned for ${refunded} of the ${paid} paid (more than sold, or a full return not worth the line)`,
  )
  each<{ id: number; paid: number; refunded: number }>(
    'refund-within-tender',
    `select t.id, t.amount_cents as paid, sum(f.amount_cents) as refunded
       from invoice_tender t join return_refund f on f.invoice_tender_id = t.id
      group by t.id having sum(f.amount_cents) > t.amount_cents`,
    ({ id, paid, refunded }) => `tender ${id} paid ${paid} but was refunded ${refunded}`,
  )
  each<{ number: number; refund: number; refunds: number | null; goods: number; lines: number | null; rounding: number }>(
    'return-sums',
    `select s.number, s.refund_cents as refund, s.goods_cents as goods, s.rounding_cents as rounding,
            (select sum(amount_cents) from return_refund f where f.sale_return_id = s.id) as refunds,
            (select sum(refund_cents) from return_line r where r.sale_return_id = s.id) as lines
       from sale_return s
      where lines is null or lines != s.goods_cents or coalesce(refunds, 0) != s.refund_cents or s.refund_cents != s.goods_cents + s.rounding_cents`,
    ({ number, refund, refunds, goods, lines, rounding }) =>
      `return ${number}: goods ${goods} (lines ${lines ?? 'none'}) + rounding ${rounding} ≠ refund ${refund} (refunds ${refunds ?? 'none'})`,
  )
  each<{ number: number }>(
    'return-of-another-invoice',
    `select s.number from sale_return s
      where exists (select 1 from return_line r join invoice_line l on l.id = r.invoice_line_id where r.sale_return_id = s.id and l.invoice_id != s.invoice_id)
         or exists (select 1 from return_refund f join invoice_tender t on t.id = f.invoice_tender_id where f.sale_return_id = s.id and t.invoice_id != s.invoice_id)`,
    ({ number }) => `return ${number} takes back lines or refunds tenders of another invoice`,
  )
  each<{ number: number; sku: string; quantity: number; moved: number | null }>(
    'restock-without-movement',
    `select s.number, l.sku, r.quantity,
            (select sum(m.delta_qty) from stock_movement m where m.sale_return_id = s.id and m.product_id = r.product_id and m.reason = 'returned') as moved
       from return_line r join sale_return s on s.id = r.sale_return_id join invoice_line l on l.id = r.invoice_line_id
      where r.restock = 1 and (moved is null or moved != r.quantity)`,
    ({ number, sku, quantity, moved }) => `return ${number}: ${quantity} × ${sku} back on the shelf but stock moved by ${moved ?? 0}`,
  )
  each<{ id: number }>(
    'movement-without-return',
    `select m.id from stock_movement m where m.sale_return_id is not null and not exists
       (select 1 from return_line r where r.sale_return_id = m.sale_return_id and r.product_id = m.product_id and r.restock = 1)`,
    ({ id }) => `stock movement ${id} restocks for no returned line`,
  )
  each<{ number: number; amount: number; credited: number | null }>(
    'token-refund',
    `select s.number, f.amount_cents as amount,
            (select sum(e.delta_cents) from token_ledger_entry e where e.sale_return_id = f.sale_return_id and e.token_id = f.token_id and e.reason = 'refund') as credited
       from return_refund f join sale_return s on s.id = f.sale_return_id
      where f.method = 'token' and (f.token_id is null or credited is null or credited != f.amount_cents)`,
    ({ number, amount, credited }) => `return ${number}: a token refund of ${amount} credited ${credited ?? 0} on its token`,
  )
  violations.push(...numberGaps(db, 'sale_return', 'return-numbers', 'returns'))
  return violations
}

/** A table numbered per till (invoices, returns) whose numbers do not run 1, 2, 3 … n in some till's series. */
function numberGaps(db: Database.Database, table: 'invoice' | 'sale_return', rule: string, noun: string): Violation[] {
  const series = db
    .prepare(`select till_id, count(*) as n, min(number) as low, max(number) as high from ${table} group by till_id`)
    .all() as {
    till_id: string | null
    n: number
    low: number
    high: number
  }[]
  return series
    .filter((numbering) => numbering.low !== 1 || numbering.high !== numbering.n)
    .map((numbering) => ({
      rule,
      detail: `${numbering.n} ${noun} of till ${numbering.till_id} numbered ${numbering.low}..${numbering.high}: a gap or a skipped number`,
    }))
}
