/**
 * The benchmark's baseline: the same work as each measured channel, written by hand against
 * better-sqlite3 on its own connection to the same file, with prepared statements, the same
 * pragmas (WAL, synchronous=FULL) and the same results. What the backend adds on top of this — the
 * dispatcher, zod, the queue, the ORM — is the ratio the benchmark prints.
 */
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { localDate } from '#core/common/clock'
import { uuidv7 } from '#core/common/ids'
import { CONNECTION_PRAGMAS } from '#core/db/database'
import { planProductSearch } from '#core/catalog/product-search-query'
import { SEARCH_TOTAL_CAP } from '#core/catalog/catalog.service'
import type { CartDto } from '#shared/contract/cart'
import type { CheckoutResultDto } from '#shared/contract/checkout'
import type { InvoiceSummaryDto } from '#shared/contract/invoices'
import type { ProductDto } from '#shared/contract/catalog'

interface ProductRow {
  id: number
  sku: string
  barcode: string | null
  name: string
  price_cents: number
  stock: number
  image_file: string | null
}

const toProduct = (row: ProductRow): ProductDto => ({
  id: row.id,
  sku: row.sku,
  barcode: row.barcode,
  name: row.name,
  priceCents: row.price_cents,
  stock: row.stock,
  imageFile: row.image_file,
})

export class HandWritten {
  readonly db: Database.Database
  readonly #statements = new Map<string, Database.Statement>()

  constructor(dbPath: string) {
    this.db = new Database(dbPath, { fileMustExist: true })
    for (const pragma of CONNECTION_PRAGMAS) this.db.exec(pragma)
  }

  close(): void {
    this.db.close()
  }

  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.#statements.set(sql, statement)
    }
    return statement
  }

  lookup(code: string): ProductDto | null {
    const trimmed = code.trim()
    const row = this.#sql(
      `select id, sku, barcode, name, price_cents, stock, image_file from product
       where active and (barcode = @code or sku = @code or sku = @upper)
       order by barcode = @code desc, sku = @code desc limit 1`,
    ).get({ code: trimmed, upper: trimmed.toUpperCase() }) as ProductRow | undefined
    return row ? toProduct(row) : null
  }

  /** The service's tiers and cap, with the same statements. */
  search(query: string, limit: number, offset: number): { items: ProductDto[]; total: number } {
    const plan = planProductSearch(query)
    const pageLimit = Math.max(0, Math.min(limit, SEARCH_TOTAL_CAP - offset))
    if (!plan) {
      const total = this.#sql('select count(*) as n from (select 1 from product where active limit ?)').get(SEARCH_TOTAL_CAP) as {
        n: number
      }
      const rows = this.#sql(
        'select id, sku, barcode, name, price_cents, stock, image_file from product where active order by name, id limit ? offset ?',
      ).all(pageLimit, offset) as ProductRow[]
      return { items: rows.map(toProduct), total: total.n }
    }
    const hits = new Map<number, number>()
    const collect = (tier: number, sql: string, ...params: unknown[]): boolean => {
      for (const id of this.#sql(sql)
        .pluck()
        .all(...params) as number[]) {
        if (hits.size >= SEARCH_TOTAL_CAP) return false
        if (!hits.has(id)) hits.set(id, tier)
      }
      return hits.size < SEARCH_TOTAL_CAP
    }
    const fts = 'select rowid as id from product_search where product_search match ? order by rowid limit ?'
    const upper = plan.code.toUpperCase()
    const full =
      !collect(
        0,
        'select id from product where active and (barcode = @code or sku = @code or sku = @upper) order by barcode = @code desc, sku = @code desc, id',
        { code: plan.code, upper },
      ) ||
      (plan.startsWith !== null && !collect(1, fts, plan.startsWith, SEARCH_TOTAL_CAP)) ||
      (plan.allWords !== null && !collect(2, fts, plan.allWords, SEARCH_TOTAL_CAP))
    if (!full && plan.substring !== null) {
      if (plan.substringShortWords !== null) {
        collect(
          3,
          `select rowid as id from product_substring where product_substring match ?
           and rowid in (select rowid from product_search where product_search match ?) order by rowid limit ?`,
          plan.substring,
          plan.substringShortWords,
          SEARCH_TOTAL_CAP,
        )
      } else {
        collect(
          3,
          'select rowid as id from product_substring where product_substring match ? order by rowid limit ?',
          plan.substring,
          SEARCH_TOTAL_CAP,
        )
      }
    }
    if (hits.size === 0 || pageLimit === 0) return { items: [], total: hits.size }
    const rows = this.#sql(
      `select p.id, p.sku, p.barcode, p.name, p.price_cents, p.stock, p.image_file from json_each(?) hit join product p on p.id = hit.value ->> 0
       where p.active order by hit.value ->> 1, p.name collate nocase, p.id limit ? offset ?`,
    ).all(JSON.stringify([...hits]), pageLimit, offset) as ProductRow[]
    return { items: rows.map(toProduct), total: hits.size }
  }

  cart(userId: number): CartDto {
    const rows = this.#sql(
      `select l.product_id, p.sku, p.name, p.price_cents, l.quantity, p.stock, p.image_file, p.active from cart_line l
       join product p on p.id = l.product_id where l.user_id = ? order by l.id`,
    ).all(userId) as {
      product_id: number
      sku: string
      name: string
      price_cents: number
      quantity: number
      stock: number
      image_file: string | null
      active: number
    }[]
    const lines = rows.map((row) => ({
      productId: row.product_id,
      sku: row.sku,
      name: row.name,
      unitPriceCents: row.price_cents,
      quantity: row.quantity,
      lineTotalCents: row.price_cents * row.quantity,
      stock: row.stock,
      imageFile: row.image_file,
    }))
    return {
      lines,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      totalCents: lines.reduce((sum, line) => sum + line.lineTotalCents, 0),
    }
  }

  cartAdd(userId: number, productId: number, quantity: number, at: Date): CartDto {
    this.db
      .transaction(() => {
        const product = this.#sql('select id from product where id = ? and active').get(productId)
        if (!product) throw new Error('NOT_FOUND')
        this.#sql(
          `insert into cart_line (user_id, product_id, quantity, added_at) values (?, ?, ?, ?)
         on conflict (user_id, product_id) do update set quantity = quantity + excluded.quantity`,
        ).run(userId, productId, quantity, at.toISOString())
      })
      .immediate()
    return this.cart(userId)
  }

  clearCart(userId: number): void {
    this.#sql('delete from cart_line where user_id = ?').run(userId)
  }

  /** A token sale of the user's cart, as checkout.service does it: one IMMEDIATE transaction. */
  checkoutWithToken(
    user: { id: number; displayName: string },
    request: { idempotencyKey: string; expectedTotalCents: number; token: string },
    now: Date,
  ): CheckoutResultDto {
    return this.db
      .transaction(() => {
        const previous = this.#sql('select id from invoice where idempotency_key = ?').get(request.idempotencyKey)
        if (previous) throw new Error('CONFLICT: key already used')
        const cart = this.#sql(
          `select l.product_id, p.sku, p.name, p.price_cents, l.quantity, p.active from cart_line l join product p on p.id = l.product_id
         where l.user_id = ? order by l.id`,
        ).all(user.id) as { product_id: number; sku: string; name: string; price_cents: number; quantity: number; active: number }[]
        if (cart.length === 0) throw new Error('CART_EMPTY')
        if (cart.some((line) => !line.active)) throw new Error('NOT_FOUND')
        const totalCents = cart.reduce((sum, line) => sum + line.price_cents * line.quantity, 0)
        if (totalCents !== request.expectedTotalCents) throw new Error('CART_CHANGED')
        const paidAt = now.toISOString()
        const tillId = (this.#sql("select value from setting where key = 'tillId'").get() as { value: string }).value
        const number =
          ((this.#sql('select max(number) as last from invoice where till_id = ?').get(tillId) as { last: number | null }).last ?? 0) + 1

        const code = request.token.trim().toLowerCase()
        const token = this.#sql('select id, code, balance_cents, expires_on from token where code = ?').get(code) as
          { id: number; code: string; balance_cents: number; expires_on: string } | undefined
        if (!token) throw new Error('INVALID_TOKEN')
        if (localDate(now) > token.expires_on) throw new Error('TOKEN_EXPIRED')
        if (token.balance_cents < totalCents) throw new Error('INSUFFICIENT_BALANCE')
        const debited = this.#sql('update token set balance_cents = balance_cents - ? where id = ? and balance_cents >= ?').run(
          totalCents,
          token.id,
          totalCents,
        )
        if (debited.changes !== 1) throw new Error('INSUFFICIENT_BALANCE')
        const balance = token.balance_cents - totalCents

        const invoiceId = Number(
          this.#sql(
            `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, token_last4, paid_at,
             total_cents, tendered_cents, change_cents, token_balance_after_cents)
           values (?, ?, ?, ?, ?, ?, 'token', ?, ?, ?, ?, null, null, ?)`,
          ).run(
            uuidv7(now),
            tillId,
            number,
            request.idempotencyKey,
            user.id,
            user.displayName,
            token.id,
            token.code.slice(-4),
            paidAt,
            totalCents,
            balance,
          ).lastInsertRowid,
        )
        this.#sql(
          "insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at) values (?, ?, ?, ?, ?, 'sale', ?, ?)",
        ).run(uuidv7(now), tillId, token.id, -totalCents, balance, invoiceId, paidAt)
        const lines = cart.map((line) => {
          this.#sql(
            `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents)
           values (?, ?, ?, ?, ?, ?, ?)`,
          ).run(invoiceId, line.product_id, line.sku, line.name, line.price_cents, line.quantity, line.price_cents * line.quantity)
          const taken = this.#sql('update product set stock = stock - ?, updated_at = ? where id = ? and stock >= ?').run(
            line.quantity,
            paidAt,
            line.product_id,
            line.quantity,
          )
          if (taken.changes !== 1) throw new Error(`INSUFFICIENT_STOCK ${line.name}`)
          this.#sql(
            `insert into stock_movement (uid, till_id, product_id, delta_qty, reason, invoice_id, at, stock_after)
             values (?, ?, ?, ?, 'sale', ?, ?, (select stock from product where id = ?))`,
          ).run(uuidv7(now), tillId, line.product_id, -line.quantity, invoiceId, paidAt, line.product_id)
          return {
            productId: line.product_id,
            sku: line.sku,
            name: line.name,
            unitPriceCents: line.price_cents,
            quantity: line.quantity,
            subAmountCents: line.price_cents * line.quantity,
          }
        })
        this.#sql('delete from cart_line where user_id = ?').run(user.id)

        const last = this.#sql('select hash from audit_entry order by id desc limit 1').get() as { hash: string } | undefined
        const details = JSON.stringify({ totalCents, method: 'token', lines: cart.length })
        const prevHash = last?.hash ?? '0'.repeat(64)
        const subject = `invoice ${number}`
        const hash = createHash('sha256')
          .update(JSON.stringify([prevHash, paidAt, 'sale', user.id, user.displayName, subject, details]))
          .digest('hex')
        this.#sql(
          `insert into audit_entry (uid, till_id, at, action, actor_user_id, actor_name, subject, details, prev_hash, hash)
         values (?, ?, ?, 'sale', ?, ?, ?, ?, ?, ?)`,
        ).run(uuidv7(now), tillId, paidAt, user.id, user.displayName, subject, details, prevHash, hash)

        return {
          invoice: {
            id: invoiceId,
            number,
            cashier: user.displayName,
            paymentMethod: 'token' as const,
            tokenLast4: token.code.slice(-4),
            paidAt,
            totalCents,
            tokenBalanceAfterCents: balance,
            lines,
          },
          method: 'token' as const,
          amountCents: totalCents,
          tokenBalanceCents: balance,
        }
      })
      .immediate()
  }

  /** invoices:list as the service runs it: count, then the page with item counts. */
  invoicesList(fromIso: string, toIso: string, limit: number, offset: number): { items: InvoiceSummaryDto[]; total: number } {
    const total = (
      this.#sql('select count(*) as total from invoice i where i.paid_at >= ? and i.paid_at < ?').get(fromIso, toIso) as { total: number }
    ).total
    const rows = this.#sql(
      `select i.id, i.number, i.cashier_name, i.payment_method, i.paid_at, i.total_cents,
         (select coalesce(sum(l.quantity), 0) from invoice_line l where l.invoice_id = i.id) as item_count
       from invoice i where i.paid_at >= ? and i.paid_at < ? order by i.paid_at desc, i.number desc limit ? offset ?`,
    ).all(fromIso, toIso, limit, offset) as {
      id: number
      number: number
      cashier_name: string
      payment_method: 'token' | 'cash'
      paid_at: string
      total_cents: number
      item_count: number
    }[]
    return {
      items: rows.map((row) => ({
        id: row.id,
        number: row.number,
        cashier: row.cashier_name,
        paymentMethod: row.payment_method,
        paidAt: row.paid_at,
        totalCents: row.total_cents,
        itemCount: row.item_count,
      })),
      total,
    }
  }
}
