import { useEffect, useMemo, useState } from 'react'
import type { CustomerDisplayApi, DisplayState } from '#shared/contract/display'
import { languageOfLocale } from '#shared/i18n/languages'
import { formatNepaliMoney, NEPALI_NUMBER_LOCALE } from '#shared/i18n/nepali-format'
import { formatMoney } from '#shared/money/money'
import { createTranslator, type Translator } from '../platform/i18n/translate'
import { displayDictionaryFor } from './display-catalogs'
import type { DisplayTexts } from './display.en'

/** The texts and money of one state: its store's locale, currency and minor digits. */
function useDisplayI18n(state: DisplayState | null): { t: Translator<DisplayTexts>['t']; money: (cents: number) => string } {
  const locale = state?.locale ?? 'en-IN'
  const currency = state?.currency ?? 'NPR'
  const decimals = state?.currencyDecimals
  return useMemo(() => {
    // A Nepali store's customers read Nepali: Devanagari digits and रु., never the engine's `ne` data.
    if (languageOfLocale(locale) === 'ne') {
      const money = (cents: number) =>
        formatNepaliMoney(cents, { currency, ...(decimals === undefined ? {} : { currencyDecimals: decimals }) })
      const { t } = createTranslator<DisplayTexts>(displayDictionaryFor(locale), NEPALI_NUMBER_LOCALE, { money })
      return { t, money }
    }
    const money = (cents: number) => {
      try {
        return formatMoney(cents, { currency, locale, ...(decimals === undefined ? {} : { currencyDecimals: decimals }) })
      } catch {
        // A locale this browser cannot format in: the amount still shows, in plain English digits.
        return formatMoney(cents, { currency, locale: 'en-IN', ...(decimals === undefined ? {} : { currencyDecimals: decimals }) })
      }
    }
    const { t } = createTranslator<DisplayTexts>(displayDictionaryFor(locale), locale, { money })
    return { t, money }
  }, [locale, currency, decimals])
}

/** The latest state main forwarded, or null before the first (or without a display bridge). */
function useDisplayState(source: CustomerDisplayApi | undefined): DisplayState | null {
  const [state, setState] = useState<DisplayState | null>(null)
  useEffect(() => source?.subscribe(setState), [source])
  return state
}

/** The customer's screen: what they buy as it is scanned, what it comes to, what they paid, and thanks. */
export function DisplayScreen({ source }: { source: CustomerDisplayApi | undefined }) {
  const state = useDisplayState(source)
  const { t, money } = useDisplayI18n(state)

  const language = languageOfLocale(state?.locale ?? 'en-IN')
  useEffect(() => {
    document.title = t('display.title')
    // Read aloud, hyphenated and shaped as the language it is in.
    document.documentElement.lang = language
  }, [t, language])

  if (!state || state.phase === 'idle') {
    return (
      <main className="cd cd-idle" data-testid="display-idle">
        {state && <h1 className="cd-welcome">{t('display.welcome', { store: state.storeName })}</h1>}
        <p className="cd-muted">{t('display.waiting')}</p>
      </main>
    )
  }

  if (state.phase === 'thanks') {
    return (
      <main className="cd cd-thanks" data-testid="display-thanks">
        <h1 className="cd-thanks-title">{t('display.thanks', { store: state.storeName })}</h1>
        <p className="cd-paid">{t('display.paid', { amount: { cents: state.totalCents } })}</p>
        {state.changeCents !== undefined && state.changeCents > 0 && (
          <p className="cd-change" data-testid="display-change">
            <span>{t('display.change')}</span> <strong>{money(state.changeCents)}</strong>
          </p>
        )}
      </main>
    )
  }

  const earlier = state.lineCount - state.lines.length
  return (
    <main className="cd cd-sale">
      <header className="cd-store">{state.storeName}</header>
      <section className="cd-lines" aria-label={t('display.lines')}>
        {earlier > 0 && <p className="cd-muted cd-earlier">{t('display.earlierLines', { count: earlier })}</p>}
        <ol className="cd-line-list">
          {state.lines.map((line, index) => (
            <li key={index} className={index === state.lines.length - 1 ? 'cd-line cd-line-newest' : 'cd-line'} data-testid="display-line">
              <span className="cd-line-qty">{t('display.quantity', { quantity: line.quantity })}</span>
              <span className="cd-line-name">
                {line.name}
                {line.discountCents !== undefined && line.discountCents > 0 && (
                  <small className="cd-line-saving">{t('display.lineSaving', { amount: { cents: line.discountCents } })}</small>
                )}
              </span>
              <span className="cd-line-total">{money(line.lineTotalCents)}</span>
            </li>
          ))}
        </ol>
      </section>
      <aside className="cd-summary">
        <dl className="cd-figures">
          <div>
            <dt>{t('display.itemCount', { count: state.itemCount })}</dt>
            <dd />
          </div>
          {state.discountCents > 0 && (
            <div>
              <dt>{t('display.discount')}</dt>
              <dd>{money(state.discountCents)}</dd>
            </div>
          )}
          {state.taxCents > 0 && (
            <div>
              <dt>{t('display.tax')}</dt>
              <dd>{money(state.taxCents)}</dd>
            </div>
          )}
        </dl>
        <p className="cd-total" data-testid="display-total">
          <span>{t('display.total')}</span> <strong>{money(state.totalCents)}</strong>
        </p>
        {state.phase === 'paying' && (
          <div className="cd-paying">
            {state.tenders.length > 0 && (
              <ul className="cd-tenders" aria-label={t('display.tenders')}>
                {state.tenders.map((tender, index) => (
                  <li key={index} data-testid="display-tender">
                    <span>{t(`display.tender.${tender.method}`)}</span> <strong>{money(tender.amountCents)}</strong>
                  </li>
                ))}
              </ul>
            )}
            {state.dueCents !== undefined && state.dueCents > 0 && (
              <p className="cd-due" data-testid="display-due">
                <span>{t('display.due')}</span> <strong>{money(state.dueCents)}</strong>
              </p>
            )}
            {state.changeCents !== undefined && state.changeCents > 0 && (
              <p className="cd-change" data-testid="display-change">
                <span>{t('display.change')}</span> <strong>{money(state.changeCents)}</strong>
              </p>
            )}
          </div>
        )}
      </aside>
    </main>
  )
}
