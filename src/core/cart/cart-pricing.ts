import type { CartDiscountDto, CartDto, PromoProblem } from '#shared/contract/cart'
import {
  lineAfterOwnDiscount,
  PricingError,
  priceSale,
  type Discount,
  type OrderDiscount,
  type PricedSale,
  type PricingLine,
} from '#shared/money/pricing'
import type { StoreSettings } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { storeDate } from '#core/common/store-day'
import type { BoundStatements } from '#core/db/statements'
import type { CART_SQL, CartLineRow, CartOrderRow, CartTaxRow, PromoRow } from './cart.statements'

/** What pricing needs of the store: its currency's decimals, how it rounds tax, and its time zone (a promo's dates). */
export type PricingSettings = Pick<StoreSettings, 'currencyDecimals' | 'taxRounding' | 'timeZone'>

/** A tax as a sale names it: the pricing engine's figures with the rate's name. */
export interface NamedTax {
  id: number
  name: string
  rateBps: number
  included: boolean
}

/** The promo in a cart, whether it can be used now, and what it takes off. */
export interface CartPromo {
  row: PromoRow
  problem: PromoProblem | null
  /** The products of the cart it applies to. */
  qualifying: ReadonlySet<number>
  /** Σ of those lines after their own discounts: what its minimum spend is counted on. */
  qualifyingCents: number
  discountCents: number
}

/** The cart's lines as stored and priced by the pricing engine: what the cart shows and checkout charges. */
export interface PricedCart {
  lines: readonly CartLineRow[]
  order: CartOrderRow | null
  promo: CartPromo | null
  priced: PricedSale
  /** Every tax the sale charges, by id, with its name. */
  taxes: Map<number, NamedTax>
}

type CartSql = BoundStatements<typeof CART_SQL>

/** The key of a cart line in the pricing engine: its product (one line per product). */
export const lineKey = (productId: number) => String(productId)

export function discountOf(kind: 'percent' | 'amount' | null, value: number | null): Discount | null {
  if (kind === null || value === null) return null
  return kind === 'percent' ? { kind, bps: value } : { kind, cents: value }
}

function engineLine(line: CartLineRow, taxes: readonly NamedTax[]): PricingLine {
  return {
    key: lineKey(line.product_id),
    unitPriceCents: line.price_cents,
    quantity: line.quantity,
    taxes,
    discount: discountOf(line.discount_kind, line.discount_value),
  }
}

/**
 * Why a promo cannot be used on a cart today, or null: switched off, before its first day, after its
 * last, used up, nothing in the cart it applies to, or its minimum spend not reached on those lines.
 */
export function promoProblemOf(promo: PromoRow, today: string, qualifyingCount: number, qualifyingCents: number): PromoProblem | null {
  if (!promo.active) return 'inactive'
  if (promo.starts_on !== null && today < promo.starts_on) return 'notYetValid'
  if (promo.ends_on !== null && today > promo.ends_on) return 'expired'
  if (promo.max_uses !== null && promo.uses >= promo.max_uses) return 'usedUp'
  if (qualifyingCount === 0) return 'nothingQualifies'
  if (promo.min_spend_cents !== null && qualifyingCents < promo.min_spend_cents) return 'minSpend'
  return null
}

/** The promo as the cart holds it, checked against the cart's lines today. */
export function cartPromoOf(sql: CartSql, userId: number, promo: PromoRow, lines: readonly CartLineRow[], today: string): CartPromo {
  const qualifying = new Set(sql.promoLines({ userId, promoId: promo.id }))
  let qualifyingCents = 0
  for (const line of lines) if (qualifying.has(line.product_id)) qualifyingCents += lineAfterOwnDiscountOf(line)
  return {
    row: promo,
    problem: promoProblemOf(promo, today, qualifying.size, qualifyingCents),
    qualifying,
    qualifyingCents,
    discountCents: 0,
  }
}

/** A cart line's price after its own discount, as the pricing engine takes it. */
export function lineAfterOwnDiscountOf(line: CartLineRow): number {
  return refusingAsDomain(() => lineAfterOwnDiscount(engineLine(line, [])))
}

/** The promo as an order discount on its lines: a percent of them, or its amount, at most what they cost. */
function promoDiscount(promo: CartPromo): OrderDiscount {
  const { kind, value } = promo.row
  const discount: Discount = kind === 'percent' ? { kind, bps: value } : { kind, cents: Math.min(value, promo.qualifyingCents) }
  return { discount, lineKeys: [...promo.qualifying].map(lineKey) }
}

/**
 * Prices the user's cart with its discounts and promo. A promo that does not qualify today takes
 * nothing off and says why (checkout refuses it then). A sale the engine refuses (a figure past
 * 2^53, discounts larger than the lines) is VALIDATION_FAILED with nothing written.
 */
export function priceCart(sql: CartSql, userId: number, settings: PricingSettings, now: Date): PricedCart {
  const lines = sql.lines(userId)
  const taxes = new Map<number, NamedTax>()
  const byProduct = new Map<number, NamedTax[]>()
  let order: CartOrderRow | null = null
  let promo: CartPromo | null = null
  const orderDiscounts: OrderDiscount[] = []
  if (lines.length > 0) {
    for (const row of sql.lineTaxes(userId)) {
      const tax = taxOf(row)
      taxes.set(tax.id, tax)
      const list = byProduct.get(row.product_id)
      if (list) list.push(tax)
      else byProduct.set(row.product_id, [tax])
    }
    order = sql.order(userId) ?? null
    const manual = order ? discountOf(order.discount_kind, order.discount_value) : null
    if (manual) orderDiscounts.push({ discount: manual })
    const promoRow = order?.promo_id != null ? sql.promo(order.promo_id) : undefined
    if (promoRow) {
      promo = cartPromoOf(sql, userId, promoRow, lines, storeDate(now, settings.timeZone))
      if (promo.problem === null) orderDiscounts.push(promoDiscount(promo))
    }
  }
  const priced = refusingAsDomain(() =>
    priceSale({
      currencyDecimals: settings.currencyDecimals,
      taxRounding: settings.taxRounding,
      lines: lines.map((line) => engineLine(line, byProduct.get(line.product_id) ?? [])),
      orderDiscounts,
    }),
  )
  if (promo && promo.problem === null) promo.discountCents = priced.orderDiscounts[orderDiscounts.length - 1]!.discountCents
  return { lines, order, promo, priced, taxes }
}

function taxOf(row: CartTaxRow): NamedTax {
  return { id: row.id, name: row.name, rateBps: row.rate_bps, included: Boolean(row.included) }
}

/** The engine's refusals as the contract's: a sale too large to hold, discounts larger than their lines. */
function refusingAsDomain<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (!(error instanceof PricingError)) throw error
    if (error.problem === 'tooLarge') {
      throw new DomainError('VALIDATION_FAILED', 'That would make the sale larger than any total can hold.', {
        rule: 'tooLarge',
        field: 'quantity',
      })
    }
    if (error.problem === 'discountExceedsPrice') throw new DomainError('VALIDATION_FAILED', error.message, { rule: 'discountTooLarge' })
    // Input the engine refuses outright is data no screen can send: a bug, said as plainly as it can be.
    throw new DomainError('VALIDATION_FAILED', error.message, { rule: 'schema', field: 'cart' })
  }
}

function discountDto(
  kind: 'percent' | 'amount' | null,
  value: number | null,
  reason: string | null,
  approvedBy: string | null,
): CartDiscountDto | null {
  const discount = discountOf(kind, value)
  return discount ? { discount, reason, approvedBy } : null
}

/** The order discount as the cart shows it: the manual one is the first order discount the engine priced. */
function orderDiscountDto(order: CartOrderRow | null, priced: PricedSale): CartDto['orderDiscount'] {
  const dto = order ? discountDto(order.discount_kind, order.discount_value, order.discount_reason, order.discount_approved_by) : null
  return dto ? { ...dto, discountCents: priced.orderDiscounts[0]?.discountCents ?? 0 } : null
}

export function toCartDto({ lines, order, promo, priced, taxes }: PricedCart): CartDto {
  let itemCount = 0
  const dtoLines = lines.map((line, index) => {
    const figures = priced.lines[index]!
    itemCount += line.quantity
    return {
      productId: line.product_id,
      sku: line.sku,
      name: line.name,
      unitPriceCents: line.price_cents,
      quantity: line.quantity,
      lineTotalCents: figures.grossCents,
      discountCents: figures.discountCents,
      taxCents: figures.taxCents,
      totalCents: figures.totalCents,
      discount: discountDto(line.discount_kind, line.discount_value, line.discount_reason, line.discount_approved_by),
      stock: line.stock,
      imageFile: line.image_file,
    }
  })
  return {
    lines: dtoLines,
    itemCount,
    subtotalCents: priced.subtotalCents,
    discountCents: priced.discountCents,
    taxCents: priced.taxCents,
    totalCents: priced.totalCents,
    taxes: priced.taxes.map((row) => ({ ...row, name: taxes.get(row.id)?.name ?? '' })),
    orderDiscount: orderDiscountDto(order, priced),
    promo: promo
      ? {
          code: promo.row.code,
          name: promo.row.name,
          discountCents: promo.discountCents,
          problem: promo.problem,
          minSpendCents: promo.row.min_spend_cents,
          qualifyingCents: promo.qualifyingCents,
        }
      : null,
  }
}
