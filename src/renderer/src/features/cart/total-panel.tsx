import { useShallow } from 'zustand/react/shallow'
import { useI18n, useMoney, usePercent } from '../../platform/i18n/use-i18n'
import { KEYS } from '../../platform/lib/keys'
import { KeyHint } from '../../ui/key-hint'
import { SaleFigures } from '../../ui/sale-figures'
import { useScan } from '../scan/public'
import { orderDiscountMessage, promoProblemMessage } from './cart-adjustments'
import type { cartEn } from './cart.en'
import { useCart } from './use-cart'

/** The sale's discount and promo code, when it has them: what each is, and what the promo takes off or why it does not. */
function Adjustments() {
  const { t, render } = useI18n<typeof cartEn>()
  const money = useMoney()
  const percent = usePercent()
  const { orderDiscount, promo } = useCart(useShallow((s) => ({ orderDiscount: s.cart.orderDiscount, promo: s.cart.promo })))
  if (!orderDiscount && !promo) return null
  const problem = promo ? promoProblemMessage(promo) : null
  return (
    <ul className="total-adjustments">
      {orderDiscount && (
        <li className="total-adjustment" data-testid="order-discount">
          <span>
            {render(orderDiscountMessage(orderDiscount, percent))}
            {orderDiscount.approvedBy && (
              <span className="cart-line-approved"> · {t('cart.approvedBy', { name: orderDiscount.approvedBy })}</span>
            )}
          </span>
          <span className="total-adjustment-amount">−{money(orderDiscount.discountCents)}</span>
        </li>
      )}
      {promo && (
        <li className={problem ? 'total-adjustment total-adjustment-problem' : 'total-adjustment'} data-testid="cart-promo">
          <span>{t('cart.promo', { code: promo.code, name: promo.name })}</span>
          {problem ? (
            <span className="promo-problem" role="status">
              {render(problem)}
            </span>
          ) : (
            <span className="total-adjustment-amount">−{money(promo.discountCents)}</span>
          )}
        </li>
      )}
    </ul>
  )
}

/** The sale's total and its two actions. Paying belongs to checkout, so the app hands it in. */
export function TotalPanel({ onPay }: { onPay: () => void }) {
  const { t } = useI18n<typeof cartEn>()
  const money = useMoney()
  const { totalCents, itemCount, lineCount, subtotalCents, discountCents, taxes } = useCart(
    useShallow((s) => ({
      totalCents: s.cart.totalCents,
      itemCount: s.cart.itemCount,
      lineCount: s.cart.lines.length,
      subtotalCents: s.cart.subtotalCents,
      discountCents: s.cart.discountCents,
      taxes: s.cart.taxes,
    })),
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
      {lineCount > 0 && <Adjustments />}
      {lineCount > 0 && <SaleFigures subtotalCents={subtotalCents} discountCents={discountCents} taxes={taxes} className="total-figures" />}
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
