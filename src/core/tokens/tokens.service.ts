import { randomUUID } from 'node:crypto'
import type { EntityManager } from '@mikro-orm/sqlite'
import { sql } from 'kysely'
import {
  MAX_TOKEN_BALANCE_CENTS,
  TOKEN_LOW_BALANCE_SHARE_BPS,
  type TOKEN_STATUSES,
  type TokenDto,
  type TokenLedgerEntryDto,
} from '#shared/contract/tokens'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { uuidv7 } from '#core/common/ids'
import { Token, TokenLedgerEntry } from '#core/db/entities'
import { read, write, type Writer } from '#core/db/tx'
import { storeDate } from '#core/common/store-day'
import { isTokenExpired, normalizeTokenCode } from './token.rules'

export { isTokenExpired, normalizeTokenCode } from './token.rules'

/** What the token channels need of the store's settings: the time zone its days are counted in. */
export interface TokenEnv {
  timeZone: string
}

export interface IssueTokenRequest {
  balanceCents: number
  expiresOn: string
  holderName?: string | undefined
  note?: string | undefined
}

export interface TokenUpdate {
  code: string
  expiresOn?: string | undefined
  holderName?: string | null | undefined
  active?: boolean | undefined
}

export interface TokenListQuery {
  status: (typeof TOKEN_STATUSES)[number]
  query?: string | undefined
  limit: number
  offset: number
}

interface TokenFields {
  id: number
  code: string
  balanceCents: number
  expiresOn: string
  holderName: string | null | undefined
  note: string | null | undefined
  active: boolean
  createdAt: string
}

function toTokenDto(token: TokenFields, now: Date, env: TokenEnv): TokenDto {
  return {
    id: token.id,
    code: token.code,
    balanceCents: token.balanceCents,
    expiresOn: token.expiresOn,
    holderName: token.holderName ?? null,
    note: token.note ?? null,
    active: token.active,
    expired: isTokenExpired(token.expiresOn, now, env.timeZone),
    createdAt: token.createdAt,
  }
}

/** Empty text is no text: a holder cleared on the form is stored as none. */
const orNull = (value: string | null | undefined): string | null => (value ? value : null)

/** The code as people read it in the audit trail: the last four characters, as receipts print it. */
const subjectOf = (token: { code: string }) => `token …${token.code.slice(-4)}`

function refusePastDate(expiresOn: string, now: Date, env: TokenEnv): void {
  if (expiresOn < storeDate(now, env.timeZone)) {
    throw new DomainError('VALIDATION_FAILED', `The expiry date ${expiresOn} is already past.`, { rule: 'pastDate', field: 'expiresOn' })
  }
}

async function tokenByCode(em: EntityManager, typed: string): Promise<Token> {
  const token = await em.findOne(Token, { code: normalizeTokenCode(typed) })
  if (!token) throw new DomainError('NOT_FOUND', `No token with code '${typed.trim()}'.`, { what: 'token', code: typed.trim() })
  return token
}

/** A balance change: the token's new balance, its ledger row, and the audit row, in one transaction. */
function recordBalanceChange(
  tx: Pick<Writer<never>, 'em' | 'tillId' | 'audit'>,
  token: Token,
  change: { reason: 'issue' | 'topUp'; deltaCents: number; note: string | null },
  actor: SessionUser,
  now: Date,
): void {
  tx.em.create(TokenLedgerEntry, {
    token,
    deltaCents: change.deltaCents,
    balanceAfterCents: token.balanceCents,
    reason: change.reason,
    invoice: null,
    note: change.note,
    user: actor.id,
    at: now.toISOString(),
    uid: uuidv7(now),
    tillId: tx.tillId,
  })
  tx.audit({
    action: change.reason === 'issue' ? 'token.issued' : 'token.toppedUp',
    actor: { id: actor.id, name: actor.displayName },
    subject: subjectOf(token),
    details: { tokenId: token.id, amountCents: change.deltaCents, balanceCents: token.balanceCents },
  })
}

/** A new token with a random v4 UUID code and its opening balance as the first ledger row. */
export function issueToken(ctx: DbContext, request: IssueTokenRequest, actor: SessionUser, env: TokenEnv): Promise<TokenDto> {
  const now = ctx.now()
  refusePastDate(request.expiresOn, now, env)
  return write(ctx, async (tx) => {
    const token = tx.em.create(Token, {
      code: randomUUID().toLowerCase(),
      balanceCents: request.balanceCents,
      expiresOn: request.expiresOn,
      createdAt: now.toISOString(),
      holderName: orNull(request.holderName),
      note: orNull(request.note),
      active: true,
    })
    // The id is in the audit row.
    await tx.em.flush()
    recordBalanceChange(tx, token, { reason: 'issue', deltaCents: request.balanceCents, note: orNull(request.note) }, actor, now)
    return toTokenDto(token, now, env)
  })
}

/** Adds to a token's balance, never past MAX_TOKEN_BALANCE_CENTS. */
export function topUpToken(
  ctx: DbContext,
  request: { code: string; amountCents: number; note?: string | undefined },
  actor: SessionUser,
  env: TokenEnv,
): Promise<TokenDto> {
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const token = await tokenByCode(tx.em, request.code)
    if (token.balanceCents + request.amountCents > MAX_TOKEN_BALANCE_CENTS) {
      throw new DomainError('VALIDATION_FAILED', `A token can hold at most ${MAX_TOKEN_BALANCE_CENTS} minor units.`, {
        rule: 'maxBalance',
        field: 'amountCents',
        max: MAX_TOKEN_BALANCE_CENTS,
      })
    }
    token.balanceCents += request.amountCents
    recordBalanceChange(tx, token, { reason: 'topUp', deltaCents: request.amountCents, note: orNull(request.note) }, actor, now)
    return toTokenDto(token, now, env)
  })
}

/**
 * Changes expiry, holder or the on/off switch; one audit row names what changed (none when nothing
 * did). A new expiry may not be past; an unchanged one may (the form sends it back as it was).
 */
export function updateToken(ctx: DbContext, update: TokenUpdate, actor: SessionUser, env: TokenEnv): Promise<TokenDto> {
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const token = await tokenByCode(tx.em, update.code)
    const details: Record<string, string | boolean | null> = {}
    if (update.expiresOn !== undefined && update.expiresOn !== token.expiresOn) {
      refusePastDate(update.expiresOn, now, env)
      details['expiresOnBefore'] = token.expiresOn
      details['expiresOn'] = update.expiresOn
      token.expiresOn = update.expiresOn
    }
    if (update.holderName !== undefined && orNull(update.holderName) !== (token.holderName ?? null)) {
      details['holderNameBefore'] = token.holderName ?? null
      details['holderName'] = orNull(update.holderName)
      token.holderName = orNull(update.holderName)
    }
    if (update.active !== undefined && update.active !== token.active) {
      details['active'] = update.active
      token.active = update.active
    }
    if (Object.keys(details).length > 0) {
      tx.audit({
        action: 'token.updated',
        actor: { id: actor.id, name: actor.displayName },
        subject: subjectOf(token),
        details: { tokenId: token.id, ...details },
      })
    }
    return toTokenDto(token, now, env)
  })
}

/** The token and its whole ledger, newest first; a sale names its cashier, a top-up its manager. */
export function getToken(ctx: DbContext, code: string, env: TokenEnv): Promise<ChannelOutput<'tokens:get'>> {
  const now = ctx.now()
  return read(ctx, async ({ em, kysely }) => {
    const token = await tokenByCode(em, code)
    const rows = await kysely
      .selectFrom('token_ledger_entry as e')
      .leftJoin('user as u', 'u.id', 'e.user_id')
      .leftJoin('invoice as i', 'i.id', 'e.invoice_id')
      .where('e.token_id', '=', token.id)
      .select([
        'e.id',
        'e.delta_cents',
        'e.balance_after_cents',
        'e.reason',
        'e.note',
        'e.at',
        'u.display_name',
        'i.number',
        'i.cashier_name',
      ])
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .execute()
    const ledger = rows.map((row): TokenLedgerEntryDto => ({
      id: row.id,
      deltaCents: row.delta_cents,
      balanceAfterCents: row.balance_after_cents,
      reason: row.reason,
      note: row.note ?? null,
      by: row.display_name ?? row.cashier_name ?? null,
      invoiceNumber: row.number ?? null,
      at: row.at,
    }))
    return { ...toTokenDto(token, now, env), ledger }
  })
}

/**
 * One page of tokens, newest first, with the count of all that match. The filters are computed in
 * SQL against the store's today, so paging never loads more than a page.
 */
export function listTokens(ctx: DbContext, { status, query, limit, offset }: TokenListQuery, env: TokenEnv) {
  const now = ctx.now()
  const today = storeDate(now, env.timeZone)
  return read(ctx, async ({ kysely }) => {
    let filtered = kysely.selectFrom('token as t')
    // SQLite keeps booleans as 0 and 1.
    if (status === 'inactive') filtered = filtered.where(sql<boolean>`t.active = 0`)
    else if (status === 'expired') filtered = filtered.where(sql<boolean>`t.active = 1`).where('t.expires_on', '<', today)
    else if (status === 'active' || status === 'lowBalance') {
      filtered = filtered.where(sql<boolean>`t.active = 1`).where('t.expires_on', '>=', today)
    }
    if (status === 'lowBalance') {
      const loaded = sql<number>`(select coalesce(sum(e.delta_cents), 0) from token_ledger_entry e where e.token_id = t.id and e.reason in ('issue', 'topUp'))`
      filtered = filtered.where(sql<boolean>`t.balance_cents * 10000 < ${TOKEN_LOW_BALANCE_SHARE_BPS} * ${loaded}`)
    }
    const text = query?.trim()
    if (text) {
      // Matched literally (LIKE's own wildcards in the text are escaped) and, like codes, in any case.
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      filtered = filtered.where((eb) =>
        eb.or([sql<boolean>`t.code like ${pattern} escape '\\'`, sql<boolean>`t.holder_name like ${pattern} escape '\\'`]),
      )
    }
    const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const rows = await filtered
      .select(['t.id', 't.code', 't.balance_cents', 't.expires_on', 't.holder_name', 't.note', 't.active', 't.created_at'])
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute()
    return {
      items: rows.map((row) =>
        toTokenDto(
          {
            id: row.id,
            code: row.code,
            balanceCents: row.balance_cents,
            expiresOn: row.expires_on,
            holderName: row.holder_name,
            note: row.note,
            active: Boolean(row.active),
            createdAt: row.created_at,
          },
          now,
          env,
        ),
      ),
      total: Number(counted.total),
    }
  })
}

/** For the till: a customer asks what is left. An unknown code is refused like checkout refuses it. */
export function tokenBalance(ctx: DbContext, typed: string, env: TokenEnv): Promise<ChannelOutput<'tokens:balance'>> {
  const now = ctx.now()
  return read(ctx, async ({ em }) => {
    const token = await em.findOne(Token, { code: normalizeTokenCode(typed) })
    if (!token) throw new DomainError('INVALID_TOKEN', `Invalid token '${typed.trim()}'`, { token: typed.trim() })
    return {
      balanceCents: token.balanceCents,
      expiresOn: token.expiresOn,
      active: token.active,
      expired: isTokenExpired(token.expiresOn, now, env.timeZone),
    }
  })
}
