import { defineStatements, rowOf } from '#core/db/statements'
import { UNITS_OF_SALE } from './report-figures.service'

/** Sales (`i`) and returns (`r`) of the business days `@from`–`@to`, on the indexed `business_day`. */
const SALES = 'invoice i where i.business_day between @from and @to'
const SALE_LINES = 'invoice i join invoice_line l on l.invoice_id = i.id where i.business_day between @from and @to'
const RETURNS = 'sale_return r where r.business_day between @from and @to'
const RETURN_LINES = 'sale_return r join return_line rl on rl.sale_return_id = r.id where r.business_day between @from and @to'

/**
 * A 15-minute UTC slot of an ISO instant (`2026-03-15T04:30`): every time zone's offset is a whole
 * number of quarter hours, so a slot lies within one hour of the store's wall clock.
 */
const slotOf = (column: string) => `substr(${column}, 1, 14) || printf('%02d', (cast(substr(${column}, 15, 2) as integer) / 15) * 15)`

export interface DaySalesRow {
  day: string
  invoices: number
  gross: number
  discount: number
  tax: number
  units: number
}
export interface DayReturnsRow {
  day: string
  returns: number
  goods: number
  tax: number
}
export interface KeyUnitsRow<K> {
  key: K
  units: number
}
export interface KeyFiguresRow<K> {
  key: K
  gross: number
  discount: number
  units: number
}
export interface KeyReturnsRow<K> {
  key: K
  returns: number
  goods: number
  units: number
}
export interface SlotRow {
  slot: string
  invoices: number
  net: number
  units: number
}

/**
 * The reports' statements over a range of days, grouped by what a report's rows are (a day, a
 * quarter hour, a product, a cashier, a promo); the sums are SQLite's 64-bit integers.
 */
export const REPORTS_SQL = defineStatements({
  salesByDay: {
    sql: `select i.business_day as day, count(*) as invoices, sum(i.total_cents + i.discount_cents) as gross,
        sum(i.discount_cents) as discount, sum(i.tax_cents) as tax, sum(${UNITS_OF_SALE}) as units
      from ${SALES} group by i.business_day`,
    mode: 'all',
    row: rowOf<DaySalesRow>(),
  },
  returnsByDay: {
    sql: `select r.business_day as day, count(*) as returns, sum(r.goods_cents) as goods, sum(r.tax_cents) as tax
      from ${RETURNS} group by r.business_day`,
    mode: 'all',
    row: rowOf<DayReturnsRow>(),
  },
  unitsReturnedByDay: {
    sql: `select r.business_day as key, sum(rl.quantity) as units from ${RETURN_LINES} group by r.business_day`,
    mode: 'all',
    row: rowOf<KeyUnitsRow<string>>(),
  },
  /** Sales by quarter hour, with their units (kept on each sale), from the day index alone. */
  salesBySlot: {
    sql: `select slot, count(*) as invoices, sum(total) as net, sum(units) as units
      from (select ${slotOf('i.paid_at')} as slot, i.total_cents as total, ${UNITS_OF_SALE} as units from ${SALES}) group by slot`,
    mode: 'all',
    row: rowOf<SlotRow>(),
  },
  returnsBySlot: {
    sql: `select ${slotOf('r.returned_at')} as slot, sum(r.goods_cents) as net from ${RETURNS} group by 1`,
    mode: 'all',
    row: rowOf<{ slot: string; net: number }>(),
  },
  /** A few days' sales: their lines, grouped by product. */
  salesByProduct: {
    sql: `select l.product_id as key, sum(l.total_cents + l.discount_cents) as gross, sum(l.discount_cents) as discount,
        sum(l.quantity) as units
      from ${SALE_LINES} group by l.product_id`,
    mode: 'all',
    row: rowOf<KeyFiguresRow<number>>(),
  },
  /**
   * Many days' sales: every line in product order from the covering index, kept when its sale is in
   * the range, so the lines are never sorted (a year: 1M of them).
   */
  salesByProductOfManyDays: {
    sql: `select l.product_id as key, sum(l.total_cents + l.discount_cents) as gross, sum(l.discount_cents) as discount,
        sum(l.quantity) as units
      from invoice_line l indexed by invoice_line_report_by_product
      where l.invoice_id in (select i.id from ${SALES}) group by l.product_id`,
    mode: 'all',
    row: rowOf<KeyFiguresRow<number>>(),
  },
  /** Many days' sales that are one run of ids: every line in product order, kept by its sale's id alone. */
  salesByProductOfSaleIds: {
    sql: `select l.product_id as key, sum(l.total_cents + l.discount_cents) as gross, sum(l.discount_cents) as discount,
        sum(l.quantity) as units
      from invoice_line l indexed by invoice_line_report_by_product
      where l.invoice_id between @first and @last group by l.product_id`,
    mode: 'all',
    row: rowOf<KeyFiguresRow<number>>(),
  },
  returnsByProduct: {
    sql: `select rl.product_id as key, count(distinct r.id) as returns, sum(rl.refund_cents) as goods, sum(rl.quantity) as units
      from ${RETURN_LINES} group by rl.product_id`,
    mode: 'all',
    row: rowOf<KeyReturnsRow<number>>(),
  },
  /** The products named in a JSON array of ids, with their category as it is now. */
  products: {
    sql: `select p.id, p.sku, p.name, p.category_id as categoryId, c.name as category
      from product p left join category c on c.id = p.category_id where p.id in (select value from json_each(?))`,
    mode: 'all',
    row: rowOf<{ id: number; sku: string; name: string; categoryId: number | null; category: string | null }>(),
  },
  productTags: {
    sql: 'select product_id as productId, tag from product_tag where product_id in (select value from json_each(?))',
    mode: 'all',
    row: rowOf<{ productId: number; tag: string }>(),
  },
  salesByCashier: {
    sql: `select key, count(*) as invoices, sum(gross) as gross, sum(discount) as discount, sum(units) as units
      from (select i.cashier_id as key, i.total_cents + i.discount_cents as gross, i.discount_cents as discount, ${UNITS_OF_SALE} as units
        from invoice i indexed by invoice_report_by_day where i.business_day between @from and @to) group by key`,
    mode: 'all',
    row: rowOf<{ key: number; invoices: number; gross: number; discount: number; units: number }>(),
  },
  returnsByCashier: {
    sql: `select r.cashier_id as key, count(*) as returns, sum(r.goods_cents) as goods, 0 as units from ${RETURNS} group by r.cashier_id`,
    mode: 'all',
    row: rowOf<KeyReturnsRow<number>>(),
  },
  unitsReturnedByCashier: {
    sql: `select r.cashier_id as key, sum(rl.quantity) as units from ${RETURN_LINES} group by r.cashier_id`,
    mode: 'all',
    row: rowOf<KeyUnitsRow<number>>(),
  },
  /** Active products at or under their low-stock level (the store's default where they have none), emptiest first. */
  lowStock: {
    sql: `select sku, name, stock, low_stock_at as lowStockAt from product
      where active and stock <= coalesce(low_stock_at, ?) order by stock, name, id`,
    mode: 'all',
    row: rowOf<{ sku: string; name: string; stock: number; lowStockAt: number | null }>(),
  },
  users: {
    sql: 'select id, display_name as name from user where id in (select value from json_each(?))',
    mode: 'all',
    row: rowOf<{ id: number; name: string }>(),
  },
  promos: {
    sql: `select ip.promo_id as promoId, p.code, p.name, count(distinct ip.invoice_id) as uses, sum(ip.discount_cents) as discountCents,
        sum(i.total_cents) as salesCents
      from invoice i join invoice_promo ip on ip.invoice_id = i.id join promo p on p.id = ip.promo_id
      where i.business_day between @from and @to
      group by ip.promo_id order by discountCents desc, p.code`,
    mode: 'all',
    row: rowOf<{ promoId: number; code: string; name: string; uses: number; discountCents: number; salesCents: number }>(),
  },
  /** Tokens switched on and not past their day of expiry (`@today` the store's day). */
  liveTokens: {
    sql: 'select coalesce(sum(balance_cents), 0) as outstanding, count(*) as tokens from token where active = 1 and expires_on >= @today',
    mode: 'get',
    row: rowOf<{ outstanding: number; tokens: number }>(),
  },
  expiringTokens: {
    sql: `select id as tokenId, code, holder_name as holderName, balance_cents as balanceCents, expires_on as expiresOn from token
      where active = 1 and balance_cents > 0 and expires_on between @today and @last order by expires_on, id`,
    mode: 'all',
    row: rowOf<{ tokenId: number; code: string; holderName: string | null; balanceCents: number; expiresOn: string }>(),
  },
  lapsedTokens: {
    sql: 'select coalesce(sum(balance_cents), 0) from token where active = 0 or expires_on < @today',
    mode: 'value',
    row: rowOf<number>(),
  },
})
