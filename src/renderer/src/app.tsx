import { useEffect } from 'react'
import { useI18n } from './i18n/use-i18n'
import { usePos } from './store/pos-store'
import { SignInScreen } from './screens/sign-in-screen'
import { TillScreen } from './screens/till-screen'

export function App() {
  const { t, render } = useI18n()
  const booted = usePos((s) => s.booted)
  const startError = usePos((s) => s.startError)
  const signedIn = usePos((s) => s.user !== null)
  const storeName = usePos((s) => s.appInfo?.storeName)

  useEffect(() => {
    document.title = storeName ? t('app.windowTitle', { store: storeName }) : t('app.title')
  }, [storeName, t])

  if (startError) {
    return (
      <main className="splash">
        <p className="form-error" role="alert">
          {t('app.startFailed', { reason: render(startError) })}
        </p>
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
