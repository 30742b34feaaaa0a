import { useShallow } from 'zustand/react/shallow'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { KEYS } from '../../platform/lib/keys'
import { KeyHint } from '../../ui/key-hint'
import { useScan } from '../scan/public'
import type { cartEn } from './cart.en'
import { useCart } from './use-cart'

/** The sale's total and its two actions. Paying belongs to checkout, so the app hands it in. */
export function TotalPanel({ onPay }: { onPay: () => void }) {
  const { t } = useI18n<typeof cartEn>()
  const money = useMoney()
  const { totalCents, itemCount, lineCount } = useCart(
    useShallow((s) => ({ totalCents: s.cart.totalCents, itemCount: s.cart.itemCount, lineCount: s.cart.lines.length })),
  )
  const cartCleared = useCart((s) => s.cartCleared)
  const focusReturned = useScan((s) => s.focusReturned)
  const total = money(totalCents)

  return (
    <section className="total-panel" aria-labelledby="total-label">
      <p className="total-label" id="total-label">
        {t('cart.total')}
      </p>
      <p className={total.length > 13 ? 'total-amount total-amount-long' : 'total-amount'} data-testid="cart-total" aria-live="polite">
        {total}
      </p>
      <p className="total-count" data-testid="cart-count">
        {t('cart.itemCount', { count: itemCount })}
      </p>
      <button type="button" className="button button-primary button-pay" aria-keyshortcuts={KEYS.pay} onClick={onPay}>
        {t('cart.pay')} <KeyHint>{KEYS.pay}</KeyHint>
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={lineCount === 0}
        onClick={() => {
          focusReturned()
          void cartCleared()
        }}
      >
        {t('cart.clear')}
      </button>
    </section>
  )
}
