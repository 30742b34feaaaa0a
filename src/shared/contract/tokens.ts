import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, isoDate, isoDateTime, nonNegativeCents, protectedInput, text } from './common'

/** A token as typed or scanned (its card's QR types the code and Enter): case-insensitive, trimmed. */
export const tokenCode = text(64).min(1)

export const TOKEN_LEDGER_REASONS = ['issue', 'topUp', 'sale', 'refund', 'adjust', 'expire'] as const

export const tokenDto = z.strictObject({
  id,
  code: z.string(),
  balanceCents: nonNegativeCents,
  /** Last valid day, store-local, inclusive. */
  expiresOn: isoDate,
  holderName: z.string().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  /** Past its last day (in the store's time zone, today). */
  expired: z.boolean(),
  createdAt: isoDateTime,
})
export type TokenDto = z.infer<typeof tokenDto>

export const tokenLedgerEntryDto = z.strictObject({
  id,
  deltaCents: z.int(),
  balanceAfterCents: nonNegativeCents,
  reason: z.enum(TOKEN_LEDGER_REASONS),
  note: z.string().nullable(),
  by: z.string().nullable(),
  invoiceNumber: z.int().nullable(),
  at: isoDateTime,
})
export type TokenLedgerEntryDto = z.infer<typeof tokenLedgerEntryDto>

/** The highest balance a token may hold (a prepaid card, not a bank account). */
export const MAX_TOKEN_BALANCE_CENTS = 100_000_000_000

/**
 * "Low balance" in the token list: a usable token with less left than this share (in basis points)
 * of what was put on it (its issue and top-ups): a tenth. A share, not an amount, fits any currency.
 */
export const TOKEN_LOW_BALANCE_SHARE_BPS = 1_000

/**
 * The list's filters, each a part of `all`: `active` can pay today; `expired` is switched on but past
 * its last day; `inactive` is switched off (whatever its date); `lowBalance` is the part of `active`
 * under TOKEN_LOW_BALANCE_SHARE_BPS.
 */
export const TOKEN_STATUSES = ['all', 'active', 'expired', 'inactive', 'lowBalance'] as const

export const tokensContract = {
  /** A new token with a random v4 UUID code; `expiresOn` today or later. */
  'tokens:issue': channel(
    'tokens.manage',
    protectedInput({
      balanceCents: z.int().min(1).max(MAX_TOKEN_BALANCE_CENTS),
      expiresOn: isoDate,
      holderName: text(80).optional(),
      note: text(200).optional(),
    }),
    tokenDto,
  ),
  'tokens:topUp': channel(
    'tokens.manage',
    protectedInput({ code: tokenCode, amountCents: z.int().min(1).max(MAX_TOKEN_BALANCE_CENTS), note: text(200).optional() }),
    tokenDto,
  ),
  /** Expiry, holder, deactivate (`active: false`: refused at checkout like an unknown code) or reactivate. */
  'tokens:update': channel(
    'tokens.manage',
    protectedInput({
      code: tokenCode,
      expiresOn: isoDate.optional(),
      holderName: text(80).nullable().optional(),
      active: z.boolean().optional(),
    }),
    tokenDto,
  ),
  /** The token with its whole ledger, newest first. */
  'tokens:get': channel('tokens.manage', protectedInput({ code: tokenCode }), tokenDto.extend({ ledger: z.array(tokenLedgerEntryDto) })),
  'tokens:list': channel(
    'tokens.manage',
    protectedInput({
      status: z.enum(TOKEN_STATUSES).optional(),
      /** Part of the code, or of the holder's name. */
      query: text(80).optional(),
      limit: z.int().min(1).max(200).optional(),
      offset: z.int().min(0).max(10_000_000).optional(),
    }),
    z.strictObject({ items: z.array(tokenDto), total: z.int().min(0) }),
  ),
  /** For a customer who asks at the till. An unknown code is INVALID_TOKEN; a switched-off one answers `active: false`. */
  'tokens:balance': channel(
    'signedIn',
    z.strictObject({ code: tokenCode }),
    z.strictObject({ balanceCents: nonNegativeCents, expiresOn: isoDate, active: z.boolean(), expired: z.boolean() }),
  ),
}
