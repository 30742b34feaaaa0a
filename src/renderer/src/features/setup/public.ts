/**
 * What the app and other features may use of first start: its slice, the set-up screen, the
 * one-time recovery code screen, the demo banner, the choices of currency, language and zone, and
 * a new password's rule and fields.
 */
export { setupSlice, type SetupDeps, type SetupState } from './setup.slice'
export { setupEn, type SetupTexts } from './setup.en'
export { setupNe } from './setup.ne'
export { SetupScreen } from './setup-screen'
export { RecoveryCodeScreen } from './recovery-code-screen'
export { DemoBanner } from './demo-banner'
export { CurrencyOptions, DecimalOptions, LocaleOptions, TimeZoneOptions } from './store-options'
export { defaultDecimals } from './store-choices'
export { PASSWORD_MIN, passwordRules } from './setup-form.schema'
export { NewPasswordFields } from './new-password-fields'
