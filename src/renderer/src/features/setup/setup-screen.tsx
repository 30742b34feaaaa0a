import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef } from 'react'
import { useForm } from 'react-hook-form'
import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { InputField, SelectField } from '../../ui/form-field'
import { FORM_ISSUES } from '../../ui/form-issues'
import type { FormTexts } from '../../ui/form.en'
import type { UiTexts } from '../../ui/ui.en'
import { createStoreInput, setupFormSchema, type SetupForm, type SetupFormInput } from './setup-form.schema'
import type { SetupTexts } from './setup.en'
import './setup.css'
import { CurrencyOptions, DecimalOptions, LocaleOptions, TimeZoneOptions } from './store-options'
import { defaultDecimals, machineLocale, machineTimeZone } from './store-choices'
import { NewPasswordFields } from './new-password-fields'
import { useSetup } from './use-setup'

type Texts = SetupTexts & FormTexts & UiTexts

function SetupChoices() {
  const { t } = useI18n<Texts>()
  const firstRef = useRef<HTMLButtonElement>(null)
  const { pending, error } = useSetup(useShallow((s) => ({ pending: s.pending, error: s.error })))
  const setupChosen = useSetup((s) => s.setupChosen)
  const demoChosen = useSetup((s) => s.demoChosen)

  useEffect(() => {
    firstRef.current?.focus()
  }, [])

  return (
    <section className="setup-card setup-choices" aria-labelledby="setup-welcome">
      <p className="sign-in-app">{t('app.title')}</p>
      <h1 id="setup-welcome" className="sign-in-title">
        {t('setup.welcome')}
      </h1>
      <p className="sign-in-subtitle">{t('setup.welcomeIntro')}</p>
      <div className="setup-choice-list">
        <button
          ref={firstRef}
          type="button"
          className="setup-choice setup-choice-primary"
          aria-describedby="setup-own-hint"
          aria-disabled={pending}
          onClick={setupChosen}
        >
          <span className="setup-choice-title">{t('setup.chooseOwn')}</span>
          <span id="setup-own-hint" className="setup-choice-hint">
            {t('setup.chooseOwnHint')}
          </span>
        </button>
        <button
          type="button"
          className="setup-choice"
          aria-describedby="setup-demo-hint"
          aria-disabled={pending}
          onClick={() => void demoChosen()}
        >
          <span className="setup-choice-title">{pending ? t('setup.demoLoading') : t('setup.chooseDemo')}</span>
          <span id="setup-demo-hint" className="setup-choice-hint">
            {t('setup.chooseDemoHint')}
          </span>
        </button>
      </div>
      <FormError message={error} />
    </section>
  )
}

function StoreSetupForm() {
  const { t } = useI18n<Texts>()
  const { pending, error, demoKeptAs } = useSetup(useShallow((s) => ({ pending: s.pending, error: s.error, demoKeptAs: s.demoKeptAs })))
  const storeSubmitted = useSetup((s) => s.storeSubmitted)
  const setupBackChosen = useSetup((s) => s.setupBackChosen)
  const defaults = useMemo(
    (): SetupFormInput => ({
      name: '',
      address: '',
      phone: '',
      taxNumber: '',
      currency: 'NPR',
      currencyDecimals: defaultDecimals('NPR'),
      locale: machineLocale(),
      timeZone: machineTimeZone(),
      username: '',
      displayName: '',
      password: '',
      passwordConfirm: '',
    }),
    [],
  )
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    formState: { errors },
  } = useForm<SetupFormInput, unknown, SetupForm>({ resolver: zodResolver(setupFormSchema, FORM_ISSUES), defaultValues: defaults })

  useEffect(() => {
    setFocus('name')
  }, [setFocus])

  // After a refusal of the password, ask for it again.
  useEffect(() => {
    if (error === null) return
    setValue('password', '')
    setValue('passwordConfirm', '')
  }, [error, setValue])

  return (
    <form
      className="setup-card setup-form"
      noValidate
      aria-labelledby="setup-title"
      onSubmit={(event) => void handleSubmit((form) => storeSubmitted(createStoreInput(form)))(event)}
    >
      <p className="sign-in-app">{t('app.title')}</p>
      <h1 id="setup-title" className="sign-in-title">
        {t('setup.title')}
      </h1>
      {demoKeptAs && (
        <p className="setup-notice" role="status">
          {t('setup.demoKept', { file: demoKeptAs })}
        </p>
      )}
      <div className="setup-columns">
        <fieldset className="setup-fieldset">
          <legend>{t('setup.storeSection')}</legend>
          <InputField id="setup-name" label={t('setup.name')} error={errors.name} autoComplete="organization" {...register('name')} />
          <InputField
            id="setup-address"
            label={t('setup.address')}
            optional
            error={errors.address}
            autoComplete="street-address"
            {...register('address')}
          />
          <div className="field-pair">
            <InputField
              id="setup-phone"
              label={t('setup.phone')}
              optional
              error={errors.phone}
              type="tel"
              autoComplete="tel"
              {...register('phone')}
            />
            <InputField
              id="setup-tax"
              label={t('setup.taxNumber')}
              optional
              hint={t('setup.taxNumberHint')}
              error={errors.taxNumber}
              autoComplete="off"
              {...register('taxNumber')}
            />
          </div>
          <div className="field-pair">
            <SelectField
              id="setup-currency"
              label={t('setup.currency')}
              error={errors.currency}
              {...register('currency', {
                onChange: (event: { target: { value: string } }) => setValue('currencyDecimals', defaultDecimals(event.target.value)),
              })}
            >
              <CurrencyOptions />
            </SelectField>
            <SelectField
              id="setup-decimals"
              label={t('setup.currencyDecimals')}
              hintElsewhere
              error={errors.currencyDecimals}
              {...register('currencyDecimals', { setValueAs: Number })}
            >
              <DecimalOptions />
            </SelectField>
          </div>
          <p id="setup-decimals-hint" className="field-hint">
            {t('setup.currencyDecimalsHint')}
          </p>
          <div className="field-pair">
            <SelectField id="setup-locale" label={t('setup.locale')} error={errors.locale} {...register('locale')}>
              <LocaleOptions />
            </SelectField>
            <SelectField id="setup-time-zone" label={t('setup.timeZone')} error={errors.timeZone} {...register('timeZone')}>
              <TimeZoneOptions />
            </SelectField>
          </div>
        </fieldset>
        <fieldset className="setup-fieldset">
          <legend>{t('setup.ownerSection')}</legend>
          <p className="field-hint">{t('setup.ownerHint')}</p>
          <InputField
            id="setup-display-name"
            label={t('setup.displayName')}
            error={errors.displayName}
            autoComplete="name"
            {...register('displayName')}
          />
          <InputField
            id="setup-username"
            label={t('setup.username')}
            hint={t('setup.usernameHint')}
            error={errors.username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...register('username')}
          />
          <NewPasswordFields
            ids={['setup-password', 'setup-password-confirm']}
            labels={[t('setup.password'), t('setup.passwordConfirm')]}
            password={register('password')}
            confirm={register('passwordConfirm')}
            errors={{ password: errors.password, confirm: errors.passwordConfirm }}
          />
        </fieldset>
      </div>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" aria-disabled={pending} onClick={setupBackChosen}>
          {t('setup.back')}
        </button>
        <button type="submit" className="button button-primary" aria-disabled={pending}>
          {pending ? t('setup.submitting') : t('setup.submit')}
        </button>
      </div>
    </form>
  )
}

/** First start: an empty database, so the store is set up (or the demo loaded) before anyone signs in. */
export function SetupScreen() {
  const step = useSetup((s) => s.step)
  return <main className="setup">{step === 'choose' ? <SetupChoices /> : <StoreSetupForm />}</main>
}
