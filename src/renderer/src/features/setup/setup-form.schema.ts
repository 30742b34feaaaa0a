import { z } from 'zod'
import { setupContract, storeDetailsInput } from '#shared/contract/setup'
import { messagesOf } from '../../platform/i18n/translate'
import { encodeMessage } from '../../ui/form-issues'
import type { SetupTexts } from './setup.en'

const msg = messagesOf<SetupTexts>()

/** The rule core enforces as well (VALIDATION_FAILED weakPassword); said before the form is sent. */
export const PASSWORD_MIN = 8

interface PasswordFields<F> {
  /** Whose password it is: it must not be their username. */
  readonly username: (form: F) => string | undefined
  readonly password: keyof F & string
  /** The password typed a second time. */
  readonly confirm: keyof F & string
}

/**
 * The new-password rule of every form that sets one (set-up, recovery, staff, my account): long
 * enough, not the username, typed the same twice. For a form schema's `superRefine`.
 */
export function passwordRules<F extends Record<string, unknown>>(fields: PasswordFields<F>) {
  return (form: F, ctx: z.RefinementCtx) => {
    const password = String(form[fields.password] ?? '')
    const username = fields.username(form)?.trim().toLowerCase()
    if (password.length < PASSWORD_MIN) {
      ctx.addIssue({ code: 'custom', path: [fields.password], message: encodeMessage(msg('setup.passwordShort')) })
    } else if (username && password.trim().toLowerCase() === username) {
      ctx.addIssue({ code: 'custom', path: [fields.password], message: encodeMessage(msg('setup.passwordIsUsername')) })
    }
    if (password !== form[fields.confirm]) {
      ctx.addIssue({ code: 'custom', path: [fields.confirm], message: encodeMessage(msg('setup.passwordsDiffer')) })
    }
  }
}

const owner = setupContract['setup:createStore'].input.shape.owner.shape

/** The set-up form: the contract's store and owner, with the password typed twice. */
export const setupFormSchema = z
  .object({
    ...storeDetailsInput.shape,
    username: owner.username,
    displayName: owner.displayName,
    password: owner.password,
    passwordConfirm: z.string(),
  })
  .superRefine(passwordRules({ username: (form) => form.username, password: 'password', confirm: 'passwordConfirm' }))

export type SetupFormInput = z.input<typeof setupFormSchema>
export type SetupForm = z.output<typeof setupFormSchema>

/** Optional details left empty are left out rather than sent as empty text. */
const given = (value: string | undefined) => (value === undefined || value === '' ? undefined : value)

export function createStoreInput(form: SetupForm) {
  return {
    store: {
      name: form.name,
      address: given(form.address),
      phone: given(form.phone),
      taxNumber: given(form.taxNumber),
      currency: form.currency,
      currencyDecimals: form.currencyDecimals,
      locale: form.locale,
      timeZone: form.timeZone,
    },
    owner: { username: form.username, displayName: form.displayName, password: form.password },
  }
}
