import { useEffect } from 'react'
import { DiscountDialog, PromoCodeDialog } from '../features/discounts/public'
import { InvoiceFinderDialog } from '../features/invoices/public'
import { ManagerToolsDialog } from '../features/manager/public'
import { ParkDialog, ParkedListDialog } from '../features/parked/public'
import { PaidScreen, PaymentFailedScreen, PayDialog } from '../features/checkout/public'
import { ReturnDialog } from '../features/returns/public'
import { RecentSalesDialog } from '../features/sales-history/public'
import { ShiftDialog, ShiftRefusalScreen } from '../features/shifts/public'
import { BalanceCheckDialog } from '../features/tokens/public'
import { isTypingKey, takesText } from '../platform/lib/keys'
import { tillActionFor } from './keymap'
import { RegisterScreen } from './register-screen'
import { tillBusy, type PosStore } from './store'
import { usePos, usePosStore } from './store-provider'
import { TillHeader } from './till-header'

/** The till's global keys: F-keys anywhere, and stray typing sent back to the scan field. */
function useTillKeys(store: PosStore): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const state = store.getState()
      const action = tillActionFor(event)
      if (action) {
        event.preventDefault()
        action(state)
        return
      }
      // A scanner firing while focus sits on a button would otherwise type nowhere and then
      // "press" the button with its Enter. Moving focus in keydown makes this key land in the field.
      if (!tillBusy(state) && isTypingKey(event) && !takesText(document.activeElement)) {
        state.scan.focusReturned()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [store])
}

export function TillScreen() {
  const outcome = usePos((s) => s.checkout.outcome)
  const dialog = usePos((s) => s.shell.dialog)
  useTillKeys(usePosStore())

  return (
    <div className="till">
      <TillHeader />
      {outcome?.kind === 'paid' ? (
        <PaidScreen result={outcome.result} />
      ) : outcome?.kind === 'failed' && outcome.code === 'SHIFT_CLOSED' ? (
        <ShiftRefusalScreen message={outcome.message} />
      ) : outcome?.kind === 'failed' ? (
        <PaymentFailedScreen outcome={outcome} />
      ) : (
        <RegisterScreen />
      )}
      {dialog === 'pay' && <PayDialog />}
      {dialog === 'finder' && <InvoiceFinderDialog />}
      {dialog === 'manager' && <ManagerToolsDialog />}
      {dialog === 'balance' && <BalanceCheckDialog />}
      {dialog === 'park' && <ParkDialog />}
      {dialog === 'parked' && <ParkedListDialog />}
      {dialog === 'discount' && <DiscountDialog />}
      {dialog === 'promo' && <PromoCodeDialog />}
      {dialog === 'return' && <ReturnDialog />}
      {dialog === 'sales' && <RecentSalesDialog />}
      {dialog === 'shift' && <ShiftDialog />}
    </div>
  )
}
