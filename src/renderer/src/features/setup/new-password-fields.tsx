import type { RefObject } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useI18n } from '../../platform/i18n/use-i18n'
import { InputField } from '../../ui/form-field'
import type { SetupTexts } from './setup.en'

type FieldError = { message?: string } | undefined

interface NewPasswordFieldsProps {
  /** The password's and the repeat's ids, and their labels. */
  readonly ids: readonly [string, string]
  readonly labels: readonly [string, string]
  readonly password: UseFormRegisterReturn
  readonly confirm: UseFormRegisterReturn
  readonly errors: { readonly password?: FieldError; readonly confirm?: FieldError }
  /** Given when the password is the form's first field. */
  readonly focusRef?: RefObject<HTMLInputElement | null>
}

/** A new password, typed twice, with the rule (`passwordRules`) shown under it. */
export function NewPasswordFields({ ids, labels, password, confirm, errors, focusRef }: NewPasswordFieldsProps) {
  const { t } = useI18n<SetupTexts>()
  return (
    <>
      <InputField
        id={ids[0]}
        label={labels[0]}
        hint={t('setup.passwordRule')}
        error={errors.password}
        type="password"
        autoComplete="new-password"
        {...password}
        focusRef={focusRef}
      />
      <InputField id={ids[1]} label={labels[1]} error={errors.confirm} type="password" autoComplete="new-password" {...confirm} />
    </>
  )
}
