import type { InvoiceDto, InvoiceTenderDto } from '#shared/contract/invoices'
import { isAltLetter } from '../../platform/lib/keys'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { KeyHint } from '../../ui/key-hint'
import { SaleFigures } from '../../ui/sale-figures'
import type { UiTexts } from '../../ui/ui.en'
import type { SalesHistoryTexts } from './sales-history.en'
import { useStoreDateTime } from './sales-table'
import { useSalesHistory } from './use-sales-history'

type Texts = SalesHistoryTexts & UiTexts

/** Alt+P reprints the sale shown, from anywhere in the history (plain letters belong to the fields). */
export const REPRINT_KEY = { letter: 'p', label: 'Alt+P', aria: 'Alt+P' } as const

export const isReprintKey = (event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>) =>
  isAltLetter(event, REPRINT_KEY.letter)

function TenderLine({ tender }: { tender: InvoiceTenderDto }) {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const name =
    tender.method === 'token'
      ? tender.tokenLast4
        ? t('sales.tender.token', { last4: tender.tokenLast4 })
        : t('sales.tender.tokenUnknown')
      : tender.method === 'wallet'
        ? (tender.wallet ?? t('sales.method.wallet'))
        : t(`sales.method.${tender.method}`)
  const details = [
    tender.reference !== undefined ? t('sales.tender.reference', { reference: tender.reference }) : null,
    tender.method === 'cash' && tender.tenderedCents !== undefined
      ? t('sales.tender.cashHanded', { tendered: money(tender.tenderedCents), change: money(tender.changeCents ?? 0) })
      : null,
    tender.tokenBalanceAfterCents !== undefined ? t('sales.tender.balance', { balance: money(tender.tokenBalanceAfterCents) }) : null,
  ].filter((detail) => detail !== null)
  return (
    <li className="sale-tender" data-testid="sale-tender">
      <span className="sale-tender-name">{name}</span>
      <span className="sale-tender-amount">{money(tender.amountCents)}</span>
      {details.length > 0 && <span className="sale-tender-details">{details.join(' · ')}</span>}
    </li>
  )
}

/** What the sale's returns and voids took back, newest last; none is shown as nothing (the invoice finder shows it too). */
export function SaleReturns({ invoice }: { invoice: InvoiceDto }) {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const dateTime = useStoreDateTime()
  if (invoice.returns.length === 0) return null
  return (
    <section className="sale-block" aria-labelledby="sale-returns-title">
      <h3 id="sale-returns-title" className="sale-block-title">
        {t('sales.returns')}
      </h3>
      <ul className="sale-returns">
        {invoice.returns.map((saleReturn) => (
          <li key={saleReturn.id} data-testid="sale-return">
            <span className="sale-return-name">
              {t(saleReturn.kind === 'void' ? 'sales.return.void' : 'sales.return.return', { number: String(saleReturn.number) })}{' '}
              <time dateTime={saleReturn.returnedAt}>{dateTime(saleReturn.returnedAt)}</time>
            </span>
            <span className="sale-tender-amount">−{money(saleReturn.refundCents)}</span>
            <span className="sale-tender-details">{t('sales.return.by', { cashier: saleReturn.cashier, reason: saleReturn.reason })}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

function SaleShown({ invoice }: { invoice: InvoiceDto }) {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const dateTime = useStoreDateTime()
  const reprintOpened = useSalesHistory((s) => s.reprintOpened)
  return (
    <>
      <header className="sale-head">
        <h2 className="sale-title" id="sale-title">
          {t('sales.invoice', { number: String(invoice.number) })}
        </h2>
        <button type="button" className="button button-primary" aria-keyshortcuts={REPRINT_KEY.aria} onClick={reprintOpened}>
          {t('sales.reprint')} <KeyHint>{REPRINT_KEY.label}</KeyHint>
        </button>
        <p className="sale-facts">
          <time dateTime={invoice.paidAt}>{dateTime(invoice.paidAt)}</time>
          {' · '}
          {t('sales.soldBy', { cashier: invoice.cashier })}
        </p>
      </header>
      <section className="sale-block" aria-labelledby="sale-lines-title">
        <h3 id="sale-lines-title" className="sale-block-title">
          {t('sales.lines')}
        </h3>
        <ul className="sale-lines">
          {invoice.lines.map((line) => (
            <li key={line.id} className="sale-line" data-testid="sale-line">
              <span className="sale-line-name">{line.name}</span>
              <span className="sale-line-amount">{money(line.subAmountCents)}</span>
              <span className="sale-line-more">
                <span>{t('sales.line.quantityPrice', { quantity: line.quantity, price: money(line.unitPriceCents) })}</span>
                <span>{line.sku}</span>
                {line.discountCents > 0 && (
                  <span data-testid="sale-line-discount">
                    {t('sales.line.discount')} −{money(line.discountCents)}
                  </span>
                )}
                <span>{t('sales.line.tax', { amount: money(line.taxCents) })}</span>
                {line.returnedQuantity > 0 && (
                  <span className="sale-line-returned">{t('sales.line.returned', { count: line.returnedQuantity })}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
        <SaleFigures
          subtotalCents={invoice.subtotalCents}
          discountCents={invoice.discountCents}
          taxes={invoice.taxes}
          totalCents={invoice.totalCents}
          className="sale-figures-detail"
        />
        {invoice.promo && (
          <p className="sale-promo" data-testid="sale-promo">
            {t('sales.promo', { code: invoice.promo.code, name: invoice.promo.name })} −{money(invoice.promo.discountCents)}
          </p>
        )}
      </section>
      <section className="sale-block" aria-labelledby="sale-tenders-title">
        <h3 id="sale-tenders-title" className="sale-block-title">
          {t('sales.tenders')}
        </h3>
        <ul className="sale-tenders">
          {invoice.tenders.map((tender, index) => (
            <TenderLine key={index} tender={tender} />
          ))}
          {invoice.roundingCents !== 0 && (
            <li className="sale-tender" data-testid="sale-rounding">
              <span className="sale-tender-name">{t('sales.rounding')}</span>
              <span className="sale-tender-amount">{money(invoice.roundingCents)}</span>
            </li>
          )}
        </ul>
      </section>
      <SaleReturns invoice={invoice} />
    </>
  )
}

/** The sale chosen in the table: every line with its discount and tax, the promo, each tender with its reference, the rounding and any returns. */
export function SaleDetail() {
  const { t, render } = useI18n<Texts>()
  const detail = useSalesHistory((s) => s.detail)
  return (
    <aside className="sale-detail" aria-label={t('sales.detail')} aria-busy={detail?.status === 'loading'} data-testid="sale-detail">
      {detail === null ? (
        <p className="sale-detail-empty">{t('sales.detailEmpty')}</p>
      ) : detail.status === 'loading' ? (
        <p className="sale-detail-empty" role="status">
          {t('sales.detailLoading')}
        </p>
      ) : detail.status === 'failed' ? (
        <p className="feedback feedback-error" role="alert">
          {render(detail.message)}
        </p>
      ) : (
        <SaleShown invoice={detail.invoice} />
      )}
    </aside>
  )
}
