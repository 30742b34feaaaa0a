import { useEffect, useRef } from 'react'
import type { CartLineDto } from '#shared/contract/cart'
import { useI18n, useMoney, usePercent } from '../../platform/i18n/use-i18n'
import { ProductThumb } from '../../ui/product-thumb'
import { useScan } from '../scan/public'
import { lineDiscountMessage } from './cart-adjustments'
import type { cartEn } from './cart.en'
import './cart.css'
import { QuantityInput } from './quantity-input'
import { useCart } from './use-cart'

/** A line's thumbnail box (px), fixed so a late image moves nothing. */
const CART_THUMB_SIZE = 44

function CartLine({ line, touched }: { line: CartLineDto; touched: boolean }) {
  const { t, render } = useI18n<typeof cartEn>()
  const money = useMoney()
  const percent = usePercent()
  const rowRef = useRef<HTMLTableRowElement>(null)
  const quantityStepped = useCart((s) => s.quantityStepped)
  const lineRemoved = useCart((s) => s.lineRemoved)
  const lineSelected = useCart((s) => s.lineSelected)
  const focusReturned = useScan((s) => s.focusReturned)
  const overStock = line.quantity > line.stock

  useEffect(() => {
    if (touched) rowRef.current?.scrollIntoView({ block: 'nearest' })
  }, [touched, line.quantity])

  // Buttons hand focus back before the reply so a scan right after a click is not lost.
  function act(action: () => Promise<void>): void {
    focusReturned()
    void action()
  }

  return (
    <tr
      ref={rowRef}
      className={['cart-line', touched ? 'cart-line-touched' : '', overStock ? 'cart-line-over' : ''].join(' ')}
      // Moving into a line (its quantity, its buttons) makes it the line the discount key is for.
      onFocus={() => {
        if (!touched) lineSelected(line.productId)
      }}
    >
      <th scope="row" className="cart-line-name">
        <div className="cart-line-item">
          <ProductThumb file={line.imageFile} size={CART_THUMB_SIZE} />
          <div className="cart-line-stack">
            <span className="cart-line-title">{line.name}</span>
            <span className="cart-line-sku">{line.sku}</span>
            {line.discount && (
              <span className="cart-line-discount" data-testid="line-discount">
                {render(lineDiscountMessage(line.discount, percent))}
                {line.discount.approvedBy && (
                  <span className="cart-line-approved"> · {t('cart.approvedBy', { name: line.discount.approvedBy })}</span>
                )}
              </span>
            )}
            {overStock && <span className="stock-warning">{t('cart.overStock', { stock: line.stock })}</span>}
          </div>
        </div>
      </th>
      <td className="num">{money(line.unitPriceCents)}</td>
      <td className="cart-line-qty">
        <div className="stepper">
          <button
            type="button"
            className="step"
            aria-label={t('cart.decrease', { name: line.name })}
            disabled={line.quantity <= 1}
            onClick={() => act(() => quantityStepped(line.productId, -1))}
          >
            −
          </button>
          <QuantityInput
            key={`${line.productId}:${line.quantity}`}
            productId={line.productId}
            quantity={line.quantity}
            label={t('cart.quantityOf', { name: line.name })}
          />
          <button
            type="button"
            className="step"
            aria-label={t('cart.increase', { name: line.name })}
            onClick={() => act(() => quantityStepped(line.productId, 1))}
          >
            +
          </button>
        </div>
      </td>
      <td className="num cart-line-total">
        {line.discountCents > 0 ? (
          <span className="cart-line-amounts">
            <span className="cart-line-was">{t('cart.lineWas', { amount: money(line.lineTotalCents) })}</span>
            <span data-testid="line-amount">{money(line.totalCents)}</span>
          </span>
        ) : (
          <span data-testid="line-amount">{money(line.lineTotalCents)}</span>
        )}
      </td>
      <td className="cart-line-remove">
        <button
          type="button"
          className="remove"
          aria-label={t('cart.remove', { name: line.name })}
          onClick={() => act(() => lineRemoved(line.productId))}
        >
          {t('cart.removeShort')}
        </button>
      </td>
    </tr>
  )
}

export function CartPanel() {
  const { t } = useI18n<typeof cartEn>()
  const lines = useCart((s) => s.cart.lines)
  const lastTouchedId = useCart((s) => s.lastTouchedId)

  return (
    <section className="cart" aria-labelledby="cart-title">
      <h2 id="cart-title" className="visually-hidden">
        {t('cart.title')}
      </h2>
      {lines.length === 0 ? (
        <p className="cart-empty">{t('cart.empty')}</p>
      ) : (
        <div className="cart-scroll">
          <table className="cart-table">
            <thead>
              <tr>
                <th scope="col">{t('cart.item')}</th>
                <th scope="col" className="num">
                  {t('cart.unitPrice')}
                </th>
                <th scope="col" className="center">
                  {t('cart.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('cart.lineTotal')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('cart.removeShort')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <CartLine key={line.productId} line={line} touched={line.productId === lastTouchedId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
