import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { settingsPatch, type StoreSettingsDto } from '#shared/contract/settings'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { describedBy, FormField } from '../../ui/form-field'
import { FORM_ISSUES } from '../../ui/form-issues'
import { CurrencyOptions, DecimalOptions, defaultDecimals, LocaleOptions, TimeZoneOptions } from '../setup/public'
import type { SettingsTexts } from './settings.en'
import './settings.css'
import { currencyLocked, type SettingsPatch } from './settings.slice'
import { useSettings } from './use-settings'

type FormInput = z.input<typeof settingsPatch>
type FormOutput = z.output<typeof settingsPatch>
type Field = keyof FormInput & keyof FormOutput

/** The settings as the form edits them: every field of the patch, from what core answered. */
function formValues(settings: StoreSettingsDto): Required<FormInput> {
  return {
    storeName: settings.storeName,
    address: settings.address,
    phone: settings.phone,
    taxNumber: settings.taxNumber,
    currency: settings.currency,
    currencyDecimals: settings.currencyDecimals,
    locale: settings.locale,
    timeZone: settings.timeZone,
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
    sessionIdleMinutes: settings.sessionIdleMinutes,
    signInLockMinutes: settings.signInLockMinutes,
    defaultLowStockAt: settings.defaultLowStockAt,
  }
}

/** Only what was changed is sent, so a save never rewrites a field someone else changed meanwhile. */
function changedOnly(values: FormOutput, dirty: Partial<Record<Field, unknown>>): SettingsPatch {
  const patch: Record<string, unknown> = {}
  for (const field of Object.keys(dirty) as Field[]) {
    if (dirty[field] && values[field] !== undefined) patch[field] = values[field]
  }
  return patch as SettingsPatch
}

function SettingsForm({ settings }: { settings: StoreSettingsDto }) {
  const { t } = useI18n<SettingsTexts>()
  const pending = useSettings((s) => s.savePending)
  const feedback = useSettings((s) => s.saveFeedback)
  const locked = useSettings(currencyLocked)
  const settingsSubmitted = useSettings((s) => s.settingsSubmitted)
  const values = useMemo(() => formValues(settings), [settings])
  const {
    register,
    handleSubmit,
    reset,
    setValue,
    formState: { errors, dirtyFields },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(settingsPatch, FORM_ISSUES), defaultValues: values })

  // Saved: the form starts again from what core kept.
  useEffect(() => {
    reset(values)
  }, [values, reset])

  const number = { valueAsNumber: true } as const
  const currencyHint = locked ? t('settings.currencyLocked') : t('settings.currencyHint')

  return (
    <form
      className="settings-form"
      noValidate
      aria-label={t('settings.save')}
      onSubmit={(event) => void handleSubmit((output) => settingsSubmitted(changedOnly(output, dirtyFields)))(event)}
    >
      <div className="settings-groups">
        <fieldset className="settings-group">
          <legend>{t('settings.store')}</legend>
          <p className="field-hint">{t('settings.storeHint')}</p>
          <FormField id="settings-store-name" label={t('settings.storeName')} error={errors.storeName}>
            <input
              id="settings-store-name"
              className="input"
              {...describedBy('settings-store-name', { error: errors.storeName })}
              {...register('storeName')}
            />
          </FormField>
          <FormField id="settings-address" label={t('settings.address')} optional error={errors.address}>
            <input
              id="settings-address"
              className="input"
              {...describedBy('settings-address', { error: errors.address })}
              {...register('address')}
            />
          </FormField>
          <div className="field-pair">
            <FormField id="settings-phone" label={t('settings.phone')} optional error={errors.phone}>
              <input
                id="settings-phone"
                className="input"
                type="tel"
                {...describedBy('settings-phone', { error: errors.phone })}
                {...register('phone')}
              />
            </FormField>
            <FormField id="settings-tax" label={t('settings.taxNumber')} optional error={errors.taxNumber}>
              <input
                id="settings-tax"
                className="input"
                {...describedBy('settings-tax', { error: errors.taxNumber })}
                {...register('taxNumber')}
              />
            </FormField>
          </div>
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.money')}</legend>
          <div className="field-pair">
            <FormField id="settings-currency" label={t('settings.currency')} error={errors.currency}>
              <select
                id="settings-currency"
                className="input"
                disabled={locked}
                {...describedBy('settings-currency', { hint: true, error: errors.currency })}
                {...register('currency', {
                  onChange: (event: { target: { value: string } }) =>
                    setValue('currencyDecimals', defaultDecimals(event.target.value), { shouldDirty: true }),
                })}
              >
                <CurrencyOptions current={settings.currency} />
              </select>
            </FormField>
            <FormField id="settings-decimals" label={t('settings.currencyDecimals')} error={errors.currencyDecimals}>
              <select
                id="settings-decimals"
                className="input"
                disabled={locked}
                {...describedBy('settings-decimals', { error: errors.currencyDecimals })}
                {...register('currencyDecimals', { setValueAs: Number })}
              >
                <DecimalOptions />
              </select>
            </FormField>
          </div>
          <p id="settings-currency-hint" className={locked ? 'field-hint field-hint-locked' : 'field-hint'} data-testid="currency-hint">
            {currencyHint}
          </p>
          <div className="field-pair">
            <FormField id="settings-locale" label={t('settings.locale')} error={errors.locale}>
              <select
                id="settings-locale"
                className="input"
                {...describedBy('settings-locale', { error: errors.locale })}
                {...register('locale')}
              >
                <LocaleOptions />
              </select>
            </FormField>
            <FormField id="settings-time-zone" label={t('settings.timeZone')} hint={t('settings.timeZoneHint')} error={errors.timeZone}>
              <select
                id="settings-time-zone"
                className="input"
                {...describedBy('settings-time-zone', { hint: true, error: errors.timeZone })}
                {...register('timeZone')}
              >
                <TimeZoneOptions current={settings.timeZone} />
              </select>
            </FormField>
          </div>
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.receipts')}</legend>
          <FormField
            id="settings-receipt-header"
            label={t('settings.receiptHeader')}
            optional
            hint={t('settings.receiptHeaderHint')}
            error={errors.receiptHeader}
          >
            <textarea
              id="settings-receipt-header"
              className="input textarea"
              rows={3}
              {...describedBy('settings-receipt-header', { hint: true, error: errors.receiptHeader })}
              {...register('receiptHeader')}
            />
          </FormField>
          <FormField
            id="settings-receipt-footer"
            label={t('settings.receiptFooter')}
            optional
            hint={t('settings.receiptFooterHint')}
            error={errors.receiptFooter}
          >
            <textarea
              id="settings-receipt-footer"
              className="input textarea"
              rows={3}
              {...describedBy('settings-receipt-footer', { hint: true, error: errors.receiptFooter })}
              {...register('receiptFooter')}
            />
          </FormField>
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.security')}</legend>
          <FormField id="settings-idle" label={t('settings.sessionIdleMinutes')} error={errors.sessionIdleMinutes}>
            <input
              id="settings-idle"
              className="input input-number"
              type="number"
              inputMode="numeric"
              min={1}
              max={720}
              {...describedBy('settings-idle', { error: errors.sessionIdleMinutes })}
              {...register('sessionIdleMinutes', number)}
            />
          </FormField>
          <FormField id="settings-lock" label={t('settings.signInLockMinutes')} error={errors.signInLockMinutes}>
            <input
              id="settings-lock"
              className="input input-number"
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              {...describedBy('settings-lock', { error: errors.signInLockMinutes })}
              {...register('signInLockMinutes', number)}
            />
          </FormField>
          <FormField
            id="settings-low-stock"
            label={t('settings.defaultLowStockAt')}
            hint={t('settings.defaultLowStockAtHint')}
            error={errors.defaultLowStockAt}
          >
            <input
              id="settings-low-stock"
              className="input input-number"
              type="number"
              inputMode="numeric"
              min={0}
              {...describedBy('settings-low-stock', { hint: true, error: errors.defaultLowStockAt })}
              {...register('defaultLowStockAt', number)}
            />
          </FormField>
        </fieldset>
      </div>
      <div className="settings-footer">
        <FeedbackLine feedback={feedback} />
        <button type="button" className="button button-quiet" aria-disabled={pending} onClick={() => reset(values)}>
          {t('settings.reset')}
        </button>
        <button type="submit" className="button button-primary" aria-disabled={pending}>
          {pending ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
    </form>
  )
}

/** The back office's Settings section: every store setting, validated by the contract's patch schema. */
export function SettingsSection() {
  const { t, render } = useI18n<SettingsTexts>()
  const settings = useSettings((s) => s.settings)
  const loadError = useSettings((s) => s.loadError)
  const settingsRequested = useSettings((s) => s.settingsRequested)

  useEffect(() => {
    void settingsRequested()
  }, [settingsRequested])

  if (loadError && !settings) {
    return (
      <p className="feedback feedback-error" role="alert">
        {render(loadError)}
      </p>
    )
  }
  if (!settings) return <p role="status">{t('settings.loading')}</p>
  return <SettingsForm settings={settings} />
}
