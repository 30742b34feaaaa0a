import './sale-figures.css'
import type { SaleTaxDto } from '#shared/contract/common'
import { useI18n, useMoney, usePercent } from '../platform/i18n/use-i18n'
import type { UiTexts } from './ui.en'

export interface SaleFiguresProps {
  subtotalCents: number
  discountCents: number
  taxes: readonly SaleTaxDto[]
  /** Shown by the caller (the till shows it large, a receipt in bold); left out when absent. */
  totalCents?: number
  className?: string
}

/**
 * A sale's figures as the pricing engine gave them: the subtotal excluding tax, the discount, each
 * tax with its base, and the total. The same for the cart, a receipt and an invoice; nothing here is
 * computed, only shown. A sale without tax or discount shows the total alone.
 */
export function SaleFigures({ subtotalCents, discountCents, taxes, totalCents, className }: SaleFiguresProps) {
  const { t } = useI18n<UiTexts>()
  const money = useMoney()
  const percent = usePercent()
  const plain = taxes.length === 0 && discountCents === 0
  return (
    <dl className={['sale-figures', className].filter(Boolean).join(' ')}>
      {!plain && (
        <div>
          <dt>{t('sale.subtotal')}</dt>
          <dd data-testid="sale-subtotal">{money(subtotalCents)}</dd>
        </div>
      )}
      {discountCents > 0 && (
        <div>
          <dt>{t('sale.discount')}</dt>
          <dd data-testid="sale-discount">−{money(discountCents)}</dd>
        </div>
      )}
      {taxes.map((tax) => (
        <div key={tax.id} data-testid="sale-tax">
          <dt>
            {t(tax.included ? 'sale.taxIncluded' : 'sale.taxAdded', { name: tax.name, rate: percent(tax.rateBps) })}{' '}
            <span className="sale-figures-base">{t('sale.taxBase', { base: money(tax.baseCents) })}</span>
          </dt>
          <dd>{money(tax.taxCents)}</dd>
        </div>
      ))}
      {totalCents !== undefined && (
        <div className="sale-figures-total">
          <dt>{t('sale.total')}</dt>
          <dd>{money(totalCents)}</dd>
        </div>
      )}
    </dl>
  )
}
