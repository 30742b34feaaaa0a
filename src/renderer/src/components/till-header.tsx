import { useI18n } from '../i18n/use-i18n'
import { KEYS } from '../lib/keys'
import { usePos } from '../store/pos-store'
import { KeyHint } from './key-hint'

export function TillHeader() {
  const { t } = useI18n()
  const storeName = usePos((s) => s.appInfo?.storeName ?? '')
  const cashier = usePos((s) => s.user?.displayName ?? '')
  const busy = usePos((s) => s.outcome !== null || s.dialog !== null)
  const isManager = usePos((s) => s.user?.role === 'manager')
  const finderOpened = usePos((s) => s.finderOpened)
  const managerToolsOpened = usePos((s) => s.managerToolsOpened)
  const signOutChosen = usePos((s) => s.signOutChosen)

  return (
    <header className="till-header">
      <p className="till-store">{storeName}</p>
      <p className="till-cashier">{t(isManager ? 'header.manager' : 'header.cashier', { name: cashier })}</p>
      <nav className="till-actions">
        <button
          type="button"
          className="button button-header"
          aria-keyshortcuts={KEYS.findInvoice}
          disabled={busy}
          onClick={finderOpened}
        >
          {t('header.findInvoice')} <KeyHint>{KEYS.findInvoice}</KeyHint>
        </button>
        {isManager && (
          <button
            type="button"
            className="button button-header"
            aria-keyshortcuts={KEYS.managerTools}
            disabled={busy}
            onClick={managerToolsOpened}
          >
            {t('header.managerTools')} <KeyHint>{KEYS.managerTools}</KeyHint>
          </button>
        )}
        <button type="button" className="button button-header" onClick={() => void signOutChosen()}>
          {t('header.signOut')}
        </button>
      </nav>
    </header>
  )
}
