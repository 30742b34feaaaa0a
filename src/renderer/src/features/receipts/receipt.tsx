import type { InvoiceDto } from '#shared/contract/invoices'
import { useDateTime, useI18n, useMoney } from '../../platform/i18n/use-i18n'
import type { receiptsEn } from './receipts.en'

interface ReceiptProps {
  invoice: InvoiceDto
  storeName: string
  /** From the checkout reply, for a backend that reports them there rather than on the invoice. */
  tokenBalanceCents?: number | undefined
  changeCents?: number | undefined
}

/** The receipt as the customer gets it; the same for a fresh sale and a looked-up invoice. */
export function Receipt({ invoice, storeName, tokenBalanceCents, changeCents }: ReceiptProps) {
  const { t } = useI18n<typeof receiptsEn>()
  const money = useMoney()
  const dateTime = useDateTime()
  const balance = invoice.tokenBalanceAfterCents ?? tokenBalanceCents
  const change = invoice.changeCents ?? changeCents
  const number = String(invoice.number)

  return (
    <section className="receipt" aria-label={t('receipt.label')}>
      <header className="receipt-head">
        <p className="receipt-store">{storeName}</p>
        <p className="receipt-number">{t('receipt.invoice', { number })}</p>
      </header>
      <dl className="receipt-facts">
        <div>
          <dt>{t('receipt.date')}</dt>
          <dd>
            <time dateTime={invoice.paidAt}>{dateTime(invoice.paidAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('receipt.cashier')}</dt>
          <dd>{invoice.cashier}</dd>
        </div>
      </dl>
      <div className="receipt-lines-rule">
        <table className="receipt-lines">
          <thead>
            <tr>
              <th scope="col">{t('receipt.item')}</th>
              <th scope="col" className="num">
                {t('receipt.qty')}
              </th>
              <th scope="col" className="num">
                {t('receipt.unitPrice')}
              </th>
              <th scope="col" className="num">
                {t('receipt.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line) => (
              <tr key={line.productId}>
                <th scope="row">{line.name}</th>
                <td className="num">{line.quantity}</td>
                <td className="num">{money(line.unitPriceCents)}</td>
                <td className="num">{money(line.subAmountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="receipt-total">
          <span>{t('receipt.total')}</span>
          <strong className="receipt-total-amount">{money(invoice.totalCents)}</strong>
        </p>
      </div>
      <dl className="receipt-payment">
        <div>
          <dt>{t('receipt.payment')}</dt>
          <dd>
            {invoice.paymentMethod === 'cash'
              ? t('receipt.cash')
              : invoice.tokenLast4
                ? t('receipt.token', { last4: invoice.tokenLast4 })
                : t('receipt.tokenUnknown')}
          </dd>
        </div>
        {invoice.paymentMethod === 'token' && balance !== undefined && (
          <div>
            <dt>{t('receipt.balance')}</dt>
            <dd>{money(balance)}</dd>
          </div>
        )}
        {invoice.paymentMethod === 'cash' && invoice.tenderedCents !== undefined && (
          <div>
            <dt>{t('receipt.tendered')}</dt>
            <dd>{money(invoice.tenderedCents)}</dd>
          </div>
        )}
        {invoice.paymentMethod === 'cash' && change !== undefined && (
          <div>
            <dt>{t('receipt.change')}</dt>
            <dd>{money(change)}</dd>
          </div>
        )}
      </dl>
      <p className="receipt-thanks">{t('receipt.thanks')}</p>
    </section>
  )
}
