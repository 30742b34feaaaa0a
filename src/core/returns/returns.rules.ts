/**
 * What a return gives back, as pure figures (DESIGN §3.4): per line, the share of what the customer
 * paid for the line (its total: its own discount, its share of the sale's discounts and promo, and
 * tax, all in it); then the refunds, to the sale's own tenders in a fixed order, each at most what it
 * paid less what earlier returns gave back to it, and the cash part rounded like the sale's.
 */
import { roundCash, type CashRounding } from '#shared/money/pricing'

/**
 * `part` of `whole` units' share of `amountCents`, rounded half up, so that the shares of consecutive
 * parts are differences of one function and the last one makes the whole amount exactly. BigInt: an
 * amount times a quantity may pass 2^53.
 */
export function shareOf(amountCents: number, part: number, whole: number): number {
  if (part <= 0) return 0
  if (part >= whole) return amountCents
  const doubled = 2n * BigInt(amountCents) * BigInt(part) + BigInt(whole)
  return Number(doubled / (2n * BigInt(whole)))
}

export interface SoldLine {
  quantity: number
  totalCents: number
  taxCents: number
}

/**
 * What `quantity` more units of a line are worth, after `returnedBefore` were taken back by earlier
 * returns: the difference of two cumulative shares, so however a line is returned, piece by piece or
 * at once, the refunds add up to exactly what was paid for it.
 */
export function lineRefund(line: SoldLine, returnedBefore: number, quantity: number): { refundCents: number; taxCents: number } {
  const after = returnedBefore + quantity
  return {
    refundCents: shareOf(line.totalCents, after, line.quantity) - shareOf(line.totalCents, returnedBefore, line.quantity),
    taxCents: shareOf(line.taxCents, after, line.quantity) - shareOf(line.taxCents, returnedBefore, line.quantity),
  }
}

export type RefundMethod = 'token' | 'cash' | 'card' | 'wallet'

/** One of the sale's tenders, with what it paid and what earlier returns gave back to it. */
export interface RefundableTender {
  position: number
  method: RefundMethod
  paidCents: number
  refundedCents: number
}

export interface CashHistory {
  /** What earlier returns of this sale paid out in cash, and the rounding they made doing it. */
  refundedCents: number
  roundingCents: number
}

export interface RefundPlan {
  /** The tender's position on the sale and what goes back to it, in the order refunds are made. */
  refunds: { position: number; method: RefundMethod; amountCents: number }[]
  /** Cash paid out − the cash part's exact share. */
  roundingCents: number
  /** What no tender could take: 0 unless the sale's figures are inconsistent (no cash tender to take the rest). */
  unplacedCents: number
}

const ORDER: Record<RefundMethod, number> = { token: 0, card: 1, wallet: 1, cash: 2 }

/**
 * Places `goodsCents` on the sale's tenders: tokens first, then card and wallet, then cash (each group
 * in the order the sale took them), none above what it paid less earlier refunds. The cash part is
 * rounded cumulatively — what all of this sale's returns have paid out in cash is the rounding of all
 * their exact cash shares — so two half returns give back what one full return would.
 */
export function planRefunds(
  goodsCents: number,
  tenders: readonly RefundableTender[],
  cash: CashHistory,
  rounding: CashRounding,
): RefundPlan {
  const ordered = [...tenders].sort((a, b) => ORDER[a.method] - ORDER[b.method] || a.position - b.position)
  const refunds: RefundPlan['refunds'] = []
  let left = goodsCents
  let roundingCents = 0
  for (const tender of ordered) {
    if (left <= 0) break
    const room = Math.max(0, tender.paidCents - tender.refundedCents)
    if (tender.method !== 'cash') {
      const amountCents = Math.min(left, room)
      if (amountCents > 0) refunds.push({ position: tender.position, method: tender.method, amountCents })
      left -= amountCents
      continue
    }
    // Cash comes last and takes whatever is left, rounded; never more than it paid less earlier refunds
    // (a rounding setting changed since the sale cannot make a refund exceed what the drawer took).
    const cumulative = roundCash(cash.refundedCents - cash.roundingCents + left, rounding).dueCents
    const amountCents = Math.min(room, Math.max(0, cumulative - cash.refundedCents))
    if (amountCents > 0) refunds.push({ position: tender.position, method: 'cash', amountCents })
    roundingCents = amountCents - left
    left = 0
  }
  return { refunds, roundingCents, unplacedCents: Math.max(0, left) }
}
