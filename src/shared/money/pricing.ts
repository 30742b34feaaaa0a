/**
 * The pricing engine: one pure function prices a sale for the cart, checkout, receipts, returns
 * and reports alike, so none of them re-derives a figure (DESIGN §3.2). Amounts are integer minor
 * units in and out; inside, every product of two numbers is a BigInt, so a line of 10^12 × 99 999
 * at 13% never leaves exact arithmetic. Rounding is half-up (away from zero) at the minor unit;
 * every split of an amount over lines (order discounts, a globally rounded tax) is the
 * largest-remainder rule with ties to the lowest key, so the result never depends on line order.
 */

export type Discount = { kind: 'percent'; bps: number } | { kind: 'amount'; cents: number }

export interface PricingTax {
  id: number
  /** 13% = 1300. */
  rateBps: number
  /** Included in the shelf price (stripped out of it) or added on top of the net. */
  included: boolean
}

export interface PricingLine {
  key: string
  unitPriceCents: number
  quantity: number
  taxes: readonly PricingTax[]
  discount?: Discount | null | undefined
}

export interface OrderDiscount {
  discount: Discount
  /** The lines it applies to (a promo's qualifying lines); every line when absent. */
  lineKeys?: readonly string[] | undefined
}

export type TaxRounding = 'perLine' | 'global'

export interface PriceSaleInput {
  /** The currency's minor digits. Amounts are minor units already, so the arithmetic is the same for 0, 2 and 3; checked only. */
  currencyDecimals: number
  taxRounding: TaxRounding
  lines: readonly PricingLine[]
  orderDiscounts?: readonly OrderDiscount[] | undefined
}

export interface PricedLine {
  key: string
  /** Unit price × quantity, as priced (tax included where a tax is included). */
  grossCents: number
  /** The line's own discount plus its shares of the order discounts. */
  discountCents: number
  /** Excluding every tax. */
  netCents: number
  taxCents: number
  totalCents: number
  /** The line's amount of each of its taxes, by tax id. */
  taxes: { id: number; taxCents: number }[]
}

export interface TaxRow {
  id: number
  rateBps: number
  included: boolean
  /** Σ net of the lines that carry this tax. */
  baseCents: number
  taxCents: number
}

export interface PricedSale {
  lines: PricedLine[]
  /** Σ line net (excluding tax). */
  subtotalCents: number
  discountCents: number
  taxCents: number
  totalCents: number
  /** One row per tax id, by id. */
  taxes: TaxRow[]
  /** What each order discount took off, in the order given. */
  orderDiscounts: { discountCents: number }[]
}

export type PricingProblem =
  /** The input breaks a rule of its own (a negative price, a duplicate key, a rate out of range…). */
  | 'invalidInput'
  /** Discounts that together need more than a line, or the lines they apply to, have left. */
  | 'discountExceedsPrice'
  /** A figure would pass Number.MAX_SAFE_INTEGER. */
  | 'tooLarge'

/** A sale the engine refuses to price; core answers VALIDATION_FAILED with `problem` as its rule. */
export class PricingError extends Error {
  constructor(
    readonly problem: PricingProblem,
    message: string,
  ) {
    super(message)
    this.name = 'PricingError'
  }
}

/** The most a tax rate may be: 100% (a rate is a share of the net). */
export const MAX_TAX_RATE_BPS = 10_000
const BPS = 10_000n

// ---------------------------------------------------------------------------------------------
// Exact arithmetic
// ---------------------------------------------------------------------------------------------

/** n ÷ d rounded half away from zero; d > 0. */
function roundHalfUp(n: bigint, d: bigint): bigint {
  const magnitude = (2n * (n < 0n ? -n : n) + d) / (2n * d)
  return n < 0n ? -magnitude : magnitude
}

/** A non-negative rational n ÷ d (d > 0): an unrounded amount. */
interface Share {
  key: string
  n: bigint
  d: bigint
}

/** a ÷ b compared with c ÷ d: negative, zero or positive. */
function compareFractions(a: bigint, b: bigint, c: bigint, d: bigint): number {
  const left = a * d
  const right = c * b
  return left < right ? -1 : left > right ? 1 : 0
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Splits `total` minor units over `shares` (unrounded amounts summing to about `total`): each gets
 * the floor of its share, and what is left goes one unit each to the largest fractional remainders,
 * ties to the lowest key. `room(key)` says how many more units a share may take (a line never goes
 * below zero); a share without room is passed over.
 */
function spread(total: bigint, shares: readonly Share[], room?: (key: string) => bigint): Map<string, bigint> {
  const out = new Map<string, bigint>()
  let left = total
  for (const share of shares) {
    const floor = share.n / share.d
    out.set(share.key, floor)
    left -= floor
  }
  if (left === 0n) return out
  const order = [...shares].sort((a, b) => {
    const byRemainder = compareFractions(b.n % b.d, b.d, a.n % a.d, a.d)
    return byRemainder !== 0 ? byRemainder : byKey(a.key, b.key)
  })
  const step = left > 0n ? 1n : -1n
  while (left !== 0n) {
    let given = false
    for (const share of order) {
      if (left === 0n) break
      const current = out.get(share.key)!
      if (step > 0n && room && room(share.key) - current < 1n) continue
      if (step < 0n && current < 1n) continue
      out.set(share.key, current + step)
      left -= step
      given = true
    }
    if (!given) throw new PricingError('discountExceedsPrice', 'An amount cannot be split over the lines without taking one below zero.')
  }
  return out
}

function toSafe(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new PricingError('tooLarge', `${what} is too large.`)
  }
  return Number(value)
}

// ---------------------------------------------------------------------------------------------
// Input checks
// ---------------------------------------------------------------------------------------------

function invalid(message: string): never {
  throw new PricingError('invalidInput', message)
}

function checkInteger(value: number, min: number, max: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) invalid(`${what} must be an integer from ${min} to ${max}, got ${value}.`)
}

function checkDiscount(discount: Discount, what: string): void {
  if (discount.kind === 'percent') checkInteger(discount.bps, 0, 10_000, `${what}'s percent (bps)`)
  else if (discount.kind === 'amount') checkInteger(discount.cents, 0, Number.MAX_SAFE_INTEGER, `${what}'s amount`)
  else invalid(`${what} has an unknown kind.`)
}

function checkInput(input: PriceSaleInput): void {
  if (![0, 2, 3].includes(input.currencyDecimals)) invalid('currencyDecimals must be 0, 2 or 3.')
  if (input.taxRounding !== 'perLine' && input.taxRounding !== 'global') invalid('taxRounding must be perLine or global.')
  const keys = new Set<string>()
  const taxes = new Map<number, PricingTax>()
  for (const line of input.lines) {
    if (typeof line.key !== 'string' || line.key === '' || keys.has(line.key))
      invalid(`Line keys must be unique and not empty ('${line.key}').`)
    keys.add(line.key)
    checkInteger(line.unitPriceCents, 0, Number.MAX_SAFE_INTEGER, `Line ${line.key}'s unit price`)
    checkInteger(line.quantity, 1, Number.MAX_SAFE_INTEGER, `Line ${line.key}'s quantity`)
    const own = new Set<number>()
    for (const tax of line.taxes) {
      checkInteger(tax.id, 1, Number.MAX_SAFE_INTEGER, `A tax id on line ${line.key}`)
      checkInteger(tax.rateBps, 0, MAX_TAX_RATE_BPS, `Tax ${tax.id}'s rate (bps)`)
      if (own.has(tax.id)) invalid(`Tax ${tax.id} is on line ${line.key} twice.`)
      own.add(tax.id)
      const seen = taxes.get(tax.id)
      if (seen && (seen.rateBps !== tax.rateBps || seen.included !== tax.included))
        invalid(`Tax ${tax.id} has two different rates in one sale.`)
      taxes.set(tax.id, tax)
    }
    if (line.discount) checkDiscount(line.discount, `Line ${line.key}'s discount`)
  }
  for (const order of input.orderDiscounts ?? []) {
    checkDiscount(order.discount, 'An order discount')
    for (const key of order.lineKeys ?? [])
      if (!keys.has(key)) invalid(`An order discount names line '${key}', which the sale does not have.`)
  }
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

interface Working {
  line: PricingLine
  gross: bigint
  own: bigint
  discount: bigint
  /** Gross − discount: what the line costs, tax included where included. */
  amount: bigint
  included: bigint
  net: bigint
  taxes: Map<number, bigint>
}

function percentOf(bps: number, base: bigint): bigint {
  return roundHalfUp(BigInt(bps) * base, BPS)
}

function ownDiscount(line: PricingLine, gross: bigint): bigint {
  const { discount } = line
  if (!discount) return 0n
  const cents = discount.kind === 'percent' ? percentOf(discount.bps, gross) : BigInt(discount.cents)
  if (cents > gross) throw new PricingError('discountExceedsPrice', `Line ${line.key}'s discount is more than the line.`)
  return cents
}

/**
 * A line's price after its own discount, as the engine takes it (a promo's minimum spend is counted
 * on it). Refuses what priceSale refuses for the line.
 */
export function lineAfterOwnDiscount(line: Pick<PricingLine, 'key' | 'unitPriceCents' | 'quantity' | 'discount'>): number {
  checkInteger(line.unitPriceCents, 0, Number.MAX_SAFE_INTEGER, `Line ${line.key}'s unit price`)
  checkInteger(line.quantity, 1, Number.MAX_SAFE_INTEGER, `Line ${line.key}'s quantity`)
  if (line.discount) checkDiscount(line.discount, `Line ${line.key}'s discount`)
  const gross = BigInt(line.unitPriceCents) * BigInt(line.quantity)
  return toSafe(gross - ownDiscount({ ...line, taxes: [] }, gross), `Line ${line.key}`)
}

function applyOrderDiscounts(work: readonly Working[], orders: readonly OrderDiscount[]): bigint[] {
  const taken: bigint[] = []
  // Every order discount is taken from each line's gross after its own discount (they do not compound).
  const bases = new Map(work.map((w) => [w.line.key, w.gross - w.own]))
  for (const order of orders) {
    const named = order.lineKeys ? new Set(order.lineKeys) : null
    const lines = work.filter((w) => !named || named.has(w.line.key))
    const base = lines.reduce((sum, w) => sum + bases.get(w.line.key)!, 0n)
    const { discount } = order
    const cents = discount.kind === 'percent' ? percentOf(discount.bps, base) : BigInt(discount.cents)
    taken.push(cents)
    if (cents === 0n) continue
    if (cents > base) throw new PricingError('discountExceedsPrice', 'An order discount is more than the lines it applies to.')
    const shares = spread(
      cents,
      lines.map((w) => ({ key: w.line.key, n: cents * bases.get(w.line.key)!, d: base })),
    )
    for (const w of lines) w.discount += shares.get(w.line.key)!
  }
  for (const w of work) {
    if (w.discount > w.gross) throw new PricingError('discountExceedsPrice', `The discounts on line ${w.line.key} are more than the line.`)
  }
  return taken
}

/** Each tax's unrounded amount per line, as rationals. */
type Unrounded = Map<number, Share[]>

function addShare(map: Unrounded, taxId: number, share: Share): void {
  const list = map.get(taxId)
  if (list) list.push(share)
  else map.set(taxId, [share])
}

/** Settles unrounded tax amounts into lines: per line each rounded alone, globally each tax's sum rounded once and spread back. */
function settle(work: Map<string, Working>, unrounded: Unrounded, rounding: TaxRounding, room?: (key: string) => bigint): void {
  for (const taxId of [...unrounded.keys()].sort((a, b) => a - b)) {
    const shares = unrounded.get(taxId)!
    let amounts: Map<string, bigint>
    if (rounding === 'perLine') {
      amounts = new Map(shares.map((share) => [share.key, roundHalfUp(share.n, share.d)]))
    } else {
      // Σ n_i/d_i over one common denominator (the lcm of the few distinct ones).
      let d = 1n
      for (const share of shares) d = lcm(d, share.d)
      const n = shares.reduce((sum, share) => sum + share.n * (d / share.d), 0n)
      amounts = spread(roundHalfUp(n, d), shares, room)
    }
    for (const [key, cents] of amounts) {
      const w = work.get(key)!
      w.taxes.set(taxId, cents)
    }
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b
}

/** Prices a sale (DESIGN §3.2). Throws PricingError for input it refuses; changes nothing it is given. */
export function priceSale(input: PriceSaleInput): PricedSale {
  checkInput(input)
  const work: Working[] = input.lines.map((line) => {
    const gross = BigInt(line.unitPriceCents) * BigInt(line.quantity)
    const own = ownDiscount(line, gross)
    return { line, gross, own, discount: own, amount: 0n, included: 0n, net: 0n, taxes: new Map() }
  })
  const orderTaken = applyOrderDiscounts(work, input.orderDiscounts ?? [])
  const byLineKey = new Map(work.map((w) => [w.line.key, w]))

  // Included taxes come out of the amount together: each = amount × rate ÷ (1 + Σ included rates).
  const included: Unrounded = new Map()
  for (const w of work) {
    w.amount = w.gross - w.discount
    const rates = w.line.taxes.filter((tax) => tax.included)
    const sum = rates.reduce((total, tax) => total + BigInt(tax.rateBps), 0n)
    for (const tax of rates) addShare(included, tax.id, { key: w.line.key, n: w.amount * BigInt(tax.rateBps), d: BPS + sum })
  }
  settle(byLineKey, included, input.taxRounding, (key) => {
    const w = byLineKey.get(key)!
    let taken = 0n
    for (const cents of w.taxes.values()) taken += cents
    return w.amount - taken
  })
  for (const w of work) {
    for (const cents of w.taxes.values()) w.included += cents
    w.net = w.amount - w.included
    if (w.net < 0n) throw new PricingError('invalidInput', `Line ${w.line.key}'s included taxes are more than its amount.`)
  }

  // Excluded taxes on the line's final net.
  const excluded: Unrounded = new Map()
  for (const w of work) {
    for (const tax of w.line.taxes)
      if (!tax.included) addShare(excluded, tax.id, { key: w.line.key, n: w.net * BigInt(tax.rateBps), d: BPS })
  }
  settle(byLineKey, excluded, input.taxRounding)

  const rows = new Map<number, { tax: PricingTax; base: bigint; cents: bigint }>()
  let subtotal = 0n
  let discount = 0n
  let tax = 0n
  let total = 0n
  const lines = work.map((w): PricedLine => {
    let lineTax = 0n
    const taxes: { id: number; taxCents: number }[] = []
    for (const lineTaxDef of [...w.line.taxes].sort((a, b) => a.id - b.id)) {
      const cents = w.taxes.get(lineTaxDef.id) ?? 0n
      lineTax += cents
      taxes.push({ id: lineTaxDef.id, taxCents: toSafe(cents, 'A tax') })
      const row = rows.get(lineTaxDef.id) ?? { tax: lineTaxDef, base: 0n, cents: 0n }
      row.base += w.net
      row.cents += cents
      rows.set(lineTaxDef.id, row)
    }
    const lineTotal = w.net + lineTax
    subtotal += w.net
    discount += w.discount
    tax += lineTax
    total += lineTotal
    return {
      key: w.line.key,
      grossCents: toSafe(w.gross, `Line ${w.line.key}`),
      discountCents: toSafe(w.discount, `Line ${w.line.key}'s discount`),
      netCents: toSafe(w.net, `Line ${w.line.key}'s net`),
      taxCents: toSafe(lineTax, `Line ${w.line.key}'s tax`),
      totalCents: toSafe(lineTotal, `Line ${w.line.key}'s total`),
      taxes,
    }
  })
  return {
    lines,
    subtotalCents: toSafe(subtotal, 'The subtotal'),
    discountCents: toSafe(discount, 'The discount'),
    taxCents: toSafe(tax, 'The tax'),
    totalCents: toSafe(total, 'The total'),
    taxes: [...rows.values()]
      .sort((a, b) => a.tax.id - b.tax.id)
      .map((row) => ({
        id: row.tax.id,
        rateBps: row.tax.rateBps,
        included: row.tax.included,
        baseCents: toSafe(row.base, 'A tax base'),
        taxCents: toSafe(row.cents, 'A tax'),
      })),
    orderDiscounts: orderTaken.map((cents) => ({ discountCents: toSafe(cents, 'An order discount') })),
  }
}

// ---------------------------------------------------------------------------------------------
// Cash rounding
// ---------------------------------------------------------------------------------------------

export type CashRoundingMode = 'halfUp' | 'up' | 'down' | 'halfEven'

export interface CashRounding {
  /** The smallest amount the drawer pays out: 100 for NPR 1.00, 5 for CHF 0.05; 1 = no rounding. */
  incrementCents: number
  mode: CashRoundingMode
}

export const NO_CASH_ROUNDING: CashRounding = { incrementCents: 1, mode: 'halfUp' }

/**
 * Rounds an amount paid in cash to the store's increment. A negative amount (a cash refund) is
 * rounded by its magnitude and keeps its sign, so a refund rounds like the sale it undoes.
 */
export function roundCash(amountCents: number, rounding: CashRounding): { dueCents: number; roundingCents: number } {
  checkInteger(amountCents, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'The cash amount')
  checkInteger(rounding.incrementCents, 1, Number.MAX_SAFE_INTEGER, 'The cash rounding increment')
  const increment = BigInt(rounding.incrementCents)
  const magnitude = BigInt(Math.abs(amountCents))
  const units = magnitude / increment
  const rest = magnitude % increment
  let rounded: bigint
  switch (rounding.mode) {
    case 'down':
      rounded = units
      break
    case 'up':
      rounded = rest === 0n ? units : units + 1n
      break
    case 'halfUp':
      rounded = 2n * rest >= increment ? units + 1n : units
      break
    case 'halfEven':
      rounded = 2n * rest > increment || (2n * rest === increment && units % 2n === 1n) ? units + 1n : units
      break
    default:
      invalid('Unknown cash rounding mode.')
  }
  const magnitudeDue = toSafe(rounded * increment, 'The rounded amount')
  const due = amountCents < 0 && magnitudeDue !== 0 ? -magnitudeDue : magnitudeDue
  return { dueCents: due, roundingCents: due - amountCents }
}
