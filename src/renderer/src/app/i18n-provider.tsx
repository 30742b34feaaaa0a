import { useMemo, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatMoney } from '#shared/money/money'
import { currencyOf, localeOf } from '../features/session/public'
import { dateTimeFormatter, dayFormatter, formatFileSize, formatPercentBps } from '../platform/i18n/format'
import { createTextSource } from '../platform/i18n/translate'
import { I18nContext, type I18n } from '../platform/i18n/use-i18n'
import { DICTIONARIES } from './catalogs'
import { usePos } from './store-provider'

/** One language for now; this is where a language setting plugs in later. */
const LANGUAGE = 'en'

/**
 * The texts and formats every screen uses: the dictionary, and money, dates and sizes in the
 * store's currency and locale (from `app:info`), not the browser's.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { currency, currencyDecimals, locale } = usePos(
    useShallow((s) => ({
      currency: currencyOf(s.session),
      currencyDecimals: s.session.appInfo?.currencyDecimals,
      locale: localeOf(s.session),
    })),
  )
  const i18n = useMemo((): I18n => {
    const money = (cents: number) =>
      formatMoney(cents, { currency, locale, ...(currencyDecimals === undefined ? {} : { currencyDecimals }) })
    const day = dayFormatter(locale)
    return {
      texts: createTextSource(DICTIONARIES[LANGUAGE], LANGUAGE, { money, day }),
      money,
      dateTime: dateTimeFormatter(locale),
      day,
      fileSize: (bytes) => formatFileSize(bytes, locale),
      percent: (bps) => formatPercentBps(bps, locale),
    }
  }, [currency, currencyDecimals, locale])
  return <I18nContext value={i18n}>{children}</I18nContext>
}
