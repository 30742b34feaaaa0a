import { createContext, useContext, useMemo } from 'react'
import { typedTranslator, type Catalog, type TextSource, type Translator } from './translate'

/** What the screens format with: the language's texts and the store's money, dates and sizes. */
export interface I18n {
  readonly texts: TextSource
  readonly money: (cents: number) => string
  readonly dateTime: (iso: string) => string
  /** A store-local calendar day (`YYYY-MM-DD`) as people read it. */
  readonly day: (day: string) => string
  readonly fileSize: (bytes: number) => string
  /** A plain figure (a quantity, a count): Devanagari digits in Nepali. */
  readonly number: (value: number) => string
  /** A share in basis points (tax rates, discounts) as a percent. */
  readonly percent: (bps: number) => string
}

/** Provided by the app, which knows the dictionary and the store's currency and locale. */
export const I18nContext = createContext<I18n | null>(null)

function useI18nContext(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('No I18nContext above this component: the app provides it')
  return i18n
}

/** The translator, typed by the catalog the calling feature uses (its own texts and the ones it shares). */
export function useI18n<C extends Catalog>(): Translator<C> {
  const { texts } = useI18nContext()
  return useMemo(() => typedTranslator<C>(texts), [texts])
}

/** The one money formatter of the screens: the store's currency and locale. */
export function useMoney(): (cents: number) => string {
  return useI18nContext().money
}

export function useDateTime(): (iso: string) => string {
  return useI18nContext().dateTime
}

export function useDay(): (day: string) => string {
  return useI18nContext().day
}

export function useFileSize(): (bytes: number) => string {
  return useI18nContext().fileSize
}

export function useNumber(): (value: number) => string {
  return useI18nContext().number
}

export function usePercent(): (bps: number) => string {
  return useI18nContext().percent
}
