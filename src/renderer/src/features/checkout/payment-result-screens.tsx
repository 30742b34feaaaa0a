import { useEffect } from 'react'
import type { CheckoutResultDto } from '#shared/contract/checkout'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { KeyHint } from '../../ui/key-hint'
import type { UiTexts } from '../../ui/ui.en'
import { useCart } from '../cart/public'
import { Receipt } from '../receipts/public'
import { useSession } from '../session/public'
import type { CheckoutTexts } from './checkout.en'
import type { CheckoutOutcome } from './checkout.slice'
import { paidMessage } from './payment-messages'
import { useCheckout } from './use-checkout'

/**
 * Enter (and Esc, when given) on a result screen even when focus has wandered off its buttons (a
 * click on the receipt, say). A focused button handles its own Enter, so that one is left alone.
 * Store actions are stable, so this subscribes once.
 */
function useScreenKeys(onEnter: () => unknown, onEscape?: () => unknown): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const action = event.key === 'Enter' ? onEnter : event.key === 'Escape' ? onEscape : undefined
      if (!action) return
      if (event.key === 'Enter' && document.activeElement instanceof HTMLButtonElement) return
      event.preventDefault()
      void action()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onEnter, onEscape])
}

export function PaidScreen({ result }: { result: CheckoutResultDto }) {
  const { t, render } = useI18n<CheckoutTexts & UiTexts>()
  const storeName = useSession((s) => s.appInfo?.storeName ?? '')
  const newSaleStarted = useCheckout((s) => s.newSaleStarted)
  const printProblem = useCheckout((s) => s.printProblem)
  useScreenKeys(newSaleStarted)

  return (
    <main className="result result-paid" aria-labelledby="result-title">
      <div className="result-side">
        <h1 id="result-title" className="result-title">
          {t('result.paidTitle')}
        </h1>
        <p className="result-message" role="status" data-testid="result-message">
          {render(paidMessage(result))}
        </p>
        {printProblem && (
          <p className="notice notice-warning" role="alert" data-testid="print-problem">
            {render(printProblem)}
          </p>
        )}
        <button
          type="button"
          className="button button-primary button-wide"
          autoFocus
          aria-keyshortcuts="Enter"
          onClick={() => void newSaleStarted()}
        >
          {t('result.newSale')} <KeyHint>{t('key.enter')}</KeyHint>
        </button>
      </div>
      <div className="result-receipt">
        <Receipt
          invoice={result.invoice}
          storeName={storeName}
          tokenBalanceCents={result.tokenBalanceCents}
          changeCents={result.changeCents}
        />
      </div>
    </main>
  )
}

export function PaymentFailedScreen({ outcome }: { outcome: Extract<CheckoutOutcome, { kind: 'failed' }> }) {
  const { t, render } = useI18n<CheckoutTexts & UiTexts>()
  const money = useMoney()
  const totalCents = useCart((s) => s.cart.totalCents)
  const paying = useCheckout((s) => s.paying)
  const backToCartChosen = useCheckout((s) => s.backToCartChosen)
  const paymentRetried = useCheckout((s) => s.paymentRetried)
  // After a lost reply the payment may have gone through: trying the same attempt again is the
  // safe default (the backend answers a repeated attempt with its first result).
  useScreenKeys(outcome.retryable ? paymentRetried : backToCartChosen, backToCartChosen)

  const message = outcome.code === 'CART_CHANGED' ? t('result.cartChanged', { total: money(totalCents) }) : render(outcome.message)
  const charged = !outcome.retryable && outcome.code !== 'CART_CHANGED'

  return (
    <main className="result result-failed" aria-labelledby="result-title">
      <div className="result-side result-side-wide">
        <h1 id="result-title" className="result-title">
          {outcome.retryable ? t('result.unconfirmedTitle') : t('result.failedTitle')}
        </h1>
        <p className="result-error" role="alert" data-testid="result-message">
          {message}
        </p>
        {charged && <p className="result-note">{t('result.cartKept')}</p>}
        <div className="result-actions">
          {outcome.retryable && (
            <button
              type="button"
              className="button button-primary button-wide"
              autoFocus
              aria-keyshortcuts="Enter"
              disabled={paying}
              onClick={() => void paymentRetried()}
            >
              {paying ? t('pay.submitting') : t('result.tryAgain')} <KeyHint>{t('key.enter')}</KeyHint>
            </button>
          )}
          <button
            type="button"
            className={outcome.retryable ? 'button button-quiet button-wide' : 'button button-primary button-wide'}
            autoFocus={!outcome.retryable}
            aria-keyshortcuts={outcome.retryable ? 'Escape' : 'Enter Escape'}
            disabled={paying}
            onClick={() => void backToCartChosen()}
          >
            {t('result.backToCart')}
            {!outcome.retryable && <KeyHint>{t('key.enter')}</KeyHint>}
            <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
      </div>
    </main>
  )
}
