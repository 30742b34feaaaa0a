import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useForm } from 'react-hook-form'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { describedBy, FormField } from '../../ui/form-field'
import { FORM_ISSUES } from '../../ui/form-issues'
import { issueFormSchema, type IssueFormValues, type IssueInput } from './token-forms'
import { yearAfter } from './token-dates'
import type { TokensTexts } from './tokens.en'
import { useStoreCalendar, useStoreCurrency } from './use-store-calendar'
import { useTokens } from './use-tokens'

/** Issue a token: opening balance in the store's currency, last valid day (a year on by default), holder, note. */
export function IssueTokenForm() {
  const { t } = useI18n<TokensTexts>()
  const { currency, decimals } = useStoreCurrency()
  const { today } = useStoreCalendar()
  const pending = useTokens((s) => s.issuePending)
  const refusal = useTokens((s) => s.issueError)
  const issueSubmitted = useTokens((s) => s.issueSubmitted)
  const issueCancelled = useTokens((s) => s.issueCancelled)

  const schema = useMemo(() => issueFormSchema(decimals, today), [decimals, today])
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<IssueFormValues, unknown, IssueInput>({
    resolver: zodResolver(schema, FORM_ISSUES),
    defaultValues: { balance: '', expiresOn: yearAfter(today), holderName: '', note: '' },
  })

  return (
    <section className="tokens-issue-page" aria-labelledby="issue-title">
      <h2 id="issue-title" className="tokens-page-title">
        {t('tokens.issueTitle')}
      </h2>
      <p className="field-hint">{t('tokens.issueHint')}</p>
      <form
        className="tokens-form"
        noValidate
        onSubmit={(event) => void handleSubmit((values) => issueSubmitted(values))(event)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            issueCancelled()
          }
        }}
      >
        <FormField id="issue-balance" label={t('tokens.field.balance', { currency })} error={errors.balance}>
          <input
            id="issue-balance"
            className="input input-large"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            {...register('balance')}
            {...describedBy('issue-balance', { error: errors.balance })}
          />
        </FormField>
        <FormField id="issue-expires" label={t('tokens.field.expiresOn')} error={errors.expiresOn}>
          <input
            id="issue-expires"
            className="input"
            type="date"
            min={today}
            {...register('expiresOn')}
            {...describedBy('issue-expires', { error: errors.expiresOn })}
          />
        </FormField>
        <FormField id="issue-holder" label={t('tokens.field.holder')} optional error={errors.holderName}>
          <input
            id="issue-holder"
            className="input"
            type="text"
            autoComplete="off"
            {...register('holderName')}
            {...describedBy('issue-holder', { error: errors.holderName })}
          />
        </FormField>
        <FormField id="issue-note" label={t('tokens.field.note')} optional error={errors.note}>
          <input
            id="issue-note"
            className="input"
            type="text"
            autoComplete="off"
            {...register('note')}
            {...describedBy('issue-note', { error: errors.note })}
          />
        </FormField>
        <FormError message={refusal} />
        <div className="tokens-form-actions">
          <button type="button" className="button button-quiet" aria-disabled={pending} onClick={issueCancelled}>
            {t('tokens.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={pending}>
            {pending ? t('tokens.issuing') : t('tokens.issueSubmit')}
          </button>
        </div>
      </form>
    </section>
  )
}
