import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { cashRoundingMode, taxRounding, type StoreSettingsDto } from '#shared/contract/settings'
import { decimalAmount } from '#shared/money/money'
import { messagesOf, money } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { describedBy, FormField } from '../../ui/form-field'
import { decodeMessage, encodeMessage, FORM_ISSUES } from '../../ui/form-issues'
import { CurrencyOptions, DecimalOptions, defaultDecimals, LocaleOptions, TimeZoneOptions } from '../setup/public'
import { TaxChoices, type TaxesTexts } from '../taxes/public'
import {
  CASH_INCREMENT_RANGE,
  changedSettings,
  settingsFormSchema,
  settingsFormValues,
  type SettingsFormInput,
  type SettingsFormOutput,
} from './settings-form.schema'
import type { SettingsTexts } from './settings.en'
import './settings.css'
import { currencyLocked } from './settings.slice'
import { useSettings } from './use-settings'
import { WalletList } from './wallet-list'

const msg = messagesOf<SettingsTexts>()

function SettingsForm({ settings }: { settings: StoreSettingsDto }) {
  const { t, render } = useI18n<SettingsTexts & TaxesTexts>()
  const pending = useSettings((s) => s.savePending)
  const feedback = useSettings((s) => s.saveFeedback)
  const locked = useSettings(currencyLocked)
  const taxRates = useSettings((s) => s.taxRates)
  const settingsSubmitted = useSettings((s) => s.settingsSubmitted)
  const values = useMemo(() => settingsFormValues(settings), [settings])
  // Amounts are typed in the currency as saved: a change of currency applies to them once saved.
  const decimals = settings.currencyDecimals
  const schema = useMemo(
    () =>
      settingsFormSchema(decimals, {
        cashRounding: encodeMessage(
          msg('settings.invalid.cashRounding', { min: money(CASH_INCREMENT_RANGE.min), max: money(CASH_INCREMENT_RANGE.max) }),
        ),
        percent: encodeMessage(msg('settings.invalid.percent')),
      }),
    [decimals],
  )
  const {
    register,
    handleSubmit,
    reset,
    setValue,
    control,
    formState: { errors },
  } = useForm<SettingsFormInput, unknown, SettingsFormOutput>({ resolver: zodResolver(schema, FORM_ISSUES), defaultValues: values })

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
      onSubmit={(event) => void handleSubmit((output) => settingsSubmitted(changedSettings(output, settings)))(event)}
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
          <legend>{t('settings.sales')}</legend>
          <FormField
            id="settings-tax-rounding"
            label={t('settings.taxRounding')}
            hint={t('settings.taxRoundingHint')}
            error={errors.taxRounding}
          >
            <select
              id="settings-tax-rounding"
              className="input"
              {...describedBy('settings-tax-rounding', { hint: true, error: errors.taxRounding })}
              {...register('taxRounding')}
            >
              {taxRounding.options.map((option) => (
                <option key={option} value={option}>
                  {t(`settings.taxRounding.${option}`)}
                </option>
              ))}
            </select>
          </FormField>
          <Controller
            control={control}
            name="defaultTaxRateIds"
            render={({ field }) => (
              <TaxChoices
                id="settings-default-taxes"
                legend={t('settings.defaultTaxes')}
                hint={t('settings.defaultTaxesHint')}
                error={errors.defaultTaxRateIds ? render(decodeMessage(errors.defaultTaxRateIds.message)) : undefined}
                rates={taxRates}
                value={field.value ?? []}
                onChange={(ids) => field.onChange(ids)}
              />
            )}
          />
          <div className="field-pair">
            <FormField
              id="settings-cash-rounding"
              label={t('settings.cashRounding', { currency: settings.currency })}
              hint={t('settings.cashRoundingHint', { none: decimalAmount(1, decimals) })}
              error={errors.cashRoundingIncrement}
            >
              <input
                id="settings-cash-rounding"
                className="input input-amount"
                inputMode="decimal"
                autoComplete="off"
                {...describedBy('settings-cash-rounding', { hint: true, error: errors.cashRoundingIncrement })}
                {...register('cashRoundingIncrement')}
              />
            </FormField>
            <FormField id="settings-cash-mode" label={t('settings.cashRoundingMode')} error={errors.cashRoundingMode}>
              <select
                id="settings-cash-mode"
                className="input"
                {...describedBy('settings-cash-mode', { error: errors.cashRoundingMode })}
                {...register('cashRoundingMode')}
              >
                {cashRoundingMode.options.map((option) => (
                  <option key={option} value={option}>
                    {t(`settings.cashRoundingMode.${option}`)}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
          <FormField
            id="settings-discount-limit"
            label={t('settings.discountLimit')}
            hint={t('settings.discountLimitHint')}
            error={errors.discountLimitPercent}
          >
            <input
              id="settings-discount-limit"
              className="input input-amount"
              inputMode="decimal"
              autoComplete="off"
              {...describedBy('settings-discount-limit', { hint: true, error: errors.discountLimitPercent })}
              {...register('discountLimitPercent')}
            />
          </FormField>
          <Controller
            control={control}
            name="wallets"
            render={({ field }) => (
              <WalletList
                id="settings-wallets"
                wallets={field.value ?? []}
                onChange={(wallets) => field.onChange(wallets)}
                error={errors.wallets ? render(decodeMessage(errors.wallets.message)) : undefined}
              />
            )}
          />
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
