import '../../ui/sale-figures.css'
import './receipt.css'
import { Fragment, useMemo } from 'react'
import type { InvoiceDto } from '#shared/contract/invoices'
import {
  figuresAroundNotes,
  receiptWriter,
  saleReceipt,
  type ReceiptDocument,
  type ReceiptRow,
  type ReceiptRowRole,
  type ReceiptStore,
  type ReceiptWriter,
} from '#shared/receipts/receipt-model'
import { useI18n, useMoney, useNumber } from '../../platform/i18n/use-i18n'
import { currencyOf, languageOf, localeOf, useSession } from '../session/public'
import type { receiptsEn } from './receipts.en'

/** The document's words through the screen's dictionary (which holds the receipt's), its amounts through the screen's money formatter. */
function useReceiptWriter(): ReceiptWriter {
  const { render } = useI18n<typeof receiptsEn>()
  const money = useMoney()
  return useMemo(() => receiptWriter({ label: render, money }), [render, money])
}

const TEST_IDS: Partial<Record<ReceiptRowRole, string>> = {
  subtotal: 'sale-subtotal',
  discount: 'sale-discount',
  rounding: 'receipt-rounding',
}

/** A label and its value; a date as a machine-readable time, a tax with its base beside its name. */
function Row({ row, write, className }: { row: ReceiptRow; write: ReceiptWriter; className?: string | undefined }) {
  const value = write.value(row.value)
  return (
    <div className={className} data-testid={row.role === 'tax' ? 'sale-tax' : undefined}>
      <dt>
        {write.text(row.label)}
        {row.detail && (
          <>
            {' '}
            <span className="sale-figures-base">{write.text(row.detail)}</span>
          </>
        )}
      </dt>
      <dd data-testid={TEST_IDS[row.role]}>{row.value.kind === 'dateTime' ? <time dateTime={row.value.iso}>{value}</time> : value}</dd>
    </div>
  )
}

/** Any receipt document (a sale's, a return's) as the customer gets it, the same words and figures as on paper. */
export function ReceiptView({ document }: { document: ReceiptDocument }) {
  const { t } = useI18n<typeof receiptsEn>()
  const write = useReceiptWriter()
  const money = useMoney()
  const figure = useNumber()
  const several = document.payments.filter((row) => row.role === 'tender').length > 1
  const [upToDiscount, afterDiscount] = figuresAroundNotes(document)
  // A return's lines refund their share of what was paid, which has no unit price of its own: no empty column.
  const priced = document.items.some((item) => item.unitPriceCents !== undefined)
  return (
    <section className="receipt" aria-label={t('receipt.label')}>
      <header className="receipt-head">
        <p className="receipt-store">{document.store.name}</p>
        {document.store.lines.map((line, index) => (
          <p key={index} className="receipt-store-line">
            {write.text(line)}
          </p>
        ))}
        <p className="receipt-number">{write.text(document.title)}</p>
      </header>
      <dl className="receipt-facts">
        {document.facts.map((row, index) => (
          <Row key={index} row={row} write={write} />
        ))}
      </dl>
      <div className="receipt-lines-rule">
        <table className="receipt-lines">
          <thead>
            <tr>
              <th scope="col">{t('receipt.item')}</th>
              <th scope="col" className="num">
                {t('receipt.qty')}
              </th>
              {priced && (
                <th scope="col" className="num">
                  {t('receipt.unitPrice')}
                </th>
              )}
              <th scope="col" className="num">
                {t('receipt.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {document.items.map((item, index) => (
              <Fragment key={index}>
                <tr>
                  <th scope="row">{item.name}</th>
                  <td className="num">{figure(item.quantity)}</td>
                  {priced && <td className="num">{item.unitPriceCents === undefined ? '' : money(item.unitPriceCents)}</td>}
                  <td className="num">{money(item.amountCents)}</td>
                </tr>
                {item.discountCents > 0 && (
                  <tr className="receipt-line-discount" data-testid="receipt-line-discount">
                    <td colSpan={priced ? 3 : 2}>{t('receipt.lineDiscount')}</td>
                    <td className="num">{write.value({ kind: 'money', cents: item.discountCents, reduction: true })}</td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {upToDiscount.length > 0 && (
          <dl className="sale-figures receipt-figures">
            {upToDiscount.map((row, index) => (
              <Row key={index} row={row} write={write} />
            ))}
          </dl>
        )}
        {document.notes.map((note, index) => (
          <p key={index} className="receipt-promo" data-testid="receipt-promo">
            {write.text(note)}
          </p>
        ))}
        {afterDiscount.length > 0 && (
          <dl className="sale-figures receipt-figures">
            {afterDiscount.map((row, index) => (
              <Row key={index} row={row} write={write} />
            ))}
          </dl>
        )}
        <p className="receipt-total">
          <span>{write.text(document.total.label)}</span>
          <strong className="receipt-total-amount">{write.value(document.total.value)}</strong>
        </p>
      </div>
      <dl className="receipt-payment">
        {document.payments.map((row, index) => (
          <Row
            key={index}
            row={row}
            write={write}
            className={row.indent ? 'receipt-tender-detail' : several && row.role === 'tender' ? 'receipt-tender' : undefined}
          />
        ))}
      </dl>
      <div className="receipt-thanks">
        {document.footer.map((line, index) => (
          <p key={index}>{write.text(line)}</p>
        ))}
      </div>
    </section>
  )
}

/**
 * The store's details for a receipt on screen, from what the app knows of the store (`app:info`):
 * its name, address, phone, tax number, receipt header and footer, currency and its digits, locale
 * and time zone, so the screen shows what the paper prints.
 */
export function useReceiptStore(): ReceiptStore {
  const appInfo = useSession((s) => s.appInfo)
  const language = useSession(languageOf)
  return useMemo(
    () => ({
      storeName: appInfo?.storeName ?? '',
      address: appInfo?.receipt?.address ?? '',
      phone: appInfo?.receipt?.phone ?? '',
      taxNumber: appInfo?.receipt?.taxNumber ?? '',
      receiptHeader: appInfo?.receipt?.header ?? '',
      receiptFooter: appInfo?.receipt?.footer ?? '',
      ...(appInfo ? { currencyDecimals: appInfo.currencyDecimals } : {}),
      currency: currencyOf({ appInfo }),
      locale: localeOf({ appInfo }),
      timeZone: appInfo?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      language,
      bikramSambat: appInfo?.bikramSambat ?? false,
      bikramSambatYears: appInfo?.bikramSambatYears ?? [],
    }),
    [appInfo, language],
  )
}

interface ReceiptProps {
  invoice: InvoiceDto
  storeName: string
  /** The store's full details (address, header, footer…) where the caller has them. */
  store?: ReceiptStore | undefined
  /** From the checkout reply, for a backend that reports them there rather than on the invoice. */
  tokenBalanceCents?: number | undefined
  changeCents?: number | undefined
}

/** A sale's receipt: the same for a fresh sale and a looked-up invoice. */
export function Receipt({ invoice, storeName, store, tokenBalanceCents, changeCents }: ReceiptProps) {
  const known = useReceiptStore()
  const document = useMemo(
    () =>
      saleReceipt(
        {
          ...invoice,
          tokenBalanceAfterCents: invoice.tokenBalanceAfterCents ?? tokenBalanceCents,
          changeCents: invoice.changeCents ?? changeCents,
        },
        store ?? { ...known, storeName },
      ),
    [invoice, storeName, store, known, tokenBalanceCents, changeCents],
  )
  return <ReceiptView document={document} />
}
