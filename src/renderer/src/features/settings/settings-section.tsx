import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { cashRoundingMode, taxRounding, type StoreSettingsDto } from '#shared/contract/settings'
import { UPDATES_URL_MAX } from '#shared/contract/updates'
import { decimalAmount } from '#shared/money/money'
import { messagesOf, money } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { InputField, SelectField, TextAreaField } from '../../ui/form-field'
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
import { PrinterGroup } from './printer-group'
import { CustomerDisplayGroup } from './customer-display-group'
import { currencyLocked } from './settings.slice'
import { UpdatesGroup } from './updates-group'
import { useSettings } from './use-settings'
import { WalletList } from './wallet-list'
import { BsCalendarYears } from './bs-calendar-years'

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
        printerHost: encodeMessage(msg('settings.invalid.printerHost')),
        printerDevice: encodeMessage(msg('settings.invalid.printerDevice')),
        printerName: encodeMessage(msg('settings.invalid.printerName')),
        updatesUrl: {
          notUrl: encodeMessage(msg('settings.invalid.updatesUrl.notUrl')),
          scheme: encodeMessage(msg('settings.invalid.updatesUrl.scheme')),
          insecure: encodeMessage(msg('settings.invalid.updatesUrl.insecure')),
          credentials: encodeMessage(msg('settings.invalid.updatesUrl.credentials')),
          queryOrFragment: encodeMessage(msg('settings.invalid.updatesUrl.queryOrFragment')),
          tooLong: encodeMessage(msg('settings.invalid.updatesUrl.tooLong', { max: UPDATES_URL_MAX })),
        },
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
  // The controls of an amount and of a count of minutes or items.
  const amount = { className: 'input input-amount', inputMode: 'decimal', autoComplete: 'off' } as const
  const count = { className: 'input input-number', type: 'number', inputMode: 'numeric' } as const
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
          <InputField id="settings-store-name" label={t('settings.storeName')} error={errors.storeName} {...register('storeName')} />
          <InputField id="settings-address" label={t('settings.address')} optional error={errors.address} {...register('address')} />
          <div className="field-pair">
            <InputField id="settings-phone" label={t('settings.phone')} optional error={errors.phone} type="tel" {...register('phone')} />
            <InputField id="settings-tax" label={t('settings.taxNumber')} optional error={errors.taxNumber} {...register('taxNumber')} />
          </div>
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.money')}</legend>
          <div className="field-pair">
            <SelectField
              id="settings-currency"
              label={t('settings.currency')}
              hintElsewhere
              error={errors.currency}
              disabled={locked}
              {...register('currency', {
                onChange: (event: { target: { value: string } }) =>
                  setValue('currencyDecimals', defaultDecimals(event.target.value), { shouldDirty: true }),
              })}
            >
              <CurrencyOptions current={settings.currency} />
            </SelectField>
            <SelectField
              id="settings-decimals"
              label={t('settings.currencyDecimals')}
              error={errors.currencyDecimals}
              disabled={locked}
              {...register('currencyDecimals', { setValueAs: Number })}
            >
              <DecimalOptions />
            </SelectField>
          </div>
          <p id="settings-currency-hint" className={locked ? 'field-hint field-hint-locked' : 'field-hint'} data-testid="currency-hint">
            {currencyHint}
          </p>
          <div className="field-pair">
            <SelectField id="settings-locale" label={t('settings.locale')} error={errors.locale} {...register('locale')}>
              <LocaleOptions />
            </SelectField>
            <SelectField
              id="settings-time-zone"
              label={t('settings.timeZone')}
              hint={t('settings.timeZoneHint')}
              error={errors.timeZone}
              {...register('timeZone')}
            >
              <TimeZoneOptions current={settings.timeZone} />
            </SelectField>
          </div>
          <div className="field">
            <label className="check">
              <input
                id="settings-bikram-sambat"
                type="checkbox"
                aria-describedby="settings-bikram-sambat-hint"
                {...register('bikramSambat')}
              />
              <span>{t('settings.bikramSambat')}</span>
            </label>
            <p id="settings-bikram-sambat-hint" className="field-hint">
              {t('settings.bikramSambatHint')}
            </p>
          </div>
          <Controller
            control={control}
            name="bikramSambatYears"
            render={({ field }) => (
              <BsCalendarYears
                id="settings-bs-calendar"
                years={field.value ?? []}
                onChange={(years) => field.onChange(years)}
                error={errors.bikramSambatYears ? render(decodeMessage(errors.bikramSambatYears.message)) : undefined}
              />
            )}
          />
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.receipts')}</legend>
          <TextAreaField
            id="settings-receipt-header"
            label={t('settings.receiptHeader')}
            optional
            hint={t('settings.receiptHeaderHint')}
            error={errors.receiptHeader}
            className="input textarea"
            rows={3}
            {...register('receiptHeader')}
          />
          <TextAreaField
            id="settings-receipt-footer"
            label={t('settings.receiptFooter')}
            optional
            hint={t('settings.receiptFooterHint')}
            error={errors.receiptFooter}
            className="input textarea"
            rows={3}
            {...register('receiptFooter')}
          />
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.sales')}</legend>
          <SelectField
            id="settings-tax-rounding"
            label={t('settings.taxRounding')}
            hint={t('settings.taxRoundingHint')}
            error={errors.taxRounding}
            {...register('taxRounding')}
          >
            {taxRounding.options.map((option) => (
              <option key={option} value={option}>
                {t(`settings.taxRounding.${option}`)}
              </option>
            ))}
          </SelectField>
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
            <InputField
              id="settings-cash-rounding"
              label={t('settings.cashRounding', { currency: settings.currency })}
              hint={t('settings.cashRoundingHint', { none: decimalAmount(1, decimals) })}
              error={errors.cashRoundingIncrement}
              {...amount}
              {...register('cashRoundingIncrement')}
            />
            <SelectField
              id="settings-cash-mode"
              label={t('settings.cashRoundingMode')}
              error={errors.cashRoundingMode}
              {...register('cashRoundingMode')}
            >
              {cashRoundingMode.options.map((option) => (
                <option key={option} value={option}>
                  {t(`settings.cashRoundingMode.${option}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <InputField
            id="settings-discount-limit"
            label={t('settings.discountLimit')}
            hint={t('settings.discountLimitHint')}
            error={errors.discountLimitPercent}
            {...amount}
            {...register('discountLimitPercent')}
          />
          <div className="field">
            <label className="check">
              <input
                id="settings-cashiers-return"
                type="checkbox"
                aria-describedby="settings-cashiers-return-hint"
                {...register('cashiersMayReturn')}
              />
              <span>{t('settings.cashiersMayReturn')}</span>
            </label>
            <p id="settings-cashiers-return-hint" className="field-hint">
              {t('settings.cashiersMayReturnHint')}
            </p>
          </div>
          <div className="field">
            <label className="check">
              <input id="settings-shifts" type="checkbox" aria-describedby="settings-shifts-hint" {...register('shiftsEnabled')} />
              <span>{t('settings.shiftsEnabled')}</span>
            </label>
            <p id="settings-shifts-hint" className="field-hint">
              {t('settings.shiftsEnabledHint')}
            </p>
          </div>
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

        <PrinterGroup register={register} control={control} errors={errors.printer} />

        <CustomerDisplayGroup register={register} control={control} />

        <fieldset className="settings-group">
          <legend>{t('settings.security')}</legend>
          <InputField
            id="settings-idle"
            label={t('settings.sessionIdleMinutes')}
            error={errors.sessionIdleMinutes}
            {...count}
            min={1}
            max={720}
            {...register('sessionIdleMinutes', number)}
          />
          <InputField
            id="settings-lock"
            label={t('settings.signInLockMinutes')}
            error={errors.signInLockMinutes}
            {...count}
            min={1}
            max={1440}
            {...register('signInLockMinutes', number)}
          />
          <InputField
            id="settings-low-stock"
            label={t('settings.defaultLowStockAt')}
            hint={t('settings.defaultLowStockAtHint')}
            error={errors.defaultLowStockAt}
            {...count}
            min={0}
            {...register('defaultLowStockAt', number)}
          />
        </fieldset>

        <UpdatesGroup register={register} error={errors.updatesUrl} />
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
