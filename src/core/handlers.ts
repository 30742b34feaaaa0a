import packageJson from '../../package.json'
import type { Channel, ChannelOutput, ParsedInput } from '../shared/contract'
import type { RequestContext, SessionUser } from './context'
import { DomainError } from './domain-error'
import { appendAudit, verifyAudit } from './services/audit.service'
import { authenticate, toUserDto, unlockUser } from './services/auth.service'
import { addToCart, clearCart, getCart, removeFromCart, setCartQuantity } from './services/cart.service'
import { lookupProduct, SEARCH_TOTAL_CAP, searchProducts } from './services/catalog.service'
import { checkoutRecordingRefusals } from './services/checkout.service'
import { getInvoice, listInvoices } from './services/invoice.service'

type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: RequestContext) => Promise<ChannelOutput<C>>

/** The dispatcher checks access before calling; this only narrows the type. */
function signedIn(ctx: RequestContext): SessionUser {
  if (!ctx.user) throw new DomainError('NOT_AUTHENTICATED', 'Please sign in.')
  return ctx.user
}

/** One handler per channel: parse is done, call a service, return a DTO. */
export const handlers: { [C in Channel]: Handler<C> } = {
  'app:info': async (_input, { settings }) => ({
    storeName: settings.storeName,
    currency: settings.currency,
    locale: settings.locale,
    demo: settings.demo,
    version: packageJson.version,
  }),
  'auth:login': async ({ username, password }, ctx) => {
    const user = await authenticate(ctx, username, password)
    ctx.setUser(user)
    return { user: toUserDto(user) }
  },
  'auth:logout': async (_input, ctx) => {
    const user = signedIn(ctx)
    ctx.setUser(null)
    await ctx.db((em) =>
      appendAudit(em, { action: 'auth.sign-out', actor: { id: user.id, name: user.displayName }, subject: user.username }, ctx.now()),
    )
    return {}
  },
  'auth:session': async (_input, ctx) => ({ user: ctx.user ? toUserDto(ctx.user) : null }),
  'catalog:search': async ({ query, limit, offset }, ctx) => {
    const result = await ctx.db((em) => searchProducts(em, query, limit ?? 20, offset ?? 0))
    return { ...result, totalIsCapped: result.total >= SEARCH_TOTAL_CAP }
  },
  'catalog:lookup': async ({ code }, ctx) => ctx.db((em) => lookupProduct(em, code)),
  'cart:get': async (_input, ctx) => ctx.db((em) => getCart(em, signedIn(ctx).id)),
  'cart:add': async ({ productId, quantity }, ctx) =>
    ctx.db((em) => addToCart(em, signedIn(ctx).id, productId, quantity, ctx.now())),
  'cart:setQuantity': async ({ productId, quantity }, ctx) =>
    ctx.db((em) => setCartQuantity(em, signedIn(ctx).id, productId, quantity, ctx.now())),
  'cart:remove': async ({ productId }, ctx) => ctx.db((em) => removeFromCart(em, signedIn(ctx).id, productId)),
  'cart:clear': async (_input, ctx) => ctx.db((em) => clearCart(em, signedIn(ctx), ctx.now())),
  'checkout:pay': async (input, ctx) =>
    checkoutRecordingRefusals(ctx.db, input, { user: signedIn(ctx), settings: ctx.settings, now: ctx.now() }),
  'invoices:get': async (input, ctx) => ctx.db((em) => getInvoice(em, input)),
  'invoices:list': async ({ from, to, query, limit, offset }, ctx) =>
    ctx.db((em) => listInvoices(em, { from, to, query, limit: limit ?? 50, offset: offset ?? 0 })),
  'users:unlock': async ({ username }, ctx) => ({
    user: toUserDto(await ctx.db((em) => unlockUser(em, username, signedIn(ctx), ctx.now()))),
  }),
  'audit:verify': async (_input, ctx) => ctx.db((em) => verifyAudit(em)),
  'backup:create': async (_input, ctx) => ctx.backups.create('manual', signedIn(ctx)),
  'backup:list': async (_input, ctx) => ({ items: ctx.backups.list() }),
  'backup:restore': async ({ file }, ctx) => ctx.backups.restore(file, signedIn(ctx)),
}
