/**
 * What the customer display shows, derived from the till's store: the cart as it is scanned, the
 * pay dialog's tenders and change while it is open, the sale just paid for the thank-you. Pure, so
 * every phase is tested without a screen. Only what a customer may see goes in: names, quantities
 * and amounts (never a cost, a stock count or a token's code).
 */
import type { AppInfoDto } from '#shared/contract/app'
import type { CartDto } from '#shared/contract/cart'
import { DISPLAY_MAX_LINES, DISPLAY_MAX_TENDERS, type DisplayLine, type DisplayState, type DisplayTender } from '#shared/contract/display'
import { payViewOf, type CheckoutState } from '../checkout/public'

/** The parts of the till's store the display is made of (the app's store has them all). */
export interface DisplaySource {
  readonly session: { readonly appInfo: AppInfoDto | null; readonly user: unknown }
  readonly cart: { readonly cart: CartDto }
  readonly checkout: CheckoutState
  /** The open dialog: `pay` while the customer is paying. */
  readonly shell: { readonly dialog: string | null }
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)

/** The store's currency as the display's contract takes it; NPR for anything else (it is only a format). */
function currencyOf(info: AppInfoDto): string {
  const currency = info.currency.toUpperCase()
  return /^[A-Z]{3}$/.test(currency) ? currency : 'NPR'
}

function decimalsOf(info: AppInfoDto): 0 | 2 | 3 {
  return info.currencyDecimals === 0 || info.currencyDecimals === 3 ? info.currencyDecimals : 2
}

function linesOf(cart: CartDto): DisplayLine[] {
  return cart.lines.slice(-DISPLAY_MAX_LINES).map((line) => ({
    name: clip(line.name, 200),
    quantity: line.quantity,
    lineTotalCents: line.totalCents,
    ...(line.discountCents > 0 ? { discountCents: line.discountCents } : {}),
  }))
}

/**
 * The display's state now: the welcome while nobody is signed in (the last sale must not stay in
 * front of the next customer); null before the store's details have come, or while it is not set up.
 */
export function displayStateOf(state: DisplaySource): DisplayState | null {
  const info = state.session.appInfo
  if (!info || info.setupRequired) return null
  const base = {
    storeName: clip(info.storeName, 80),
    currency: currencyOf(info),
    currencyDecimals: decimalsOf(info),
    locale: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(info.locale) ? info.locale : 'en-IN',
  }
  const empty = { lines: [], lineCount: 0, itemCount: 0, subtotalCents: 0, discountCents: 0, taxCents: 0, totalCents: 0, tenders: [] }
  if (state.session.user === null || state.session.user === undefined) return { ...base, ...empty, phase: 'idle' }

  const { outcome } = state.checkout
  if (outcome?.kind === 'paid') {
    const { invoice } = outcome.result
    const changeCents = outcome.result.changeCents ?? invoice.changeCents
    return {
      ...base,
      ...empty,
      phase: 'thanks',
      subtotalCents: invoice.subtotalCents,
      discountCents: invoice.discountCents,
      taxCents: invoice.taxCents,
      totalCents: invoice.totalCents,
      tenders: outcome.result.tenders
        .slice(0, DISPLAY_MAX_TENDERS)
        .map((tender) => ({ method: tender.method, amountCents: tender.tenderedCents ?? tender.amountCents })),
      ...(changeCents !== undefined ? { changeCents } : {}),
    }
  }

  const { cart } = state.cart
  if (cart.lines.length === 0) return { ...base, ...empty, phase: 'idle' }
  const sale = {
    ...base,
    lines: linesOf(cart),
    lineCount: cart.lines.length,
    itemCount: cart.itemCount,
    subtotalCents: cart.subtotalCents,
    discountCents: cart.discountCents,
    taxCents: cart.taxCents,
    totalCents: cart.totalCents,
  }
  if (state.shell.dialog !== 'pay') return { ...sale, phase: 'sale', tenders: [] }

  // The pay dialog's own figures, from the one settle function core's checkout uses too.
  const { tenders, settlement } = payViewOf(state.checkout, cart.totalCents, base.currency)
  const shown: DisplayTender[] = tenders.slice(0, DISPLAY_MAX_TENDERS).map((tender, index) => ({
    method: tender.method,
    amountCents: tender.method === 'cash' ? tender.tenderedCents : (settlement.tenders[index]?.amountCents ?? 0),
  }))
  return {
    ...sale,
    phase: 'paying',
    tenders: shown,
    dueCents: settlement.dueCents,
    ...(settlement.changeCents > 0 ? { changeCents: settlement.changeCents } : {}),
  }
}
