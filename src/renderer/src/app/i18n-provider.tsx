import { useEffect, useMemo, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Language } from '#shared/contract/common'
import { bikramSambatNote, type BsYear } from '#shared/i18n/bikram-sambat'
import {
  formatNepaliMoney,
  formatNepaliNumber,
  formatNepaliPercentBps,
  NEPALI_NUMBER_LOCALE,
  nepaliDateTimeFormatter,
  nepaliDayFormatter,
} from '#shared/i18n/nepali-format'
import { formatMoney } from '#shared/money/money'
import { currencyOf, languageOf, localeOf } from '../features/session/public'
import { dateTimeFormatter, dayFormatter, formatFileSize, formatPercentBps } from '../platform/i18n/format'
import { createTextSource } from '../platform/i18n/translate'
import { I18nContext, type I18n } from '../platform/i18n/use-i18n'
import { DICTIONARIES } from './catalogs'
import { usePos } from './store-provider'

/** One empty list, so the selector answers the same value while the store has added no year. */
const NO_YEARS: readonly BsYear[] = []

interface Formats {
  readonly currency: string
  readonly currencyDecimals: number | undefined
  /** The store's locale (`en-IN`): how English screens write numbers and dates. */
  readonly locale: string
  /** Days are shown in Bikram Sambat as well (a store setting). */
  readonly bikramSambat?: boolean
  /** The BS years the store added from its almanac. */
  readonly bikramSambatYears?: readonly BsYear[]
}

/** "15 Mar 2026 (BS 2082 Chaitra 1)": the day, and where the store wants it, the same day in BS. */
function withBikramSambat(
  day: (iso: string) => string,
  language: Language,
  on: boolean | undefined,
  added: readonly BsYear[] = [],
): (iso: string) => string {
  if (!on) return day
  return (iso) => {
    const note = bikramSambatNote(iso, language, added)
    return note === null ? day(iso) : `${day(iso)} (${note})`
  }
}

/** Whole figures as the store's locale groups them (`en-IN`: 1,23,456). */
function plainNumber(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })
  return (value) => format.format(value)
}

/**
 * Every text and format of one language. Nepali never asks the engine for `ne` data (Chromium has
 * none): numbers go through `en-IN-u-nu-deva` (Devanagari digits, lakh grouping) and the rupee
 * sign and month names are our own.
 */
export function i18nFor(language: Language, { currency, currencyDecimals, locale, bikramSambat, bikramSambatYears }: Formats): I18n {
  const decimals = currencyDecimals === undefined ? {} : { currencyDecimals }
  if (language === 'ne') {
    const money = (cents: number) => formatNepaliMoney(cents, { currency, ...decimals })
    const day = withBikramSambat(nepaliDayFormatter(), language, bikramSambat, bikramSambatYears)
    return {
      texts: createTextSource(DICTIONARIES.ne, NEPALI_NUMBER_LOCALE, { money, day }),
      money,
      dateTime: nepaliDateTimeFormatter(),
      day,
      fileSize: (bytes) => formatFileSize(bytes, NEPALI_NUMBER_LOCALE),
      number: formatNepaliNumber,
      percent: formatNepaliPercentBps,
    }
  }
  // English words with the store's own ways of writing numbers (`en-IN`: 1,23,456.00); a Nepali
  // store's person reading English gets Indian English.
  const numbers = locale.startsWith('en') ? locale : 'en-IN'
  const money = (cents: number) => formatMoney(cents, { currency, locale: numbers, ...decimals })
  const day = withBikramSambat(dayFormatter(numbers), language, bikramSambat, bikramSambatYears)
  return {
    texts: createTextSource(DICTIONARIES.en, 'en', { money, day }),
    money,
    dateTime: dateTimeFormatter(numbers),
    day,
    fileSize: (bytes) => formatFileSize(bytes, numbers),
    number: plainNumber(numbers),
    percent: (bps) => formatPercentBps(bps, numbers),
  }
}

/**
 * The texts and formats every screen uses, in the language the till speaks now (the person's own,
 * else the store's) and the store's currency (from `app:info`), never the browser's.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { language, currency, currencyDecimals, locale, bikramSambat, bikramSambatYears } = usePos(
    useShallow((s) => ({
      language: languageOf(s.session),
      currency: currencyOf(s.session),
      currencyDecimals: s.session.appInfo?.currencyDecimals,
      locale: localeOf(s.session),
      bikramSambat: s.session.appInfo?.bikramSambat ?? false,
      bikramSambatYears: s.session.appInfo?.bikramSambatYears ?? NO_YEARS,
    })),
  )
  const i18n = useMemo(
    () => i18nFor(language, { currency, currencyDecimals, locale, bikramSambat, bikramSambatYears }),
    [language, currency, currencyDecimals, locale, bikramSambat, bikramSambatYears],
  )
  // Screen readers, hyphenation and font choice follow the page's language.
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  return <I18nContext value={i18n}>{children}</I18nContext>
}
