import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { currencyExponent } from '#shared/money/money'
import { currencyOf, localeOf, useSession } from '../session/public'
import { dayFormatter, instantDayFormatter, storeToday } from './token-dates'

/** The store's calendar as the token screens need it: today, and days and instants as dates. */
export function useStoreCalendar() {
  const { locale, timeZone } = useSession(useShallow((s) => ({ locale: localeOf(s), timeZone: s.appInfo?.timeZone ?? 'UTC' })))
  return useMemo(
    () => ({
      today: storeToday(new Date(), timeZone),
      formatDay: dayFormatter(locale),
      formatInstantDay: instantDayFormatter(locale, timeZone),
    }),
    [locale, timeZone],
  )
}

/** The store's currency and how many minor digits it is typed with (`app:info`). */
export function useStoreCurrency(): { currency: string; decimals: number } {
  return useSession(
    useShallow((s) => {
      const currency = currencyOf(s)
      return { currency, decimals: s.appInfo?.currencyDecimals ?? currencyExponent(currency) }
    }),
  )
}
