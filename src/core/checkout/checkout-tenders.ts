import type { PaymentInput, TenderInput } from '#shared/contract/checkout'
import type { InvoiceDto, InvoiceTenderDto, PaymentMethod } from '#shared/contract/invoices'
import { formatMoney } from '#shared/money/money'
import { firstRefusal, settle, type SettleTender, type Settlement } from '#shared/money/tenders'
import type { StoreSettings } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { uuidv7 } from '#core/common/ids'
import type { BoundStatements } from '#core/db/statements'
import { toTenderDto } from '#core/invoices/invoices.service'
import { isTokenExpired, normalizeTokenCode } from '#core/tokens/tokens.service'
import type { CHECKOUT_SQL, TokenRow } from './checkout.statements'

type CheckoutSql = BoundStatements<typeof CHECKOUT_SQL>

/** A payment as `checkout:pay` takes it: one tender (as before split tenders) or several. */
export interface PaymentRequest {
  payment?: PaymentInput | undefined
  payments?: TenderInput[] | undefined
}

/** One tender as it will be stored (`invoice_tender`) and debited. */
interface TakenTender {
  method: TenderInput['method']
  amountCents: number
  tenderedCents: number | null
  changeCents: number | null
  token: TokenRow | null
  tokenBalanceAfterCents: number | null
  wallet: string | null
  reference: string | null
}

/** The invoice's own columns that say how it was paid. */
export interface PaymentColumns {
  payment_method: PaymentMethod
  token_id: number | null
  token_last4: string | null
  token_balance_after_cents: number | null
  tendered_cents: number | null
  change_cents: number | null
  rounding_cents: number
}

export interface TakenPayment {
  columns: PaymentColumns
  tenders: TakenTender[]
}

/**
 * The tenders as given. A lone token of the one-tender form pays the whole sale or nothing (as it
 * always has: INSUFFICIENT_BALANCE when short); in a split it pays what its balance allows.
 */
function tendersOf(request: PaymentRequest, totalCents: number): TenderInput[] {
  if (request.payments) return request.payments
  const payment = request.payment!
  return [payment.method === 'token' ? { method: 'token', token: payment.token, amountCents: totalCents } : payment]
}

function fieldOf(request: PaymentRequest, index: number, name?: string): string {
  const base = request.payments ? `payments.${index}` : 'payment'
  return name ? `${base}.${name}` : base
}

/** The store's own spelling of a wallet it takes (names are matched without regard to case or spaces around). */
function walletOf(typed: string, settings: StoreSettings): string | undefined {
  const key = typed.trim().toLowerCase()
  return settings.wallets.find((name) => name.trim().toLowerCase() === key)
}

/**
 * Checks every tender and takes them: wallets the store takes, tokens known, switched on and not
 * expired, then the shared settlement (`settle`) — what each pays, the cash rounding, the change —
 * and every token debited with the conditional update. Throws the refusal that applies first;
 * inside the checkout's transaction, so a refusal after a debit rolls the debit back too.
 */
export function takeTenders(
  sql: CheckoutSql,
  request: PaymentRequest,
  totalCents: number,
  settings: StoreSettings,
  now: Date,
): TakenPayment {
  const given = tendersOf(request, totalCents)
  const wallets = given.map((tender, index) => {
    if (tender.method !== 'wallet') return null
    const wallet = walletOf(tender.wallet, settings)
    if (!wallet) {
      throw new DomainError('VALIDATION_FAILED', `The store does not take the wallet '${tender.wallet.trim().slice(0, 30)}'.`, {
        rule: 'unknownWallet',
        field: fieldOf(request, index, 'wallet'),
      })
    }
    return wallet
  })
  const tokens = given.map((tender) => {
    if (tender.method !== 'token') return null
    // A switched-off token is not found, so it is refused exactly like an unknown code.
    const token = sql.token(normalizeTokenCode(tender.token))
    if (!token) throw new DomainError('INVALID_TOKEN', `Invalid token '${tender.token.trim()}'`, { token: tender.token.trim() })
    if (isTokenExpired(token.expires_on, now, settings.timeZone)) throw new DomainError('TOKEN_EXPIRED', 'Token has expired')
    return token
  })

  const settlement = settle(
    totalCents,
    given.map((tender, index): SettleTender => {
      if (tender.method === 'token') return { method: 'token', balanceCents: tokens[index]!.balance_cents, amountCents: tender.amountCents }
      return tender.method === 'cash' ? tender : { method: tender.method, amountCents: tender.amountCents }
    }),
    { incrementCents: settings.cashRoundingIncrementCents, mode: settings.cashRoundingMode },
  )
  refuseUnsettled(settlement, given, request, totalCents, settings)

  const tenders = given.map((tender, index): TakenTender => {
    const settled = settlement.tenders[index]!
    const token = tokens[index] ?? null
    let balanceAfter: number | null = null
    if (token) {
      // Conditional: two tills paying with one token cannot both spend the same balance.
      if (sql.debitToken({ id: token.id, amount: settled.amountCents }).changes !== 1) {
        throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance')
      }
      balanceAfter = token.balance_cents - settled.amountCents
    }
    return {
      method: tender.method,
      amountCents: settled.amountCents,
      tenderedCents: settled.tenderedCents ?? null,
      changeCents: settled.changeCents ?? null,
      token,
      tokenBalanceAfterCents: balanceAfter,
      wallet: wallets[index] ?? null,
      reference: tender.method === 'card' || tender.method === 'wallet' ? tender.reference : null,
    }
  })

  const only = tenders.length === 1 ? tenders[0]! : undefined
  const cash = tenders.find((tender) => tender.method === 'cash')
  return {
    columns: {
      payment_method: only ? only.method : 'split',
      token_id: only?.token?.id ?? null,
      token_last4: only?.token ? only.token.code.slice(-4) : null,
      token_balance_after_cents: only?.token ? only.tokenBalanceAfterCents : null,
      tendered_cents: cash ? cash.tenderedCents : null,
      change_cents: cash ? cash.changeCents : null,
      rounding_cents: settlement.roundingCents,
    },
    tenders,
  }
}

function refuseUnsettled(
  settlement: Settlement,
  given: TenderInput[],
  request: PaymentRequest,
  totalCents: number,
  settings: StoreSettings,
): void {
  const refused = firstRefusal(settlement)
  if (refused) {
    const { index, tender, refusal } = refused
    switch (refusal) {
      case 'overBalance':
      case 'noBalance':
        throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance')
      case 'overDue':
        throw new DomainError(
          'VALIDATION_FAILED',
          `Tender ${index + 1} (${tender.method}) is more than the ${formatMoney(tender.dueBeforeCents, settings)} still due.`,
          { rule: 'tenderOverDue', field: fieldOf(request, index, 'amountCents'), max: tender.dueBeforeCents },
        )
      case 'nothingDue':
      case 'secondCash':
        throw new DomainError('VALIDATION_FAILED', `The tenders before tender ${index + 1} already pay the whole sale.`, {
          rule: 'tenderNotNeeded',
          field: fieldOf(request, index),
        })
    }
  }
  if (settlement.settled) return
  const params = { tenderedCents: settlement.tenderedCents, totalCents, dueCents: settlement.dueCents }
  const onlyCash = given.length === 1 && given[0]!.method === 'cash'
  if (onlyCash) {
    const owed = settlement.tenderedCents + settlement.dueCents
    throw new DomainError(
      'INSUFFICIENT_TENDER',
      `Cash tendered ${formatMoney(settlement.tenderedCents, settings)} is less than the ${owed === totalCents ? 'total' : 'amount due'} ${formatMoney(owed, settings)}.`,
      params,
    )
  }
  throw new DomainError('INSUFFICIENT_TENDER', `The tenders leave ${formatMoney(settlement.dueCents, settings)} still to pay.`, params)
}

/** After the invoice row: each tender's row, and each token's ledger row (its own debit). */
export function writeTenders(sql: CheckoutSql, payment: TakenPayment, invoiceId: number, tillId: string, now: Date): InvoiceTenderDto[] {
  const at = now.toISOString()
  return payment.tenders.map((tender, position) => {
    if (tender.token) {
      sql.insertLedger(uuidv7(now), tillId, tender.token.id, -tender.amountCents, tender.tokenBalanceAfterCents!, invoiceId, at)
    }
    const row = {
      uid: uuidv7(now),
      till_id: tillId,
      invoice_id: invoiceId,
      position,
      method: tender.method,
      amount_cents: tender.amountCents,
      tendered_cents: tender.tenderedCents,
      change_cents: tender.changeCents,
      token_id: tender.token?.id ?? null,
      token_last4: tender.token ? tender.token.code.slice(-4) : null,
      token_balance_after_cents: tender.tokenBalanceAfterCents,
      wallet: tender.wallet,
      reference: tender.reference,
    }
    sql.insertTender(row)
    return toTenderDto(row)
  })
}

/** What a sale took, as figures (the screen words it); the same for a sale and its replay. */
export function paidFigures(invoice: InvoiceDto) {
  const tokens = invoice.tenders.filter((tender) => tender.method === 'token')
  const cash = invoice.tenders.find((tender) => tender.method === 'cash')
  return {
    method: invoice.paymentMethod,
    amountCents: invoice.tenders.reduce((sum, tender) => sum + tender.amountCents, 0),
    ...(cash ? { changeCents: cash.changeCents ?? 0 } : {}),
    ...(tokens.length === 1 ? { tokenBalanceCents: tokens[0]!.tokenBalanceAfterCents ?? 0 } : {}),
    tenders: invoice.tenders,
    roundingCents: invoice.roundingCents,
  }
}
