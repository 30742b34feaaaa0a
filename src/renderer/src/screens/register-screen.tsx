import { CartPanel } from '../components/cart-panel'
import { NoticeBar } from '../components/notice-bar'
import { ScanField } from '../components/scan-field'
import { KeyHints, TotalPanel } from '../components/total-panel'

export function RegisterScreen() {
  return (
    <main className="register">
      <div className="register-main">
        <ScanField />
        <NoticeBar />
        <CartPanel />
      </div>
      <aside className="register-side">
        <TotalPanel />
        <KeyHints />
      </aside>
    </main>
  )
}
