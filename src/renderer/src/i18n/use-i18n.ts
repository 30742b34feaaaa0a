import { useMemo } from 'react'
import { formatMoney } from '../../../shared/money'
import { usePos } from '../store/pos-store'
import { en } from './en'
import { dateTimeFormatter, formatFileSize } from './format'
import { createTranslator, type Translator } from './translate'

// One language for now; this hook is where a language setting plugs in later.
const english = createTranslator(en, 'en')

export function useI18n(): Translator {
  return english
}

/** The one money formatter of the screens: the store's currency and locale from `app:info`. */
export function useMoney(): (cents: number) => string {
  const currency = usePos((s) => s.appInfo?.currency ?? 'NPR')
  const locale = usePos((s) => s.appInfo?.locale ?? 'en-NP')
  return useMemo(() => (cents: number) => formatMoney(cents, { currency, locale }), [currency, locale])
}

export function useDateTime(): (iso: string) => string {
  const locale = usePos((s) => s.appInfo?.locale ?? 'en-NP')
  return useMemo(() => dateTimeFormatter(locale), [locale])
}

export function useFileSize(): (bytes: number) => string {
  const locale = usePos((s) => s.appInfo?.locale ?? 'en-NP')
  return useMemo(() => (bytes: number) => formatFileSize(bytes, locale), [locale])
}
