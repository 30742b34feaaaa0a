import { useEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { LANGUAGES, type Language } from '#shared/contract/common'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import type { UiTexts } from '../../ui/ui.en'
import { RecoveryCodeScreen } from '../setup/public'
import { RecoveryForm } from './recovery-form'
import type { sessionEn } from './session.en'
import { languageOf } from './session.slice'
import './session.css'
import { useSession } from './use-session'

/** Each language by its own name, the way language pickers show them: never translated. */
const LANGUAGE_NAMES: Record<Language, { name: string; lang: string }> = {
  en: { name: 'English', lang: 'en' },
  ne: { name: 'नेपाली', lang: 'ne' },
}

/** Signing in, or the owner's recovery: the form, then the code that replaces the one used. */
export function SignInScreen() {
  const recoveryOpen = useSession((s) => s.recoveryOpen)
  const recovered = useSession((s) => s.recoveredCode)
  const storeName = useSession((s) => s.appInfo?.storeName ?? '')
  const recoveredCodeNoted = useSession((s) => s.recoveredCodeNoted)
  if (recovered) {
    return (
      <RecoveryCodeScreen
        kind="replaced"
        code={recovered.code}
        username={recovered.username}
        storeName={storeName}
        onContinue={recoveredCodeNoted}
      />
    )
  }
  if (recoveryOpen) {
    return (
      <main className="sign-in">
        <RecoveryForm />
      </main>
    )
  }
  return <SignInForm />
}

function SignInForm() {
  const { t, render } = useI18n<typeof sessionEn & UiTexts>()
  const recoveredUsername = useSession((s) => s.recoveredUsername)
  const [username, setUsername] = useState(recoveredUsername ?? '')
  const [password, setPassword] = useState('')
  const usernameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const { storeName, demo, pending, error, notice } = useSession(
    useShallow((s) => ({
      storeName: s.appInfo?.storeName ?? '',
      demo: s.appInfo?.demo ?? false,
      pending: s.signInPending,
      error: s.signInError,
      notice: s.signInNotice,
    })),
  )
  const signInSubmitted = useSession((s) => s.signInSubmitted)
  const recoveryOpened = useSession((s) => s.recoveryOpened)

  useEffect(() => {
    if (usernameRef.current?.value) passwordRef.current?.focus()
    else usernameRef.current?.focus()
  }, [])

  // After a refusal keep the username and ask for the password again.
  useEffect(() => {
    if (error === null) return
    setPassword('')
    if (usernameRef.current?.value) passwordRef.current?.focus()
    else usernameRef.current?.focus()
  }, [error])

  return (
    <main className="sign-in">
      <form
        className="sign-in-card"
        noValidate
        aria-labelledby="sign-in-title"
        onSubmit={(event) => {
          event.preventDefault()
          void signInSubmitted(username, password)
        }}
      >
        <p className="sign-in-app">{t('app.title')}</p>
        <h1 id="sign-in-title" className="sign-in-title">
          {storeName}
        </h1>
        <p className="sign-in-subtitle">{t('signIn.title')}</p>
        <LanguagePicker label={t('signIn.language')} />
        {notice && (
          <p className="sign-in-notice" role="alert" data-testid="sign-in-notice">
            {render(notice)}
          </p>
        )}
        <div className="field">
          <label htmlFor="sign-in-username">{t('signIn.username')}</label>
          <input
            ref={usernameRef}
            id="sign-in-username"
            className="input input-large"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('signIn.password')}</label>
          <input
            ref={passwordRef}
            id="sign-in-password"
            className="input input-large"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <FormError message={error} />
        <button type="submit" className="button button-primary button-wide" disabled={pending}>
          {pending ? t('signIn.pending') : t('signIn.submit')}
        </button>
        <button type="button" className="link-button" onClick={recoveryOpened}>
          {t('signIn.forgot')}
        </button>
        {demo && (
          <p className="demo-hint" data-testid="demo-hint">
            {t('signIn.demoHint', { cashier: 'cashier', manager: 'manager' })}
          </p>
        )}
      </form>
    </main>
  )
}

/** The language to read the till in: the screen follows at once, and the sign-in keeps it for this person. */
function LanguagePicker({ label }: { label: string }) {
  const current = useSession(languageOf)
  const languagePicked = useSession((s) => s.languagePicked)
  return (
    <fieldset className="language-picker">
      <legend className="visually-hidden">{label}</legend>
      {LANGUAGES.map((language) => (
        <label key={language} className="language-choice" lang={LANGUAGE_NAMES[language].lang}>
          <input
            type="radio"
            name="sign-in-language"
            value={language}
            checked={current === language}
            onChange={() => languagePicked(language)}
          />
          <span>{LANGUAGE_NAMES[language].name}</span>
        </label>
      ))}
    </fieldset>
  )
}
