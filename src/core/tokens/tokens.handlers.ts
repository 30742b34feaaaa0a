import type { FeatureHandlers } from '#core/common/handler'
import type { RequestContext } from '#core/common/context'
import { signedIn } from '#core/common/signed-in'
import { getToken, issueToken, listTokens, tokenBalance, topUpToken, updateToken, type TokenEnv } from './tokens.service'

const envOf = (ctx: RequestContext): TokenEnv => ({ timeZone: ctx.settings.timeZone })

export const tokensHandlers = {
  'tokens:issue': async ({ balanceCents, expiresOn, holderName, note }, ctx) =>
    issueToken(ctx, { balanceCents, expiresOn, holderName, note }, signedIn(ctx), envOf(ctx)),
  'tokens:topUp': async ({ code, amountCents, note }, ctx) => topUpToken(ctx, { code, amountCents, note }, signedIn(ctx), envOf(ctx)),
  'tokens:update': async ({ code, expiresOn, holderName, active }, ctx) =>
    updateToken(ctx, { code, expiresOn, holderName, active }, signedIn(ctx), envOf(ctx)),
  'tokens:get': async ({ code }, ctx) => getToken(ctx, code, envOf(ctx)),
  'tokens:list': async ({ status, query, limit, offset }, ctx) =>
    listTokens(ctx, { status: status ?? 'all', query, limit: limit ?? 50, offset: offset ?? 0 }, envOf(ctx)),
  'tokens:balance': async ({ code }, ctx) => tokenBalance(ctx, code, envOf(ctx)),
} satisfies FeatureHandlers<'tokens:issue' | 'tokens:topUp' | 'tokens:update' | 'tokens:get' | 'tokens:list' | 'tokens:balance'>
