import './receipt.css'
import { Fragment } from 'react'
import type { InvoiceDto, InvoiceTenderDto } from '#shared/contract/invoices'
import { useDateTime, useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { SaleFigures } from '../../ui/sale-figures'
import type { receiptsEn } from './receipts.en'

interface ReceiptProps {
  invoice: InvoiceDto
  storeName: string
  /** From the checkout reply, for a backend that reports them there rather than on the invoice. */
  tokenBalanceCents?: number | undefined
  changeCents?: number | undefined
}

/** What a tender paid with, in words: the token by its last four characters only, a wallet by the store's name for it. */
function useTenderName(): (tender: InvoiceTenderDto) => string {
  const { t } = useI18n<typeof receiptsEn>()
  return (tender) => {
    switch (tender.method) {
      case 'token':
        return tender.tokenLast4 ? t('receipt.token', { last4: tender.tokenLast4 }) : t('receipt.tokenUnknown')
      case 'cash':
        return t('receipt.cash')
      case 'card':
        return t('receipt.card')
      case 'wallet':
        return tender.wallet ?? t('receipt.wallet')
    }
  }
}

/** A tender's own lines: a token's balance left, a card's or wallet's reference, cash tendered and change. */
function TenderDetails({
  tender,
  balanceCents,
  changeCents,
  indented = false,
}: {
  tender: InvoiceTenderDto
  balanceCents: number | undefined
  changeCents: number | undefined
  indented?: boolean
}) {
  const { t } = useI18n<typeof receiptsEn>()
  const money = useMoney()
  const className = indented ? 'receipt-tender-detail' : undefined
  return (
    <>
      {tender.method === 'token' && balanceCents !== undefined && (
        <div className={className}>
          <dt>{t('receipt.balance')}</dt>
          <dd>{money(balanceCents)}</dd>
        </div>
      )}
      {tender.reference !== undefined && (
        <div className={className}>
          <dt>{t('receipt.reference')}</dt>
          <dd>{tender.reference}</dd>
        </div>
      )}
      {tender.method === 'cash' && tender.tenderedCents !== undefined && (
        <div className={className}>
          <dt>{t('receipt.tendered')}</dt>
          <dd>{money(tender.tenderedCents)}</dd>
        </div>
      )}
      {tender.method === 'cash' && changeCents !== undefined && (
        <div className={className}>
          <dt>{t('receipt.change')}</dt>
          <dd>{money(changeCents)}</dd>
        </div>
      )}
    </>
  )
}

/** The receipt as the customer gets it; the same for a fresh sale and a looked-up invoice. */
export function Receipt({ invoice, storeName, tokenBalanceCents, changeCents }: ReceiptProps) {
  const { t } = useI18n<typeof receiptsEn>()
  const money = useMoney()
  const dateTime = useDateTime()
  const tenderName = useTenderName()
  const only = invoice.tenders.length === 1 ? invoice.tenders[0] : undefined
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
              <Fragment key={line.productId}>
                <tr>
                  <th scope="row">{line.name}</th>
                  <td className="num">{line.quantity}</td>
                  <td className="num">{money(line.unitPriceCents)}</td>
                  <td className="num">{money(line.subAmountCents)}</td>
                </tr>
                {line.discountCents > 0 && (
                  <tr className="receipt-line-discount" data-testid="receipt-line-discount">
                    <td colSpan={3}>{t('receipt.lineDiscount')}</td>
                    <td className="num">−{money(line.discountCents)}</td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        <SaleFigures
          subtotalCents={invoice.subtotalCents}
          discountCents={invoice.discountCents}
          taxes={invoice.taxes}
          className="receipt-figures"
        />
        {invoice.promo && (
          <p className="receipt-promo" data-testid="receipt-promo">
            {t('receipt.promo', { code: invoice.promo.code, name: invoice.promo.name, amount: money(invoice.promo.discountCents) })}
          </p>
        )}
        <p className="receipt-total">
          <span>{t('receipt.total')}</span>
          <strong className="receipt-total-amount">{money(invoice.totalCents)}</strong>
        </p>
      </div>
      <dl className="receipt-payment">
        {only ? (
          <>
            <div>
              <dt>{t('receipt.payment')}</dt>
              <dd>{tenderName(only)}</dd>
            </div>
            <TenderDetails
              tender={only}
              balanceCents={only.tokenBalanceAfterCents ?? tokenBalanceCents}
              changeCents={only.changeCents ?? changeCents}
            />
          </>
        ) : (
          invoice.tenders.map((tender, index) => (
            <Fragment key={index}>
              <div className="receipt-tender">
                <dt>{tenderName(tender)}</dt>
                <dd>{money(tender.amountCents)}</dd>
              </div>
              <TenderDetails tender={tender} balanceCents={tender.tokenBalanceAfterCents} changeCents={tender.changeCents} indented />
            </Fragment>
          ))
        )}
        {invoice.roundingCents !== 0 && (
          <div>
            <dt>{t('receipt.rounding')}</dt>
            <dd data-testid="receipt-rounding">{money(invoice.roundingCents)}</dd>
          </div>
        )}
      </dl>
      <p className="receipt-thanks">{t('receipt.thanks')}</p>
    </section>
  )
}
