import { useEffect } from 'react'
import { TillHeader } from '../components/till-header'
import { isTypingKey, KEYS, takesText } from '../lib/keys'
import { posStore, usePos } from '../store/pos-store'
import { InvoiceFinderDialog } from './invoice-finder-dialog'
import { ManagerToolsDialog } from './manager-tools-dialog'
import { PayDialog } from './pay-dialog'
import { PaidScreen, PaymentFailedScreen } from './payment-result-screens'
import { RegisterScreen } from './register-screen'

/** The till's global keys: F-keys anywhere, and stray typing sent back to the scan field. */
function useTillKeys(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const state = posStore.getState()
      if (event.key === KEYS.pay) {
        event.preventDefault()
        state.payOpened()
        return
      }
      if (event.key === KEYS.findInvoice) {
        event.preventDefault()
        state.finderOpened()
        return
      }
      if (event.key === KEYS.managerTools) {
        // Refused for cashiers in the action (and by the backend); the key does nothing for them.
        event.preventDefault()
        state.managerToolsOpened()
        return
      }
      // A scanner firing while focus sits on a button would otherwise type nowhere and then
      // "press" the button with its Enter. Moving focus in keydown makes this key land in the field.
      if (state.dialog === null && state.outcome === null && isTypingKey(event) && !takesText(document.activeElement)) {
        state.focusReturned()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}

export function TillScreen() {
  const outcome = usePos((s) => s.outcome)
  const dialog = usePos((s) => s.dialog)
  useTillKeys()

  return (
    <div className="till">
      <TillHeader />
      {outcome?.kind === 'paid' ? (
        <PaidScreen result={outcome.result} />
      ) : outcome?.kind === 'failed' ? (
        <PaymentFailedScreen outcome={outcome} />
      ) : (
        <RegisterScreen />
      )}
      {dialog === 'pay' && <PayDialog />}
      {dialog === 'finder' && <InvoiceFinderDialog />}
      {dialog === 'manager' && <ManagerToolsDialog />}
    </div>
  )
}
