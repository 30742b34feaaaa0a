import { ShiftStatus } from '../features/shifts/public'
import type { TokensTexts } from '../features/tokens/public'
import { useI18n } from '../platform/i18n/use-i18n'
import { KEYS } from '../platform/lib/keys'
import { KeyHint } from '../ui/key-hint'
import type { appEn } from './app.en'
import { mayOpenBackOffice, mayUseManagerTools } from './keymap'
import { tillBusy } from './store'
import { usePos } from './store-provider'

export function TillHeader() {
  const { t } = useI18n<typeof appEn & TokensTexts>()
  const storeName = usePos((s) => s.session.appInfo?.storeName ?? '')
  const cashier = usePos((s) => s.session.user?.displayName ?? '')
  const role = usePos((s) => s.session.user?.role)
  const busy = usePos(tillBusy)
  const isManager = usePos(mayUseManagerTools)
  const finderOpened = usePos((s) => s.invoices.finderOpened)
  const balanceCheckOpened = usePos((s) => s.tokens.balanceCheckOpened)
  const managerToolsOpened = usePos((s) => s.manager.managerToolsOpened)
  const backOfficeShown = usePos(mayOpenBackOffice)
  const backOfficeOpened = usePos((s) => s.backOffice.backOfficeOpened)
  const accountOpened = usePos((s) => s.users.accountOpened)
  const signOutChosen = usePos((s) => s.session.signOutChosen)

  return (
    // With every action a manager has, the buttons take a row of their own under the store's name.
    <header className={isManager && backOfficeShown ? 'till-header till-header-two-rows' : 'till-header'}>
      <p className="till-store">{storeName}</p>
      <ShiftStatus />
      <nav className="till-actions">
        <button type="button" className="button button-header" aria-keyshortcuts={KEYS.findInvoice} disabled={busy} onClick={finderOpened}>
          {t('header.findInvoice')} <KeyHint>{KEYS.findInvoice}</KeyHint>
        </button>
        <button
          type="button"
          className="button button-header"
          aria-keyshortcuts={KEYS.balanceCheck}
          disabled={busy}
          onClick={() => balanceCheckOpened()}
        >
          {t('header.balance')} <KeyHint>{KEYS.balanceCheck}</KeyHint>
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
        {backOfficeShown && (
          <button
            type="button"
            className="button button-header"
            aria-keyshortcuts={KEYS.backOffice}
            disabled={busy}
            onClick={backOfficeOpened}
          >
            {t('header.backOffice')} <KeyHint>{KEYS.backOffice}</KeyHint>
          </button>
        )}
      </nav>
      <div className="till-user">
        {/* Who is signed in is also the way to their own account (password, PIN). */}
        <button type="button" className="button button-header button-account" disabled={busy} onClick={accountOpened}>
          <span className="till-cashier">{cashier}</span>
          <span className="button-account-hint">{role && t('header.accountHint', { role: t(`header.role.${role}`) })}</span>
        </button>
        <button type="button" className="button button-header" onClick={() => void signOutChosen()}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  )
}
