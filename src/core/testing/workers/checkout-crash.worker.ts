/**
 * Test worker for the crash-safety test: a till that sells until it is killed.
 *
 * argv: <dbPath> <journalPath> <seed>. Prints "warm" once its modules are loaded, then waits for one
 * stdin line: {"retry": PendingPayment | null}. It then opens the backend, signs in, retries the
 * payment whose reply the previous till never saw, prints "selling" and runs checkouts forever (a
 * few followed by a return of part of the sale), printing "progress" after each. Stdout only paces the test; facts go to the journal.
 *
 * The journal is the till's memory of what it asked for: the request is written (with a
 * synchronous write, so it is in the kernel before the request leaves) BEFORE checkout:pay is
 * called, and the outcome after the reply. SIGKILL cannot take back bytes already written; no
 * fsync, since the test kills processes, not the machine.
 */
import { randomUUID } from 'node:crypto'
import { openSync, writeSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { ChannelInput } from '#shared/ipc/contract'
import { openBackend, type BackendClient } from '#core/backend'

export type PayRequest = ChannelInput<'checkout:pay'>
export type ReturnRequest = ChannelInput<'returns:create'>

export type JournalEntry =
  | { type: 'send'; key: string; request: PayRequest }
  | { type: 'confirmed'; key: string; invoiceNumber: number }
  | { type: 'refused'; key: string; code: string }
  | { type: 'retried'; key: string; ok: true; invoiceNumber: number }
  | { type: 'retried'; key: string; ok: false; code: string }
  | { type: 'returnSend'; key: string; request: ReturnRequest }
  | { type: 'returnConfirmed'; key: string; returnNumber: number }
  | { type: 'returnRefused'; key: string; code: string }

export interface PendingPayment {
  key: string
  request: PayRequest
}

/** Cheap products with deep stock, so token balances and shelves last through many sales. */
const SKUS = ['DEMO-005', 'DEMO-006', 'DEMO-007', 'DEMO-016', 'DEMO-024', 'DEMO-026', 'DEMO-027', 'DEMO-030', 'DEMO-031', 'DEMO-048']
const TOKENS = {
  rich: '11111111-1111-4111-8111-111111111111',
  poor: '22222222-2222-4222-8222-222222222222',
  expired: '33333333-3333-4333-8333-333333333333',
}

const [dbPath, journalPath, seedText] = process.argv.slice(2)
if (!dbPath || !journalPath || !seedText) throw new Error('usage: checkout-crash.worker.ts <dbPath> <journalPath> <seed>')

/** mulberry32: a seeded generator so a failing run's choices can be replayed. */
let state = Number(seedText) >>> 0
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1))

const journal = openSync(journalPath, 'a')
function record(entry: JournalEntry): void {
  writeSync(journal, `${JSON.stringify(entry)}\n`)
}

function unwrap<T>(reply: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!reply.ok) throw new Error(`${what} failed: ${reply.error.code} ${reply.error.message}`)
  return reply.data
}

/** One sale: a small random cart, then a payment (one tender or several) that is meant to succeed or meant to fail. */
async function sellOnce(till: BackendClient, productIds: number[]): Promise<void> {
  unwrap(await till.invoke('cart:clear', {}), 'cart:clear')
  let total = 0
  const lines = between(1, 3)
  for (let index = 0; index < lines; index++) {
    total = unwrap(await till.invoke('cart:add', { productId: pick(productIds), quantity: between(1, 2) }), 'cart:add').totalCents
  }
  const roll = random()
  let expectedTotalCents = total
  let tenders: Pick<PayRequest, 'payment' | 'payments'>
  const part = (share: number) => Math.max(1, Math.floor(total * share))
  if (roll < 0.4) tenders = { payment: { method: 'token', token: TOKENS.rich } }
  else if (roll < 0.44) tenders = { payment: { method: 'token', token: TOKENS.poor } }
  else if (roll < 0.46) tenders = { payment: { method: 'token', token: TOKENS.expired } }
  else if (roll < 0.48) tenders = { payment: { method: 'token', token: randomUUID() } }
  else if (roll < 0.64) tenders = { payment: { method: 'cash', tenderedCents: total + between(0, 3) * 50_000 } }
  else if (roll < 0.67) tenders = { payment: { method: 'cash', tenderedCents: Math.max(0, total - 100) } }
  // Split tenders: a token paying what it has (or a set part), a card or a wallet for a part, cash for the rest.
  else if (roll < 0.77) {
    tenders = {
      payments: [
        { method: 'token', token: TOKENS.poor },
        { method: 'cash', tenderedCents: total + between(0, 2) * 50_000 },
      ],
    }
  } else if (roll < 0.85) {
    const byToken = part(between(1, 9) / 10)
    tenders = {
      payments: [
        { method: 'token', token: TOKENS.rich, amountCents: byToken },
        { method: 'card', amountCents: Math.max(1, total - byToken), reference: `AUTH-${between(1000, 9999)}` },
      ],
    }
  } else if (roll < 0.92) {
    tenders = {
      payments: [
        { method: 'wallet', wallet: 'eSewa', amountCents: part(0.37), reference: `ESW-${between(1000, 9999)}` },
        { method: 'cash', tenderedCents: total + 50_000 },
      ],
    }
  } else if (roll < 0.95) {
    tenders = { payments: [{ method: 'card', amountCents: total + 1, reference: 'OVER' }] }
  } else {
    tenders = { payment: { method: 'cash', tenderedCents: total } }
    expectedTotalCents = total + 1
  }
  const key = randomUUID()
  const request: PayRequest = { idempotencyKey: key, expectedTotalCents, ...tenders }
  record({ type: 'send', key, request })
  const reply = await till.invoke('checkout:pay', request)
  if (reply.ok) record({ type: 'confirmed', key, invoiceNumber: reply.data.invoice.number })
  else record({ type: 'refused', key, code: reply.error.code })
  // Now and then the customer brings part of it straight back: to its token, card, wallet or cash.
  if (reply.ok && random() < 0.3) await returnSome(till, reply.data.invoice)
  console.log('progress')
}

/** A return of some units of one line of a sale just made, on the shelf again or not. */
async function returnSome(till: BackendClient, invoice: { id: number; lines: { id: number; quantity: number }[] }): Promise<void> {
  const line = pick(invoice.lines)
  const key = randomUUID()
  const request: ReturnRequest = {
    invoiceId: invoice.id,
    lines: [{ invoiceLineId: line.id, quantity: between(1, line.quantity), restock: random() < 0.5 }],
    reason: 'crash test',
    idempotencyKey: key,
  }
  record({ type: 'returnSend', key, request })
  const reply = await till.invoke('returns:create', request)
  if (reply.ok) record({ type: 'returnConfirmed', key, returnNumber: reply.data.number })
  else record({ type: 'returnRefused', key, code: reply.error.code })
}

async function readOrder(): Promise<{ retry: PendingPayment | null }> {
  const input = createInterface({ input: process.stdin })
  for await (const line of input) {
    input.close()
    return JSON.parse(line) as { retry: PendingPayment | null }
  }
  throw new Error('stdin closed before the order to start')
}

console.log('warm')
const { retry } = await readOrder()
const backend = await openBackend({ dbPath, seed: 'demo' })
const till = backend.connect()
// A manager: the till also takes returns, which need sale.return.
unwrap(await till.invoke('auth:login', { username: 'manager', password: 'manager' }), 'auth:login')

if (retry) {
  const reply = await till.invoke('checkout:pay', retry.request)
  record(
    reply.ok
      ? { type: 'retried', key: retry.key, ok: true, invoiceNumber: reply.data.invoice.number }
      : { type: 'retried', key: retry.key, ok: false, code: reply.error.code },
  )
}

const productIds: number[] = []
for (const sku of SKUS) productIds.push(unwrap(await till.invoke('catalog:lookup', { code: sku }), 'catalog:lookup').id)

console.log('selling')
for (;;) await sellOnce(till, productIds)
