/**
 * Test worker for the token race: a till that opens the database WITHOUT the data lock (the
 * situation the lock exists to prevent) and pays for one product with one token, again and again,
 * through the real cart and checkout services.
 *
 * argv: <dbPath> <username> <sku> <token> <attempts>. Prints "ready", waits for "go" on stdin, then
 * prints one JSON line per attempt ({"outcome":"ok"} or {"outcome":code,"message"}) and exits.
 */
import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import type { SessionUser } from '#core/common/context'
import { openDatabase } from '#core/db/database'
import { Product, User } from '#core/db/entities'
import { DomainError } from '#core/common/domain-error'
import { addToCart } from '#core/cart/cart.service'
import { checkout } from '#core/checkout/checkout.service'
import { loadSettings } from '#core/settings/settings.service'
import { directContext } from '#core/testing/db-context'

const [dbPath, username, sku, token, attemptsText] = process.argv.slice(2)
if (!dbPath || !username || !sku || !token || !attemptsText) {
  throw new Error('usage: racing-till.worker.ts <dbPath> <username> <sku> <token> <attempts>')
}

const orm = await openDatabase(dbPath)
const settings = await loadSettings(orm.em.fork())
const found = await orm.em.fork().findOneOrFail(User, { username })
const user: SessionUser = { id: found.id, username: found.username, displayName: found.displayName, role: found.role, language: null }
const product = await orm.em.fork().findOneOrFail(Product, { sku })
const ctx = directContext(orm, { user })

const input = createInterface({ input: process.stdin })
console.log('ready')
for await (const line of input) {
  if (line === 'go') break
}
input.close()
process.stdin.destroy()

let cartHasProduct = false
for (let attempt = 0; attempt < Number(attemptsText); attempt++) {
  try {
    if (!cartHasProduct) {
      await addToCart(ctx, { userId: user.id, pricing: settings }, product.id, 1)
      cartHasProduct = true
    }
    await checkout(
      ctx,
      { idempotencyKey: randomUUID(), expectedTotalCents: product.priceCents, payment: { method: 'token', token } },
      { user, settings },
    )
    cartHasProduct = false
    console.log(JSON.stringify({ outcome: 'ok' }))
  } catch (error) {
    const { message } = error as Error
    console.log(JSON.stringify({ outcome: error instanceof DomainError ? error.code : 'INTERNAL', message }))
  }
}
await orm.close(true)
