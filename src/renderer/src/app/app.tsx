import { useEffect } from 'react'
import { SignInScreen } from '../features/session/public'
import { messagesOf } from '../platform/i18n/translate'
import { useI18n } from '../platform/i18n/use-i18n'
import { FormError } from '../ui/form-error'
import type { UiTexts } from '../ui/ui.en'
import type { appEn } from './app.en'
import { I18nProvider } from './i18n-provider'
import { usePos } from './store-provider'
import { TillScreen } from './till-screen'

type Texts = typeof appEn & UiTexts

const msg = messagesOf<Texts>()

function Screens() {
  const { t } = useI18n<Texts>()
  const booted = usePos((s) => s.session.booted)
  const startError = usePos((s) => s.session.startError)
  const signedIn = usePos((s) => s.session.user !== null)
  const storeName = usePos((s) => s.session.appInfo?.storeName)

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
  return signedIn ? <TillScreen /> : <SignInScreen />
}

export function App() {
  return (
    <I18nProvider>
      <Screens />
    </I18nProvider>
  )
}
