import { useEffect } from 'react'
import { SignInScreen } from '../features/session/public'
import { DemoBanner, RecoveryCodeScreen, SetupScreen } from '../features/setup/public'
import { MyAccountDialog } from '../features/users/public'
import { messagesOf } from '../platform/i18n/translate'
import { useI18n } from '../platform/i18n/use-i18n'
import { FormError } from '../ui/form-error'
import type { UiTexts } from '../ui/ui.en'
import type { appEn } from './app.en'
import { BackOfficeScreen } from './back-office-screen'
import { I18nProvider } from './i18n-provider'
import { usePos } from './store-provider'
import { TillScreen } from './till-screen'
import './back-office.css'

type Texts = typeof appEn & UiTexts

const msg = messagesOf<Texts>()

/** The screen the till is on: set-up, the owner's recovery code, signing in, the register or the back office. */
function CurrentScreen() {
  const setupRequired = usePos((s) => s.session.appInfo?.setupRequired ?? false)
  const recoveryCode = usePos((s) => s.setup.recoveryCode)
  const recoveryCodeNoted = usePos((s) => s.setup.recoveryCodeNoted)
  const signedIn = usePos((s) => s.session.user !== null)
  const backOffice = usePos((s) => s.backOffice.open)
  const accountOpen = usePos((s) => s.shell.dialog === 'account')

  // The code before anything else: set-up has signed the owner in already.
  if (recoveryCode) return <RecoveryCodeScreen kind="issued" {...recoveryCode} onContinue={recoveryCodeNoted} />
  if (setupRequired) return <SetupScreen />
  if (!signedIn) return <SignInScreen />
  return (
    <>
      {backOffice ? <BackOfficeScreen /> : <TillScreen />}
      {accountOpen && <MyAccountDialog />}
    </>
  )
}

function Screens() {
  const { t } = useI18n<Texts>()
  const booted = usePos((s) => s.session.booted)
  const startError = usePos((s) => s.session.startError)
  const storeName = usePos((s) => s.session.appInfo?.storeName)
  const demo = usePos((s) => (s.session.appInfo?.demo ?? false) && !s.session.appInfo?.setupRequired)

  useEffect(() => {
    document.title = storeName ? t('app.windowTitle', { store: storeName }) : t('app.title')
  }, [storeName, t])

  if (startError) {
    return (
      <main className="splash">
        <FormError message={msg('app.startFailed', { reason: startError })} />
      </main>
    )
  }
  if (!booted) {
    return (
      <main className="splash">
        <p role="status">{t('app.starting')}</p>
      </main>
    )
  }
  return (
    <div className="app-frame">
      {demo && <DemoBanner />}
      <div className="app-screen">
        <CurrentScreen />
      </div>
    </div>
  )
}

export function App() {
  return (
    <I18nProvider>
      <Screens />
    </I18nProvider>
  )
}
