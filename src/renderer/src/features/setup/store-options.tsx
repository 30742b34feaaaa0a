import { useMemo } from 'react'
import { useI18n } from '../../platform/i18n/use-i18n'
import type { SetupTexts } from './setup.en'
import { currencyCodes, currencyName, DECIMAL_CHOICES, LOCALES, LOCALES_READY, timeZones } from './store-choices'

/** The `<option>`s of a currency select: code and name, the usual ones first. */
export function CurrencyOptions({ current }: { current?: string }) {
  const { t, locale } = useI18n<SetupTexts>()
  const codes = useMemo(() => {
    const all = currencyCodes()
    return current && !all.includes(current) ? [current, ...all] : all
  }, [current])
  return codes.map((code) => (
    <option key={code} value={code}>
      {t('setup.currencyOption', { code, name: currencyName(code, locale) })}
    </option>
  ))
}

export function DecimalOptions() {
  const { t } = useI18n<SetupTexts>()
  return DECIMAL_CHOICES.map((decimals) => (
    <option key={decimals} value={decimals}>
      {t(`setup.decimals.${decimals}`)}
    </option>
  ))
}

/** The languages of the contract; one whose texts are not written yet is listed, not offered. */
export function LocaleOptions() {
  const { t } = useI18n<SetupTexts>()
  return LOCALES.map((tag) => (
    <option key={tag} value={tag} disabled={!LOCALES_READY.includes(tag)}>
      {t(`setup.locale.${tag}`)}
    </option>
  ))
}

export function TimeZoneOptions({ current }: { current?: string }) {
  const zones = useMemo(() => timeZones(current), [current])
  return zones.map((zone) => (
    <option key={zone} value={zone}>
      {zone}
    </option>
  ))
}
