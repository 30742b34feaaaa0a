import { looksLikeTokenCode } from '#shared/codes/token-code'

/**
 * What Enter in the scan field means. A scanner types a code and Enter faster than search replies
 * arrive, so a code is always looked up exactly first; a search result is added only when the
 * cashier chose it with the arrows, or when the exact lookup found nothing and the results on screen
 * belong to the text typed.
 */
export interface ScanFieldState<P> {
  /** Text in the field when Enter was pressed. */
  readonly text: string
  /** The results loaded so far; a hole is a row whose page has not arrived. */
  readonly results: readonly (P | undefined)[]
  /** The query the shown results answer, or null when none are shown. */
  readonly resultsFor: string | null
  readonly highlighted: number
  /** True once the arrows moved the highlight since the text last changed. */
  readonly highlightChosen: boolean
}

export type EnterDecision<P> =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'pick'; readonly product: P }
  /** `keys`: what the same keys spell on a US layout, tried when `code` finds nothing. */
  | { readonly kind: 'lookup'; readonly code: string; readonly keys?: string }
  | { readonly kind: 'token'; readonly code: string }

/**
 * A token card's code (a UUID, any case), as its QR makes a scanner type it. Product codes are
 * barcodes and SKUs, never this shape (the catalog refuses it), so such a code goes to the token's
 * payment, not the catalog.
 */
export function looksLikeToken(code: string): boolean {
  return looksLikeTokenCode(code)
}

export type MissDecision<P> = { readonly kind: 'pick'; readonly product: P } | { readonly kind: 'search'; readonly query: string }

function highlightedResult<P>(state: ScanFieldState<P>): P | undefined {
  return state.resultsFor === state.text ? state.results[state.highlighted] : undefined
}

/**
 * `keys`: what the keys that typed the text spell on a US layout, when that differs (a scanner under
 * a Nepali layout). A token card is recognised in either reading; a product code is looked up as
 * typed first, as a shop may name its codes in Devanagari.
 */
export function decideEnter<P>(state: ScanFieldState<P>, keys?: string): EnterDecision<P> {
  const code = state.text.trim()
  if (state.highlightChosen) {
    const product = highlightedResult(state)
    if (product !== undefined) return { kind: 'pick', product }
  }
  if (code === '') return { kind: 'ignore' }
  if (looksLikeToken(code)) return { kind: 'token', code }
  const keyed = keys?.trim()
  if (keyed === undefined || keyed === '' || keyed === code) return { kind: 'lookup', code }
  if (looksLikeToken(keyed)) return { kind: 'token', code: keyed }
  return { kind: 'lookup', code, keys: keyed }
}

/** After the exact lookup of `state.text` found nothing. */
export function decideAfterMiss<P>(state: ScanFieldState<P>): MissDecision<P> {
  const product = highlightedResult(state)
  if (product !== undefined) return { kind: 'pick', product }
  return { kind: 'search', query: state.text }
}

/** Moves the highlight through the results, wrapping at both ends. */
export function moveHighlight(current: number, delta: number, count: number): number {
  if (count === 0) return 0
  return (((current + delta) % count) + count) % count
}
