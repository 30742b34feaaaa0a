import { useI18n } from '../platform/i18n/use-i18n'
import { KEYS } from '../platform/lib/keys'
import { KeyHint } from '../ui/key-hint'
import type { appEn } from './app.en'
import { mayUseManagerTools } from './keymap'
import { tillBusy } from './store'
import { usePos } from './store-provider'

export function TillHeader() {
  const { t } = useI18n<typeof appEn>()
  const storeName = usePos((s) => s.session.appInfo?.storeName ?? '')
  const cashier = usePos((s) => s.session.user?.displayName ?? '')
  const busy = usePos(tillBusy)
  const isManager = usePos(mayUseManagerTools)
  const finderOpened = usePos((s) => s.invoices.finderOpened)
  const managerToolsOpened = usePos((s) => s.manager.managerToolsOpened)
  const signOutChosen = usePos((s) => s.session.signOutChosen)

  return (
    <header className="till-header">
      <p className="till-store">{storeName}</p>
      <p className="till-cashier">{t(isManager ? 'header.manager' : 'header.cashier', { name: cashier })}</p>
      <nav className="till-actions">
        <button type="button" className="button button-header" aria-keyshortcuts={KEYS.findInvoice} disabled={busy} onClick={finderOpened}>
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
