import type { TaxRateDto } from '#shared/contract/taxes'
import { useI18n } from '../../platform/i18n/use-i18n'
import { localeOf, useSession } from '../session/public'
import { formatPercent } from './percent'
import type { TaxesTexts } from './taxes.en'
import './taxes.css'

interface TaxChoicesProps {
  /** The group's id: its legend, hint and error hang off it. */
  readonly id: string
  readonly legend: string
  readonly hint?: string | undefined
  /** The field's error, said already. */
  readonly error?: string | undefined
  readonly rates: readonly TaxRateDto[] | null
  readonly value: readonly number[]
  readonly onChange: (ids: number[]) => void
  /**
   * Switched-off rates to show all the same (a product's own, which it may keep): every other
   * switched-off rate is not offered.
   */
  readonly kept?: readonly number[]
}

/** The store's taxes as check boxes, in the list's order: the ones switched on, and any switched-off one already held. */
export function TaxChoices({ id, legend, hint, error, rates, value, onChange, kept = [] }: TaxChoicesProps) {
  const { t } = useI18n<TaxesTexts>()
  const locale = useSession(localeOf)
  const shown = (rates ?? []).filter((tax) => tax.active || kept.includes(tax.id))
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((part) => part !== null).join(' ')

  function toggled(taxId: number, checked: boolean): void {
    const next = checked ? [...value.filter((other) => other !== taxId), taxId] : value.filter((other) => other !== taxId)
    // Kept in the list's order, so the same choice always reads the same.
    onChange(shown.map((tax) => tax.id).filter((other) => next.includes(other)))
  }

  return (
    <fieldset
      id={id}
      className="choices tax-choices"
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
      data-testid={id}
    >
      <legend>{legend}</legend>
      {rates !== null && shown.length === 0 ? (
        <p className="field-hint">{t('taxes.choices.none')}</p>
      ) : (
        <ul className="choice-list">
          {shown.map((tax) => {
            const rate = formatPercent(tax.rateBps, locale)
            return (
              <li key={tax.id}>
                <label className="check tax-choice">
                  <input type="checkbox" checked={value.includes(tax.id)} onChange={(event) => toggled(tax.id, event.target.checked)} />
                  <span>
                    {tax.included
                      ? t('taxes.choice.included', { name: tax.name, rate })
                      : t('taxes.choice.added', { name: tax.name, rate })}
                    {!tax.active && <span className="tax-choice-off"> — {t('taxes.choice.off')}</span>}
                  </span>
                </label>
              </li>
            )
          })}
        </ul>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}
