import { zodResolver } from '@hookform/resolvers/zod'
import { useRef, type RefObject } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { useI18n } from '../../platform/i18n/use-i18n'
import { EscapeButton, TitledDialog } from '../../ui/dialog-form'
import { InputField } from '../../ui/form-field'
import { FORM_ISSUES } from '../../ui/form-issues'
import { FeedbackLine } from '../../ui/feedback-line'
import { NewPasswordFields } from '../setup/public'
import { useSession } from '../session/public'
import { changeOwnPasswordSchema, pinSchema } from './staff-forms.schema'
import type { UsersTexts } from './users.en'
import './users.css'
import { useUsers } from './use-users'

function PasswordSection({ username, firstRef }: { username: string; firstRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n<UsersTexts>()
  const pending = useUsers((s) => s.accountPasswordPending)
  const feedback = useUsers((s) => s.accountPasswordFeedback)
  const ownPasswordChanged = useUsers((s) => s.ownPasswordChanged)
  const schema = changeOwnPasswordSchema(username)
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema, FORM_ISSUES),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  })
  return (
    <section className="account-section" aria-labelledby="account-password-title">
      <h3 id="account-password-title" className="manager-section-title">
        {t('account.passwordSection')}
      </h3>
      <form
        noValidate
        className="dialog-form"
        onSubmit={(event) =>
          void handleSubmit(async ({ currentPassword, newPassword }) => {
            if (await ownPasswordChanged({ currentPassword, newPassword })) reset()
          })(event)
        }
      >
        <InputField
          id="account-current"
          label={t('account.currentPassword')}
          error={errors.currentPassword}
          type="password"
          autoComplete="current-password"
          {...register('currentPassword')}
          focusRef={firstRef}
        />
        <NewPasswordFields
          ids={['account-new', 'account-confirm']}
          labels={[t('account.newPassword'), t('account.newPasswordConfirm')]}
          password={register('newPassword')}
          confirm={register('confirm')}
          errors={{ password: errors.newPassword, confirm: errors.confirm }}
        />
        <div>
          <button type="submit" className="button button-primary" aria-disabled={pending}>
            {pending ? t('account.changingPassword') : t('account.changePassword')}
          </button>
        </div>
      </form>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

function PinSection() {
  const { t } = useI18n<UsersTexts>()
  const pending = useUsers((s) => s.accountPinPending)
  const feedback = useUsers((s) => s.accountPinFeedback)
  const ownPinSet = useUsers((s) => s.ownPinSet)
  const {
    register,
    handleSubmit,
    reset,
    trigger,
    getValues,
    formState: { errors },
  } = useForm<z.input<typeof pinSchema>, unknown, z.output<typeof pinSchema>>({
    resolver: zodResolver(pinSchema, FORM_ISSUES),
    defaultValues: { currentPassword: '', pin: '' },
  })

  async function removeChosen(): Promise<void> {
    if (pending || !(await trigger('currentPassword'))) return
    if (await ownPinSet({ currentPassword: getValues('currentPassword'), pin: null })) reset()
  }

  return (
    <section className="account-section" aria-labelledby="account-pin-title">
      <h3 id="account-pin-title" className="manager-section-title">
        {t('account.pinSection')}
      </h3>
      <p className="field-hint">{t('account.pinHint')}</p>
      <form
        noValidate
        className="dialog-form"
        onSubmit={(event) =>
          void handleSubmit(async ({ currentPassword, pin }) => {
            if (await ownPinSet({ currentPassword, pin })) reset()
          })(event)
        }
      >
        <InputField
          id="account-pin"
          label={t('account.pin')}
          hint={t('account.pinDigits')}
          error={errors.pin}
          className="input input-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          {...register('pin')}
        />
        <InputField
          id="account-pin-password"
          label={t('account.pinCurrentPassword')}
          error={errors.currentPassword}
          type="password"
          autoComplete="current-password"
          {...register('currentPassword')}
        />
        <div className="field-row">
          <button type="submit" className="button button-primary" aria-disabled={pending}>
            {pending ? t('account.settingPin') : t('account.setPin')}
          </button>
          <button type="button" className="button button-quiet" aria-disabled={pending} onClick={() => void removeChosen()}>
            {t('account.removePin')}
          </button>
        </div>
      </form>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

/** Everyone's own account, from the header: their password and their approval PIN. */
export function MyAccountDialog() {
  const { t } = useI18n<UsersTexts>()
  const firstRef = useRef<HTMLInputElement>(null)
  const user = useSession((s) => s.user)
  const accountClosed = useUsers((s) => s.accountClosed)
  if (!user) return null
  return (
    <TitledDialog
      titleId="account-title"
      title={t('account.title')}
      className="account-dialog"
      onDismiss={accountClosed}
      initialFocus={firstRef}
    >
      <p className="field-hint">{t('account.signedInAs', { name: user.displayName, username: user.username })}</p>
      <div className="account-sections">
        <PasswordSection username={user.username} firstRef={firstRef} />
        <PinSection />
      </div>
      <div className="dialog-actions">
        <EscapeButton label={t('account.close')} onClick={accountClosed} />
      </div>
    </TitledDialog>
  )
}
