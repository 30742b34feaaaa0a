import { useShallow } from 'zustand/react/shallow'
import { useI18n, useMoney } from '../i18n/use-i18n'
import { KEYS } from '../lib/keys'
import { usePos } from '../store/pos-store'
import { KeyHint } from './key-hint'

export function TotalPanel() {
  const { t } = useI18n()
  const money = useMoney()
  const { totalCents, itemCount, lineCount } = usePos(
    useShallow((s) => ({ totalCents: s.cart.totalCents, itemCount: s.cart.itemCount, lineCount: s.cart.lines.length })),
  )
  const payOpened = usePos((s) => s.payOpened)
  const cartCleared = usePos((s) => s.cartCleared)
  const focusReturned = usePos((s) => s.focusReturned)
  const total = money(totalCents)

  return (
    <section className="total-panel" aria-labelledby="total-label">
      <p className="total-label" id="total-label">
        {t('cart.total')}
      </p>
      <p
        className={total.length > 13 ? 'total-amount total-amount-long' : 'total-amount'}
        data-testid="cart-total"
        aria-live="polite"
      >
        {total}
      </p>
      <p className="total-count" data-testid="cart-count">
        {t('cart.itemCount', { count: itemCount })}
      </p>
      <button type="button" className="button button-primary button-pay" aria-keyshortcuts={KEYS.pay} onClick={payOpened}>
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

export function KeyHints() {
  const { t } = useI18n()
  const isManager = usePos((s) => s.user?.role === 'manager')
  const rows: (readonly [string, string])[] = [
    [t('key.enter'), t('keys.enter')],
    [t('key.arrows'), t('keys.arrows')],
    [KEYS.pay, t('keys.pay')],
    [KEYS.findInvoice, t('keys.find')],
    ...(isManager ? [[KEYS.managerTools, t('keys.managerTools')] as const] : []),
    [t('key.escape'), t('keys.escape')],
  ]
  return (
    <section className="key-hints" aria-labelledby="key-hints-title">
      <h2 id="key-hints-title" className="key-hints-title">
        {t('keys.title')}
      </h2>
      <dl>
        {rows.map(([key, what]) => (
          <div key={key} className="key-hints-row">
            <dt>
              <kbd className="key-hint">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
