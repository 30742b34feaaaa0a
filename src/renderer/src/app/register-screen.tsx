import { CartPanel, TotalPanel } from '../features/cart/public'
import { RecallNote } from '../features/parked/public'
import { ScanField } from '../features/scan/public'
import { NoticeBar } from '../ui/notice-bar'
import { KeyHints } from './key-hints'
import { usePos } from './store-provider'

export function RegisterScreen() {
  const notice = usePos((s) => s.shell.notice)
  const dialogOpen = usePos((s) => s.shell.dialog !== null)
  const payOpened = usePos((s) => s.checkout.payOpened)

  return (
    <main className="register">
      <div className="register-main">
        <ScanField dialogOpen={dialogOpen} />
        <NoticeBar notice={notice} />
        <RecallNote />
        <CartPanel />
      </div>
      <aside className="register-side">
        <TotalPanel onPay={payOpened} />
        <KeyHints />
      </aside>
    </main>
  )
}
