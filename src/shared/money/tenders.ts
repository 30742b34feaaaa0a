/**
 * How the tenders of one sale settle it: what each pays, the cash part's rounding, what is still
 * due, the change. One pure function, used by core's checkout and by the pay dialog alike, so the
 * screen never works a figure out its own way (DESIGN §3.3).
 *
 * Order of application: tokens first, then card and wallet, then cash, each group in the order
 * given. A token without `amountCents` pays as much of what is left as its balance allows; no
 * non-cash tender may pay more than is due when it applies; cash goes last, so only cash gives
 * change, and only the part paid in cash is rounded (`roundCash`).
 *
 * `roundingCents` follows `roundCash`: the rounded cash due minus the exact cash part (positive
 * when the customer pays more than the price). A cash tender's `amountCents` is what stays in the
 * drawer (its rounded due), so for a settled sale
 *   Σ amountCents = totalCents + roundingCents   and   Σ tendered − changeCents = totalCents + roundingCents
 * where a non-cash tender's tendered amount is the amount it pays.
 */
import { roundCash, type CashRounding } from './pricing'

export type TenderMethod = 'token' | 'cash' | 'card' | 'wallet'

/** A tender as settling sees it. A token comes with its balance, looked up (the screen asks `tokens:balance`). */
export type SettleTender =
  | { readonly method: 'token'; readonly balanceCents: number; readonly amountCents?: number | undefined }
  | { readonly method: 'card' | 'wallet'; readonly amountCents: number }
  | { readonly method: 'cash'; readonly tenderedCents: number }

/** Why a tender cannot be taken as it is. */
export type TenderRefusal =
  /** The tenders applied before it already pay the whole sale: nothing is left for it. */
  | 'nothingDue'
  /** A token, card or wallet asked for more than is due when it applies (`dueBeforeCents`). */
  | 'overDue'
  /** A token asked for more than its balance. */
  | 'overBalance'
  /** A token without an amount and without balance: it would pay nothing. */
  | 'noBalance'
  /** A second cash tender: cash is one tender, the whole of what the customer hands over. */
  | 'secondCash'

export interface SettledTender {
  readonly method: TenderMethod
  /** What this tender pays: for cash, what stays in the drawer (its rounded due, or all of it when short). */
  readonly amountCents: number
  /** What was still due when it applied: the most a non-cash tender may pay. */
  readonly dueBeforeCents: number
  /** Cash only: what the customer handed over, and what goes back. */
  readonly tenderedCents?: number
  readonly changeCents?: number
  readonly refusal?: TenderRefusal
}

export interface Settlement {
  /** One per tender, in the order given. */
  readonly tenders: readonly SettledTender[]
  /** The cash part's rounding (0 without cash, or with a rounding increment of 1). */
  readonly roundingCents: number
  /**
   * What is still to pay after every tender: cash-rounded when cash is among them (the rest would be
   * paid in cash), exact otherwise (for a card, a wallet or a token to take).
   */
  readonly dueCents: number
  /** What is still to pay if the rest were paid in cash: cash-rounded, less any cash already tendered. */
  readonly cashDueCents: number
  /** Only from cash. */
  readonly changeCents: number
  /** Σ tender amounts: the sale's total plus rounding once it is settled. */
  readonly paidCents: number
  /** The tenders given, summed: a card's, a wallet's or a token's amount, and cash as handed over. */
  readonly tenderedCents: number
  /** Every tender can be taken and nothing is left to pay. */
  readonly settled: boolean
}

const RANK: Record<TenderMethod, number> = { token: 0, card: 1, wallet: 1, cash: 2 }

function checkCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`)
}

/**
 * Settles a sale of `totalCents` with `tenders`. Refusals are data (`refusal` on the tender): a
 * refused tender pays nothing, and the sale is not settled while any tender is refused.
 */
export function settle(totalCents: number, tenders: readonly SettleTender[], cashRounding: CashRounding): Settlement {
  checkCents(totalCents, 'The total')
  for (const tender of tenders) {
    if (tender.method === 'cash') checkCents(tender.tenderedCents, 'Cash tendered')
    else if (tender.method === 'token') {
      checkCents(tender.balanceCents, 'A token balance')
      if (tender.amountCents !== undefined) checkCents(tender.amountCents, 'A token amount')
    } else checkCents(tender.amountCents, 'A tender amount')
  }

  const settled = new Array<SettledTender>(tenders.length)
  const order = tenders
    .map((tender, index) => ({ tender, index }))
    .sort((a, b) => RANK[a.tender.method] - RANK[b.tender.method] || a.index - b.index)
  let due = totalCents
  let applied = 0
  // A sale of nothing (every line free) takes its first tender for nothing rather than refusing it; any other is not needed.
  const nothingLeft = (left: number) => left === 0 && (totalCents > 0 || applied > 0)
  let tendered = 0
  let cash: { index: number; tenderedCents: number } | undefined

  for (const { tender, index } of order) {
    const dueBeforeCents = due
    const refuse = (refusal: TenderRefusal, base: Partial<SettledTender> = {}): void => {
      settled[index] = { method: tender.method, amountCents: 0, dueBeforeCents, ...base, refusal }
    }
    if (tender.method === 'cash') {
      if (cash) refuse('secondCash', { tenderedCents: tender.tenderedCents, changeCents: 0 })
      else cash = { index, tenderedCents: tender.tenderedCents }
      continue
    }
    if (tender.method === 'token') {
      const asked = tender.amountCents
      if (asked !== undefined && asked > tender.balanceCents) refuse('overBalance')
      else if (nothingLeft(due)) refuse('nothingDue')
      else if (asked !== undefined && asked > due) refuse('overDue')
      else if (asked === undefined && tender.balanceCents === 0 && due > 0) refuse('noBalance')
      else {
        const amountCents = asked ?? Math.min(tender.balanceCents, due)
        settled[index] = { method: 'token', amountCents, dueBeforeCents }
        due -= amountCents
        tendered += amountCents
        applied += 1
      }
      continue
    }
    if (nothingLeft(due)) refuse('nothingDue')
    else if (tender.amountCents > due) refuse('overDue')
    else {
      settled[index] = { method: tender.method, amountCents: tender.amountCents, dueBeforeCents }
      due -= tender.amountCents
      tendered += tender.amountCents
      applied += 1
    }
  }

  let roundingCents = 0
  let changeCents = 0
  let cashDueCents: number
  let dueCents: number
  if (cash) {
    const cashPart = due
    tendered += cash.tenderedCents
    if (nothingLeft(cashPart)) {
      settled[cash.index] = {
        method: 'cash',
        amountCents: 0,
        dueBeforeCents: 0,
        tenderedCents: cash.tenderedCents,
        changeCents: 0,
        refusal: 'nothingDue',
      }
      cashDueCents = 0
      dueCents = 0
    } else {
      const rounded = roundCash(cashPart, cashRounding)
      roundingCents = rounded.roundingCents
      const short = cash.tenderedCents < rounded.dueCents
      changeCents = short ? 0 : cash.tenderedCents - rounded.dueCents
      settled[cash.index] = {
        method: 'cash',
        amountCents: short ? cash.tenderedCents : rounded.dueCents,
        dueBeforeCents: rounded.dueCents,
        tenderedCents: cash.tenderedCents,
        changeCents,
      }
      cashDueCents = short ? rounded.dueCents - cash.tenderedCents : 0
      dueCents = cashDueCents
    }
  } else {
    dueCents = due
    cashDueCents = roundCash(due, cashRounding).dueCents
  }

  const paidCents = settled.reduce((sum, tender) => sum + tender.amountCents, 0)
  return {
    tenders: settled,
    roundingCents,
    dueCents,
    cashDueCents,
    changeCents,
    paidCents,
    tenderedCents: tendered,
    settled: dueCents === 0 && settled.every((tender) => tender.refusal === undefined),
  }
}

/** The first refusal in the order tenders apply (the one to tell the cashier about), with its tender's index. */
export function firstRefusal(settlement: Settlement): { index: number; tender: SettledTender; refusal: TenderRefusal } | undefined {
  const refused = settlement.tenders
    .map((tender, index) => ({ tender, index }))
    .filter((entry): entry is { tender: SettledTender & { refusal: TenderRefusal }; index: number } => entry.tender.refusal !== undefined)
    .sort((a, b) => RANK[a.tender.method] - RANK[b.tender.method] || a.index - b.index)[0]
  return refused && { index: refused.index, tender: refused.tender, refusal: refused.tender.refusal }
}
