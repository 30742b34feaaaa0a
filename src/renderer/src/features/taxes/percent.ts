/**
 * Rates as people type and read them: a percent with up to two decimals, which is a whole number
 * of basis points (12.5% = 1250). Pure, so it is tested under Node; the screen formats with the
 * store's locale.
 */
import { decimalAmount, parseDecimalAmount } from '#shared/money/money'

/** The most a rate or a share may be: 100%. */
const MAX_BPS = 10_000

/** "13", "12.5", "0.01", "13 %" as basis points; null when it is not a percent from 0 to 100 with at most two decimals. */
export function parsePercent(text: string): number | null {
  const bps = parseDecimalAmount(text.trim().replace(/\s*%$/, ''), 2)
  return bps !== null && bps <= MAX_BPS ? bps : null
}

/** Basis points as an edit field starts from: "13", "12.5", "0.01" (no trailing zeros, no grouping). */
export function percentText(bps: number): string {
  return decimalAmount(bps, 2).replace(/\.?0+$/, '')
}

const formatters = new Map<string, Intl.NumberFormat>()

/** Basis points as the store's locale writes a percent: "13%", "12.5%". */
export function formatPercent(bps: number, locale: string): string {
  let formatter = formatters.get(locale)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
    formatters.set(locale, formatter)
  }
  return formatter.format(bps / MAX_BPS)
}
