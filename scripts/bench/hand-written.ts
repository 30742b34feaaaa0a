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
import type { InvoiceTenderDto } from '#shared/contract/invoices'
import type { ProductDto } from '#shared/contract/catalog'
import { storeDate } from '#core/common/store-day'
import {
  lineAfterOwnDiscount,
  priceSale,
  type CashRounding,
  type Discount,
  type OrderDiscount,
  type PricedSale,
  type PricingTax,
  type TaxRounding,
  type TaxRow,
} from '#shared/money/pricing'
import { firstRefusal, settle } from '#shared/money/tenders'

interface ProductRow {
  id: number
  sku: string
  barcode: string | null
  name: string
  price_cents: number
  stock: number
  image_file: string | null
}

/** What a sale needs of the store's settings, held in memory as core holds them. */
export interface HandStore {
  currencyDecimals: number
  taxRounding: TaxRounding
  timeZone: string
  cashRounding: CashRounding
}

/** A cart line as a sale reads it. */
interface SaleLineRow {
  product_id: number
  sku: string
  name: string
  price_cents: number
  quantity: number
  active: number
}

/** Which sale a row belongs to and when: the till, the invoice number, the moment of payment. */
interface SaleStamp {
  tillId: string
  number: number
  paidAt: string
  now: Date
  /** The store-local day and the till's open shift, as core books every sale. */
  businessDay: string
  shiftId: number | null
}

interface DiscountedLineRow extends SaleLineRow {
  discount_kind: 'percent' | 'amount' | null
  discount_value: number | null
}

interface PromoRow {
  id: number
  code: string
  name: string
  kind: 'percent' | 'amount'
  value: number
  min_spend_cents: number | null
  starts_on: string | null
  ends_on: string | null
  max_uses: number | null
  uses: number
  active: number
}

const discountOf = (kind: 'percent' | 'amount' | null | undefined, value: number | null | undefined): Discount | null =>
  kind == null || value == null ? null : kind === 'percent' ? { kind, bps: value } : { kind, cents: value }

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

  /** The active taxes of the products in the user's cart, by product, with their names. */
  #cartTaxes(userId: number): { byProduct: Map<number, PricingTax[]>; names: Map<number, string> } {
    const rows = this.#sql(
      `select pt.product_id, t.id, t.name, t.rate_bps, t.included from cart_line l join product_tax pt on pt.product_id = l.product_id
       join tax_rate t on t.id = pt.tax_rate_id where l.user_id = ? and t.active order by pt.product_id, t.id`,
    ).all(userId) as { product_id: number; id: number; name: string; rate_bps: number; included: number }[]
    const byProduct = new Map<number, PricingTax[]>()
    const names = new Map<number, string>()
    for (const row of rows) {
      names.set(row.id, row.name)
      const tax = { id: row.id, rateBps: row.rate_bps, included: Boolean(row.included) }
      const list = byProduct.get(row.product_id)
      if (list) list.push(tax)
      else byProduct.set(row.product_id, [tax])
    }
    return { byProduct, names }
  }

  /** The same pricing engine core uses (pure code, not the ORM: both sides pay for it alike). */
  #price(userId: number, lines: readonly { product_id: number; price_cents: number; quantity: number }[]) {
    const { byProduct, names } = this.#cartTaxes(userId)
    const priced: PricedSale = priceSale({
      currencyDecimals: 2,
      taxRounding: 'perLine',
      lines: lines.map((line) => ({
        key: String(line.product_id),
        unitPriceCents: line.price_cents,
        quantity: line.quantity,
        taxes: byProduct.get(line.product_id) ?? [],
      })),
    })
    return { priced, taxes: priced.taxes.map((row) => ({ ...row, name: names.get(row.id) ?? '' })) }
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
    const { priced, taxes } = this.#price(userId, rows)
    const lines = rows.map((row, index) => ({
      productId: row.product_id,
      sku: row.sku,
      name: row.name,
      unitPriceCents: row.price_cents,
      quantity: row.quantity,
      lineTotalCents: priced.lines[index]!.grossCents,
      discountCents: priced.lines[index]!.discountCents,
      taxCents: priced.lines[index]!.taxCents,
      totalCents: priced.lines[index]!.totalCents,
      discount: null,
      stock: row.stock,
      imageFile: row.image_file,
    }))
    return {
      lines,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotalCents: priced.subtotalCents,
      discountCents: priced.discountCents,
      taxCents: priced.taxCents,
      totalCents: priced.totalCents,
      taxes,
      orderDiscount: null,
      promo: null,
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

  /** A key already used is refused before anything is read or written, as core does. */
  #refuseUsedKey(idempotencyKey: string): void {
    if (this.#sql('select id from invoice where idempotency_key = ?').get(idempotencyKey)) throw new Error('CONFLICT: key already used')
  }

  /** This till's identity, its next invoice number, the sale's business day and the till's open shift. */
  #nextInvoiceNumber(now: Date, timeZone: string): Omit<SaleStamp, 'paidAt' | 'now'> {
    const tillId = (this.#sql("select value from setting where key = 'tillId'").get() as { value: string }).value
    const last = (this.#sql('select max(number) as last from invoice where till_id = ?').get(tillId) as { last: number | null }).last
    const shift = this.#sql('select id from shift where till_id = ? and closed_at is null').get(tillId) as { id: number } | undefined
    return { tillId, number: (last ?? 0) + 1, businessDay: storeDate(now, timeZone), shiftId: shift?.id ?? null }
  }

  /**
   * What every sale writes after its tenders, in core's order: each line with its stock taken and
   * its movement, the sale's taxes, then the cart emptied. Answers the lines as the invoice shows them.
   */
  #writeLinesAndTaxes(
    sale: SaleStamp,
    rows: {
      invoiceId: number
      userId: number
      cart: readonly SaleLineRow[]
      priced: PricedSale
      taxes: readonly (TaxRow & { name: string })[]
    },
  ) {
    const { tillId, paidAt, now } = sale
    const { invoiceId } = rows
    const lines = rows.cart.map((line, index) => {
      const figures = rows.priced.lines[index]!
      const inserted = this.#sql(
        `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, discount_cents,
         net_cents, tax_cents, total_cents)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        invoiceId,
        line.product_id,
        line.sku,
        line.name,
        line.price_cents,
        line.quantity,
        figures.grossCents,
        figures.discountCents,
        figures.netCents,
        figures.taxCents,
        figures.totalCents,
      )
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
        id: Number(inserted.lastInsertRowid),
        productId: line.product_id,
        sku: line.sku,
        name: line.name,
        unitPriceCents: line.price_cents,
        quantity: line.quantity,
        subAmountCents: figures.grossCents,
        discountCents: figures.discountCents,
        netCents: figures.netCents,
        taxCents: figures.taxCents,
        totalCents: figures.totalCents,
        returnedQuantity: 0,
      }
    })
    for (const tax of rows.taxes) {
      this.#sql(
        `insert into invoice_tax (invoice_id, tax_rate_id, name, rate_bps, included, base_cents, tax_cents) values (?, ?, ?, ?, ?, ?, ?)`,
      ).run(invoiceId, tax.id, tax.name, tax.rateBps, tax.included ? 1 : 0, tax.baseCents, tax.taxCents)
    }
    this.#sql('delete from cart_line where user_id = ?').run(rows.userId)
    return lines
  }

  /** Takes the amount off the token by a conditional update, as core does; answers the balance after. */
  #debitToken(token: { id: number; balance_cents: number }, amountCents: number): number {
    const debited = this.#sql('update token set balance_cents = balance_cents - ? where id = ? and balance_cents >= ?').run(
      amountCents,
      token.id,
      amountCents,
    )
    if (debited.changes !== 1) throw new Error('INSUFFICIENT_BALANCE')
    return token.balance_cents - amountCents
  }

  /** The sale's invoice row; its one-tender columns (token, cash) stay empty where the sale has none. Answers its id. */
  #insertInvoice(
    user: { id: number; displayName: string },
    sale: SaleStamp,
    invoice: {
      idempotencyKey: string
      method: 'token' | 'split'
      priced: PricedSale
      /** Σ the cart's quantities. */
      units: number
      roundingCents: number
      token: { id: number; last4: string; balanceAfterCents: number } | null
      cash: { tenderedCents: number; changeCents: number } | null
    },
  ): number {
    const { priced, token, cash } = invoice
    return Number(
      this.#sql(
        `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, token_last4, paid_at,
         total_cents, tendered_cents, change_cents, token_balance_after_cents, subtotal_cents, discount_cents, tax_cents, rounding_cents,
         business_day, shift_id, units)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        uuidv7(sale.now),
        sale.tillId,
        sale.number,
        invoice.idempotencyKey,
        user.id,
        user.displayName,
        invoice.method,
        token?.id ?? null,
        token?.last4 ?? null,
        sale.paidAt,
        priced.totalCents,
        cash?.tenderedCents ?? null,
        cash?.changeCents ?? null,
        token?.balanceAfterCents ?? null,
        priced.subtotalCents,
        priced.discountCents,
        priced.taxCents,
        invoice.roundingCents,
        sale.businessDay,
        sale.shiftId,
        invoice.units,
      ).lastInsertRowid,
    )
  }

  /** One tender row of the invoice; a token's comes after its ledger entry, as core writes them. */
  #insertTender(
    sale: SaleStamp,
    invoiceId: number,
    position: number,
    tender:
      | { method: 'token'; amountCents: number; tokenId: number; last4: string; balanceAfterCents: number }
      | { method: 'cash'; amountCents: number; tenderedCents: number; changeCents: number },
  ): void {
    const { tillId, paidAt, now } = sale
    const token = tender.method === 'token' ? tender : null
    const cash = tender.method === 'cash' ? tender : null
    if (token) {
      this.#sql(
        "insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at) values (?, ?, ?, ?, ?, 'sale', ?, ?)",
      ).run(uuidv7(now), tillId, token.tokenId, -token.amountCents, token.balanceAfterCents, invoiceId, paidAt)
    }
    this.#sql(
      `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, tendered_cents, change_cents, token_id,
         token_last4, token_balance_after_cents, wallet, reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null)`,
    ).run(
      uuidv7(now),
      tillId,
      invoiceId,
      position,
      tender.method,
      tender.amountCents,
      cash?.tenderedCents ?? null,
      cash?.changeCents ?? null,
      token?.tokenId ?? null,
      token?.last4 ?? null,
      token?.balanceAfterCents ?? null,
    )
  }

  /** The sale's row of the audit chain, hashed onto the last one as core/db/audit-chain.ts does. */
  #auditSale(
    user: { id: number; displayName: string },
    sale: SaleStamp,
    figures: { totalCents: number; method: 'token' | 'split'; tenders: number; roundingCents: number; lines: number },
  ): void {
    const last = this.#sql('select hash from audit_entry order by id desc limit 1').get() as { hash: string } | undefined
    const details = JSON.stringify(figures)
    const prevHash = last?.hash ?? '0'.repeat(64)
    const subject = `invoice ${sale.number}`
    const hash = createHash('sha256')
      .update(JSON.stringify([prevHash, sale.paidAt, 'sale', user.id, user.displayName, subject, details]))
      .digest('hex')
    this.#sql(
      `insert into audit_entry (uid, till_id, at, action, actor_user_id, actor_name, subject, details, prev_hash, hash)
     values (?, ?, ?, 'sale', ?, ?, ?, ?, ?, ?)`,
    ).run(uuidv7(sale.now), sale.tillId, sale.paidAt, user.id, user.displayName, subject, details, prevHash, hash)
  }

  /** A token sale of the user's cart, as checkout.service does it: one IMMEDIATE transaction. */
  checkoutWithToken(
    user: { id: number; displayName: string },
    request: { idempotencyKey: string; expectedTotalCents: number; token: string },
    now: Date,
  ): CheckoutResultDto {
    return this.db
      .transaction(() => {
        this.#refuseUsedKey(request.idempotencyKey)
        const cart = this.#sql(
          `select l.product_id, p.sku, p.name, p.price_cents, l.quantity, p.active from cart_line l join product p on p.id = l.product_id
         where l.user_id = ? order by l.id`,
        ).all(user.id) as SaleLineRow[]
        if (cart.length === 0) throw new Error('CART_EMPTY')
        if (cart.some((line) => !line.active)) throw new Error('NOT_FOUND')
        const { priced, taxes } = this.#price(user.id, cart)
        const { totalCents } = priced
        if (totalCents !== request.expectedTotalCents) throw new Error('CART_CHANGED')
        const paidAt = now.toISOString()
        const sale: SaleStamp = { ...this.#nextInvoiceNumber(now, 'Asia/Kathmandu'), paidAt, now }

        const code = request.token.trim().toLowerCase()
        const token = this.#sql('select id, code, balance_cents, expires_on from token where code = ?').get(code) as
          { id: number; code: string; balance_cents: number; expires_on: string } | undefined
        if (!token) throw new Error('INVALID_TOKEN')
        if (localDate(now) > token.expires_on) throw new Error('TOKEN_EXPIRED')
        if (token.balance_cents < totalCents) throw new Error('INSUFFICIENT_BALANCE')
        const balance = this.#debitToken(token, totalCents)
        const last4 = token.code.slice(-4)

        const invoiceId = this.#insertInvoice(user, sale, {
          idempotencyKey: request.idempotencyKey,
          method: 'token',
          priced,
          units: cart.reduce((units, line) => units + line.quantity, 0),
          roundingCents: 0,
          token: { id: token.id, last4, balanceAfterCents: balance },
          cash: null,
        })
        this.#insertTender(sale, invoiceId, 0, {
          method: 'token',
          amountCents: totalCents,
          tokenId: token.id,
          last4,
          balanceAfterCents: balance,
        })
        const tenders = [{ method: 'token' as const, amountCents: totalCents, tokenLast4: last4, tokenBalanceAfterCents: balance }]
        const lines = this.#writeLinesAndTaxes(sale, { invoiceId, userId: user.id, cart, priced, taxes })

        this.#auditSale(user, sale, { totalCents, method: 'token', tenders: 1, roundingCents: 0, lines: cart.length })

        return {
          invoice: {
            id: invoiceId,
            number: sale.number,
            cashier: user.displayName,
            paymentMethod: 'token' as const,
            tokenLast4: token.code.slice(-4),
            paidAt,
            subtotalCents: priced.subtotalCents,
            discountCents: priced.discountCents,
            taxCents: priced.taxCents,
            totalCents,
            taxes,
            tokenBalanceAfterCents: balance,
            roundingCents: 0,
            tenders,
            lines,
            returns: [],
          },
          method: 'token' as const,
          amountCents: totalCents,
          tokenBalanceCents: balance,
          tenders,
          roundingCents: 0,
        }
      })
      .immediate()
  }

  /** A line's own discount, percent (set-up of a sale: cart:setLineDiscount by hand, within the limit, so no approval). */
  setLineDiscount(userId: number, productId: number, bps: number, reason: string): void {
    const changed = this.#sql(
      `update cart_line set discount_kind = 'percent', discount_value = ?, discount_reason = ?, discount_approved_by = null
       where user_id = ? and product_id = ?`,
    ).run(bps, reason, userId, productId).changes
    if (changed !== 1) throw new Error('NOT_FOUND cart line')
  }

  /** Puts a promo code on the user's cart (set-up of a sale: cart:applyPromo by hand). */
  applyPromo(userId: number, code: string): void {
    const promo = this.#sql('select id from promo where code_key = ?').get(code.trim().toUpperCase()) as { id: number } | undefined
    if (!promo) throw new Error(`PROMO_INVALID unknown ${code}`)
    this.#sql(
      'insert into cart_order (user_id, promo_id) values (?, ?) on conflict (user_id) do update set promo_id = excluded.promo_id',
    ).run(userId, promo.id)
  }

  /** The total of the user's cart with its discounts and promo, as the cart shows it. */
  cartTotal(userId: number, store: HandStore, now: Date): number {
    return this.#pricedCart(userId, store, now).priced.totalCents
  }

  /**
   * The user's cart with its line discounts, order discount and promo, priced by the engine, as
   * cart-pricing does it: the promo checked against today's store-local date and the cart's lines.
   */
  #pricedCart(userId: number, store: HandStore, now: Date) {
    const lines = this.#sql(
      `select l.product_id, p.sku, p.name, p.price_cents, l.quantity, p.active, l.discount_kind, l.discount_value from cart_line l
       join product p on p.id = l.product_id where l.user_id = ? order by l.id`,
    ).all(userId) as DiscountedLineRow[]
    const { byProduct, names } = this.#cartTaxes(userId)
    const order = this.#sql('select discount_kind, discount_value, promo_id from cart_order where user_id = ?').get(userId) as
      { discount_kind: 'percent' | 'amount' | null; discount_value: number | null; promo_id: number | null } | undefined
    const orderDiscounts: OrderDiscount[] = []
    const manual = discountOf(order?.discount_kind, order?.discount_value)
    if (manual) orderDiscounts.push({ discount: manual })
    let promo: { row: PromoRow; problem: string | null; qualifyingCents: number; discountCents: number } | null = null
    const row =
      order?.promo_id != null
        ? (this.#sql(
            'select id, code, name, kind, value, min_spend_cents, starts_on, ends_on, max_uses, uses, active from promo where id = ?',
          ).get(order.promo_id) as PromoRow | undefined)
        : undefined
    if (row) {
      const qualifying = new Set(
        this.#sql(
          `select l.product_id from cart_line l join product p on p.id = l.product_id where l.user_id = @userId and (
            (not exists (select 1 from promo_product where promo_id = @promoId) and not exists (select 1 from promo_category where promo_id = @promoId))
            or l.product_id in (select product_id from promo_product where promo_id = @promoId)
            or p.category_id in (select category_id from promo_category where promo_id = @promoId))`,
        )
          .pluck()
          .all({ userId, promoId: row.id }) as number[],
      )
      let qualifyingCents = 0
      for (const line of lines) {
        if (!qualifying.has(line.product_id)) continue
        qualifyingCents += lineAfterOwnDiscount({
          key: String(line.product_id),
          unitPriceCents: line.price_cents,
          quantity: line.quantity,
          discount: discountOf(line.discount_kind, line.discount_value),
        })
      }
      const today = storeDate(now, store.timeZone)
      const problem = !row.active
        ? 'inactive'
        : row.starts_on !== null && today < row.starts_on
          ? 'notYetValid'
          : row.ends_on !== null && today > row.ends_on
            ? 'expired'
            : row.max_uses !== null && row.uses >= row.max_uses
              ? 'usedUp'
              : qualifying.size === 0
                ? 'nothingQualifies'
                : row.min_spend_cents !== null && qualifyingCents < row.min_spend_cents
                  ? 'minSpend'
                  : null
      promo = { row, problem, qualifyingCents, discountCents: 0 }
      if (problem === null) {
        orderDiscounts.push({
          discount:
            row.kind === 'percent' ? { kind: 'percent', bps: row.value } : { kind: 'amount', cents: Math.min(row.value, qualifyingCents) },
          lineKeys: [...qualifying].map(String),
        })
      }
    }
    const priced = priceSale({
      currencyDecimals: store.currencyDecimals,
      taxRounding: store.taxRounding,
      lines: lines.map((line) => ({
        key: String(line.product_id),
        unitPriceCents: line.price_cents,
        quantity: line.quantity,
        taxes: byProduct.get(line.product_id) ?? [],
        discount: discountOf(line.discount_kind, line.discount_value),
      })),
      orderDiscounts,
    })
    if (promo && promo.problem === null) promo.discountCents = priced.orderDiscounts[orderDiscounts.length - 1]!.discountCents
    return { lines, priced, taxes: priced.taxes.map((tax) => ({ ...tax, name: names.get(tax.id) ?? '' })), promo }
  }

  /**
   * A sale of the user's discounted, promo-coded cart paid part by a token and the rest in cash, as
   * checkout.service does it: one IMMEDIATE transaction, the shared settlement (`settle`: what each
   * tender pays, the cash part's rounding, the change), the token debited by a conditional update,
   * the promo's use counted by one, and the same rows written in the same order.
   */
  checkoutTokenAndCash(
    user: { id: number; displayName: string },
    request: { idempotencyKey: string; expectedTotalCents: number; token: string; tokenAmountCents: number; tenderedCents: number },
    store: HandStore,
    now: Date,
  ): CheckoutResultDto {
    return this.db
      .transaction(() => {
        this.#refuseUsedKey(request.idempotencyKey)
        const { lines: cart, priced, taxes, promo } = this.#pricedCart(user.id, store, now)
        if (cart.length === 0) throw new Error('CART_EMPTY')
        if (cart.some((line) => !line.active)) throw new Error('NOT_FOUND')
        if (promo?.problem) throw new Error(`PROMO_INVALID ${promo.problem}`)
        const { totalCents } = priced
        if (totalCents !== request.expectedTotalCents) throw new Error('CART_CHANGED')
        const paidAt = now.toISOString()
        const sale: SaleStamp = { ...this.#nextInvoiceNumber(now, store.timeZone), paidAt, now }

        const token = this.#sql('select id, code, balance_cents, expires_on from token where code = ? and active = 1').get(
          request.token.trim().toLowerCase(),
        ) as { id: number; code: string; balance_cents: number; expires_on: string } | undefined
        if (!token) throw new Error('INVALID_TOKEN')
        if (storeDate(now, store.timeZone) > token.expires_on) throw new Error('TOKEN_EXPIRED')
        const settlement = settle(
          totalCents,
          [
            { method: 'token', balanceCents: token.balance_cents, amountCents: request.tokenAmountCents },
            { method: 'cash', tenderedCents: request.tenderedCents },
          ],
          store.cashRounding,
        )
        const refused = firstRefusal(settlement)
        if (refused) throw new Error(`tender refused: ${refused.refusal}`)
        if (!settlement.settled) throw new Error('INSUFFICIENT_TENDER')
        const paidByToken = settlement.tenders[0]!
        const cash = settlement.tenders[1]!
        const balance = this.#debitToken(token, paidByToken.amountCents)
        const last4 = token.code.slice(-4)

        const invoiceId = this.#insertInvoice(user, sale, {
          idempotencyKey: request.idempotencyKey,
          method: 'split',
          priced,
          units: cart.reduce((units, line) => units + line.quantity, 0),
          roundingCents: settlement.roundingCents,
          token: null,
          cash: { tenderedCents: cash.tenderedCents!, changeCents: cash.changeCents! },
        })
        this.#insertTender(sale, invoiceId, 0, {
          method: 'token',
          amountCents: paidByToken.amountCents,
          tokenId: token.id,
          last4,
          balanceAfterCents: balance,
        })
        this.#insertTender(sale, invoiceId, 1, {
          method: 'cash',
          amountCents: cash.amountCents,
          tenderedCents: cash.tenderedCents!,
          changeCents: cash.changeCents!,
        })
        const tenders: InvoiceTenderDto[] = [
          { method: 'token', amountCents: paidByToken.amountCents, tokenLast4: last4, tokenBalanceAfterCents: balance },
          { method: 'cash', amountCents: cash.amountCents, tenderedCents: cash.tenderedCents!, changeCents: cash.changeCents! },
        ]

        if (promo) {
          const used = this.#sql(
            'update promo set uses = uses + 1, updated_at = ? where id = ? and active and (max_uses is null or uses < max_uses)',
          ).run(paidAt, promo.row.id)
          if (used.changes !== 1) throw new Error('PROMO_INVALID usedUp')
          this.#sql('insert into invoice_promo (invoice_id, promo_id, code, name, discount_cents) values (?, ?, ?, ?, ?)').run(
            invoiceId,
            promo.row.id,
            promo.row.code,
            promo.row.name,
            promo.discountCents,
          )
        }

        const lines = this.#writeLinesAndTaxes(sale, { invoiceId, userId: user.id, cart, priced, taxes })
        this.#sql('delete from cart_order where user_id = ?').run(user.id)

        this.#auditSale(user, sale, {
          totalCents,
          method: 'split',
          tenders: tenders.length,
          roundingCents: settlement.roundingCents,
          lines: cart.length,
        })

        return {
          invoice: {
            id: invoiceId,
            number: sale.number,
            cashier: user.displayName,
            paymentMethod: 'split' as const,
            paidAt,
            subtotalCents: priced.subtotalCents,
            discountCents: priced.discountCents,
            taxCents: priced.taxCents,
            totalCents,
            taxes,
            roundingCents: settlement.roundingCents,
            tenders,
            lines,
            returns: [],
            tenderedCents: cash.tenderedCents!,
            changeCents: cash.changeCents!,
            ...(promo ? { promo: { code: promo.row.code, name: promo.row.name, discountCents: promo.discountCents } } : {}),
          },
          method: 'split' as const,
          amountCents: settlement.paidCents,
          changeCents: settlement.changeCents,
          tokenBalanceCents: balance,
          tenders,
          roundingCents: settlement.roundingCents,
        }
      })
      .immediate()
  }
}
