import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { authContract } from '#shared/contract/auth'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { InputField } from '../../ui/form-field'
import { FORM_ISSUES } from '../../ui/form-issues'
import type { UiTexts } from '../../ui/ui.en'
import { NewPasswordFields, passwordRules, type SetupTexts } from '../setup/public'
import type { sessionEn } from './session.en'
import { useSession } from './use-session'
import './session.css'

type Texts = typeof sessionEn & SetupTexts & UiTexts

const recover = authContract['auth:recover'].input.shape

const recoverySchema = z
  .object({ username: recover.username, recoveryCode: recover.recoveryCode, newPassword: recover.newPassword, confirm: z.string() })
  .superRefine(passwordRules({ username: (form) => form.username, password: 'newPassword', confirm: 'confirm' }))

type RecoveryFormInput = z.input<typeof recoverySchema>

/** The owner's way back in: username, the recovery code, a new password. */
export function RecoveryForm() {
  const { t } = useI18n<Texts>()
  const pending = useSession((s) => s.recoveryPending)
  const error = useSession((s) => s.recoveryError)
  const recoverySubmitted = useSession((s) => s.recoverySubmitted)
  const recoveryCancelled = useSession((s) => s.recoveryCancelled)
  const {
    register,
    handleSubmit,
    setFocus,
    setValue,
    formState: { errors },
  } = useForm<RecoveryFormInput, unknown, z.output<typeof recoverySchema>>({
    resolver: zodResolver(recoverySchema, FORM_ISSUES),
    defaultValues: { username: '', recoveryCode: '', newPassword: '', confirm: '' },
  })

  useEffect(() => {
    setFocus('username')
  }, [setFocus])

  useEffect(() => {
    if (error === null) return
    setValue('newPassword', '')
    setValue('confirm', '')
  }, [error, setValue])

  return (
    <form
      className="sign-in-card recovery-form-card"
      noValidate
      aria-labelledby="recover-title"
      onSubmit={(event) =>
        void handleSubmit(({ username, recoveryCode, newPassword }) => recoverySubmitted({ username, recoveryCode, newPassword }))(event)
      }
    >
      <p className="sign-in-app">{t('app.title')}</p>
      <h1 id="recover-title" className="sign-in-title">
        {t('recover.title')}
      </h1>
      <p className="sign-in-subtitle">{t('recover.intro')}</p>
      <InputField
        id="recover-username"
        label={t('recover.username')}
        error={errors.username}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        {...register('username')}
      />
      <InputField
        id="recover-code"
        label={t('recover.code')}
        error={errors.recoveryCode}
        className="input input-code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        {...register('recoveryCode')}
      />
      <NewPasswordFields
        ids={['recover-password', 'recover-confirm']}
        labels={[t('recover.newPassword'), t('recover.newPasswordConfirm')]}
        password={register('newPassword')}
        confirm={register('confirm')}
        errors={{ password: errors.newPassword, confirm: errors.confirm }}
      />
      <FormError message={error} />
      <button type="submit" className="button button-primary button-wide" aria-disabled={pending}>
        {pending ? t('recover.pending') : t('recover.submit')}
      </button>
      <button type="button" className="link-button" aria-disabled={pending} onClick={recoveryCancelled}>
        {t('recover.back')}
      </button>
    </form>
  )
}
