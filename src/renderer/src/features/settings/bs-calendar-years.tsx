import { useState } from 'react'
import {
  BS_LAST_YEAR,
  BS_MONTHS_EN,
  BS_MONTHS_NE,
  bsMonthLength,
  bsPublishedThrough,
  bsYearsProblem,
  fromBikramSambat,
  projectedBsYear,
  type BsYear,
} from '#shared/i18n/bikram-sambat'
import { latinDigits } from '#shared/i18n/digits'
import { day, messagesOf, type Message } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { languageOf, useSession } from '../session/public'
import type { SettingsTexts } from './settings.en'

const msg = messagesOf<SettingsTexts>()

/** The year typed as a year: its digits (Devanagari in Nepali), never grouped like an amount. */
function useYearText(): (year: number) => string {
  const { locale } = useI18n<SettingsTexts>()
  const format = new Intl.NumberFormat(locale, { useGrouping: false })
  return (year) => format.format(year)
}

/**
 * The month lengths typed for the year after `years`, or why they cannot be a year of the
 * calendar: the converter's own rule (`bsYearsProblem`), said in the screen's words.
 */
export function readBsYear(years: readonly BsYear[], year: number, typed: readonly string[]): { year: BsYear } | { refused: Message } {
  const months = typed.map((text) => {
    const clean = latinDigits(text).trim()
    return /^\d{1,2}$/.test(clean) ? Number(clean) : Number.NaN
  })
  const candidate = { year, months }
  const problem = bsYearsProblem([...years, candidate])
  if (problem === null) return { year: candidate }
  if (problem === 'yearLength') return { refused: msg('settings.bsYearDays', { days: months.reduce((sum, days) => sum + days, 0) }) }
  return { refused: msg('settings.bsMonthDays') }
}

interface NextYearProps {
  readonly id: string
  /** The years added before this one. */
  readonly years: readonly BsYear[]
  readonly year: number
  readonly onAdd: (year: BsYear) => void
}

/** The twelve months of the next year, started from the projection, to check against the almanac. */
function NextYear({ id, years, year, onAdd }: NextYearProps) {
  const { t } = useI18n<SettingsTexts>()
  const yearText = useYearText()
  const language = useSession(languageOf)
  const names = language === 'ne' ? BS_MONTHS_NE : BS_MONTHS_EN
  const [typed, setTyped] = useState(() => (projectedBsYear(year)?.months ?? Array<number>(12).fill(30)).map(String))
  const [refusal, setRefusal] = useState<Message | null>(null)
  const read = readBsYear(years, year, typed)
  const total = typed.reduce((sum, text) => sum + (Number(latinDigits(text).trim()) || 0), 0)

  function add(): void {
    if ('refused' in read) {
      setRefusal(read.refused)
      return
    }
    setRefusal(null)
    onAdd(read.year)
  }

  return (
    <div className="bs-next" role="group" aria-labelledby={`${id}-next-title`}>
      <p id={`${id}-next-title`} className="bs-next-title">
        {t('settings.bsAddTitle', { year: yearText(year) })}
      </p>
      <div className="bs-months">
        {names.map((name, index) => (
          <label key={name} className="bs-month">
            <span>{name}</span>
            <input
              className="input"
              inputMode="numeric"
              autoComplete="off"
              maxLength={2}
              value={typed[index]}
              aria-invalid={refusal ? true : undefined}
              onChange={(event) => {
                const next = [...typed]
                next[index] = event.target.value
                setTyped(next)
              }}
              onKeyDown={(event) => {
                // Enter adds the year; it does not save the whole form.
                if (event.key === 'Enter') {
                  event.preventDefault()
                  add()
                }
              }}
            />
          </label>
        ))}
      </div>
      <div className="bs-next-actions">
        <span className="bs-total" role="status">
          {t('settings.bsTotal', { days: total })}
        </span>
        <button type="button" className="button button-quiet button-compact" onClick={add}>
          {t('settings.bsAdd', { year: yearText(year) })}
        </button>
      </div>
      <FormError message={refusal} />
    </div>
  )
}

interface BsCalendarYearsProps {
  readonly id: string
  readonly years: readonly BsYear[]
  readonly onChange: (years: BsYear[]) => void
  /** The field's error from the form's schema, said already. */
  readonly error?: string | undefined
}

/**
 * The BS years the store added from its almanac after the app's table: how far the calendar is
 * known, the years added (the last one can be taken back, to enter it again), and the next year's
 * months to add. Saved with the settings.
 */
export function BsCalendarYears({ id, years, onChange, error }: BsCalendarYearsProps) {
  const { t } = useI18n<SettingsTexts>()
  const yearText = useYearText()
  const through = bsPublishedThrough(years)
  const lastDay = fromBikramSambat({ year: through, month: 12, day: bsMonthLength(through, 12, years) ?? 30 }, years)
  const next = through + 1
  const last = years.at(-1)

  return (
    <fieldset className="bs-calendar" aria-describedby={`${id}-hint`} data-testid={id}>
      <legend>{t('settings.bsCalendar')}</legend>
      <p className="bs-known" role="status">
        {lastDay === null
          ? t('settings.bsKnownThroughYear', { year: yearText(through) })
          : t('settings.bsKnownThrough', { year: yearText(through), last: day(lastDay) })}
      </p>
      {years.length > 0 && (
        <ul className="wallet-chips">
          {years.map((added) => (
            <li key={added.year} className="wallet-chip">
              <span>
                {t('settings.bsAddedYear', { year: yearText(added.year), days: added.months.reduce((sum, days) => sum + days, 0) })}
              </span>
              {added === last && (
                <button
                  type="button"
                  className="wallet-chip-remove"
                  aria-label={t('settings.bsRemove', { year: yearText(added.year) })}
                  onClick={() => onChange(years.slice(0, -1))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {next <= BS_LAST_YEAR ? (
        <NextYear key={next} id={id} years={years} year={next} onAdd={(year) => onChange([...years, year])} />
      ) : (
        <p className="field-hint">{t('settings.bsTableEnd')}</p>
      )}
      <p id={`${id}-hint`} className="field-hint">
        {t('settings.bsHint')}
      </p>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  )
}
