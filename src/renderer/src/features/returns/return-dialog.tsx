import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { RefundDto } from '#shared/contract/returns'
import { useI18n, useMoney, useNumber } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { ApprovalStep } from '../approval/public'
import { ReceiptPrintActions, usePrintKeys } from '../printing/public'
import { ReturnReceipt } from './return-receipt'
import type { ReturnsTexts } from './returns.en'
import { leftOf } from './returns.slice'
import { useReturns } from './use-returns'
import './returns.css'

const TITLE_ID = 'return-title'
const APPROVAL_TITLE_ID = 'return-approval-title'

/** Where one refund goes, in words: the token by its last four characters, card and wallet with the sale's reference. */
function useRefundName(): (refund: RefundDto) => string {
  const { t } = useI18n<ReturnsTexts>()
  return (refund) => {
    switch (refund.method) {
      case 'token':
        return t('return.toToken', { last4: refund.tokenLast4 ?? '' })
      case 'cash':
        return t('return.toCash')
      case 'card':
        return refund.reference ? t('return.toCard', { reference: refund.reference }) : t('return.toCardNoReference')
      case 'wallet':
        return t('return.toWallet', { wallet: refund.wallet ?? '', reference: refund.reference ?? '' })
    }
  }
}

function RefundSummary() {
  const { t } = useI18n<ReturnsTexts>()
  const money = useMoney()
  const refundName = useRefundName()
  const { preview, previewPending } = useReturns(useShallow((s) => ({ preview: s.preview, previewPending: s.previewPending })))
  if (!preview) {
    return (
      <p className="return-refund-empty" role="status">
        {previewPending ? t('return.previewing') : t('return.choose')}
      </p>
    )
  }
  return (
    <section className="return-refund" aria-labelledby="return-refund-title" aria-busy={previewPending}>
      <h3 id="return-refund-title" className="return-refund-title">
        {t('return.refund')}
      </h3>
      <dl className="sale-figures">
        <div>
          <dt>{t('return.goods')}</dt>
          <dd>{money(preview.goodsCents)}</dd>
        </div>
        <div className="return-figure-minor">
          <dt>{t('return.tax')}</dt>
          <dd>{money(preview.taxCents)}</dd>
        </div>
        {preview.roundingCents !== 0 && (
          <div className="return-figure-minor">
            <dt>{t('return.rounding')}</dt>
            <dd>{money(preview.roundingCents)}</dd>
          </div>
        )}
        {preview.refunds.map((refund, index) => (
          <div key={index} className="return-refund-tender" data-testid="return-refund-tender">
            <dt>{refundName(refund)}</dt>
            <dd>{money(refund.amountCents)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function ReturnForm() {
  const { t } = useI18n<ReturnsTexts & UiTexts>()
  const money = useMoney()
  const figure = useNumber()
  const { invoice, mode, choices, reason, preview, pending, error } = useReturns(
    useShallow((s) => ({
      invoice: s.invoice!,
      mode: s.mode,
      choices: s.choices,
      reason: s.reason,
      preview: s.preview,
      pending: s.pending,
      error: s.error,
    })),
  )
  const quantityChanged = useReturns((s) => s.quantityChanged)
  const restockToggled = useReturns((s) => s.restockToggled)
  const allChosen = useReturns((s) => s.allChosen)
  const reasonTyped = useReturns((s) => s.reasonTyped)
  const returnSubmitted = useReturns((s) => s.returnSubmitted)
  const returnClosed = useReturns((s) => s.returnClosed)
  const voiding = mode === 'void'
  const amount = money(preview?.refundCents ?? 0)

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void returnSubmitted()
      }}
    >
      <h2 id={TITLE_ID} className="dialog-title">
        {voiding ? t('return.voidTitle', { number: String(invoice.number) }) : t('return.title', { number: String(invoice.number) })}
      </h2>
      {voiding && <p className="field-hint">{t('return.voidIntro')}</p>}
      <table className="return-lines">
        <thead>
          <tr>
            <th scope="col">{t('return.item')}</th>
            <th scope="col" className="num">
              {t('return.sold')}
            </th>
            <th scope="col" className="num">
              {t('return.returned')}
            </th>
            <th scope="col" className="num">
              {t('return.quantity')}
            </th>
            <th scope="col">{t('return.restock')}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => {
            const choice = choices[line.id]
            const left = leftOf(line)
            return (
              <tr key={line.id} className={left === 0 ? 'return-line-done' : undefined} data-testid="return-line">
                <th scope="row">
                  <span className="return-line-name">{line.name}</span>
                  <span className="return-line-paid">{money(line.totalCents)}</span>
                </th>
                <td className="num">{figure(line.quantity)}</td>
                <td className="num">{figure(line.returnedQuantity)}</td>
                <td className="num">
                  {left > 0 && (
                    <input
                      className="input return-quantity"
                      type="number"
                      min={0}
                      max={left}
                      step={1}
                      aria-label={t('return.quantityOf', { name: line.name })}
                      value={choice?.quantity ?? 0}
                      readOnly={voiding}
                      disabled={pending}
                      onChange={(event) => void quantityChanged(line.id, Number(event.target.value))}
                    />
                  )}
                </td>
                <td>
                  {left > 0 && (
                    <input
                      type="checkbox"
                      className="return-restock"
                      aria-label={t('return.restockOf', { name: line.name })}
                      checked={choice?.restock ?? true}
                      disabled={voiding || pending}
                      onChange={() => restockToggled(line.id)}
                    />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {!voiding && (
        <div className="return-quick">
          <button type="button" className="button button-quiet" disabled={pending} onClick={() => void allChosen(true)}>
            {t('return.all')}
          </button>
          <button type="button" className="button button-quiet" disabled={pending} onClick={() => void allChosen(false)}>
            {t('return.none')}
          </button>
        </div>
      )}
      <div className="field">
        <label htmlFor="return-reason">{t('return.reason')}</label>
        <input
          id="return-reason"
          className="input"
          autoComplete="off"
          maxLength={200}
          value={reason}
          aria-describedby="return-reason-hint"
          onChange={(event) => reasonTyped(event.target.value)}
        />
        <p id="return-reason-hint" className="field-hint">
          {t('return.reasonHint')}
        </p>
      </div>
      <RefundSummary />
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" disabled={pending} onClick={returnClosed}>
          {t('return.back')} <KeyHint>{t('key.escape')}</KeyHint>
        </button>
        <button type="submit" className="button button-primary" disabled={pending || !preview}>
          {pending ? t('return.working') : voiding ? t('return.voidSubmit', { amount }) : t('return.submit', { amount })}
        </button>
      </div>
    </form>
  )
}

/** Takes items back from an invoice (or voids it): what comes back, why, the refund by tender, then the return receipt. */
export function ReturnDialog() {
  const { t } = useI18n<ReturnsTexts & UiTexts>()
  const money = useMoney()
  const initialFocus = useRef<HTMLDivElement>(null)
  const { invoice, mode, preview, pending, error, awaitingApproval, made } = useReturns(
    useShallow((s) => ({
      invoice: s.invoice,
      mode: s.mode,
      preview: s.preview,
      pending: s.pending,
      error: s.error,
      awaitingApproval: s.awaitingApproval,
      made: s.made,
    })),
  )
  const returnClosed = useReturns((s) => s.returnClosed)
  const approvalSubmitted = useReturns((s) => s.approvalSubmitted)
  const approvalDismissed = useReturns((s) => s.approvalDismissed)
  const printKey = usePrintKeys(made ? { returnId: made.id } : null, made ? `return-${made.number}` : null)
  if (!invoice) return null
  const amount = money(preview?.refundCents ?? 0)
  const number = String(invoice.number)

  return (
    <ModalDialog
      labelledBy={awaitingApproval ? APPROVAL_TITLE_ID : TITLE_ID}
      className="return-dialog"
      onDismiss={awaitingApproval ? approvalDismissed : returnClosed}
      initialFocus={initialFocus}
      onKeyDown={(event) => void printKey(event)}
    >
      <div className="dialog-body" ref={initialFocus} tabIndex={-1}>
        {made ? (
          <>
            <h2 id={TITLE_ID} className="dialog-title">
              {t(made.kind === 'void' ? 'return.voidMadeTitle' : 'return.madeTitle', { number: String(made.number) })}
            </h2>
            <ReturnReceipt made={made} />
            <ReceiptPrintActions source={{ returnId: made.id }} pdfName={`return-${made.number}`} />
            <div className="dialog-actions">
              <button type="button" className="button button-primary" aria-keyshortcuts="Escape" onClick={returnClosed} autoFocus>
                {t('return.close')} <KeyHint>{t('key.escape')}</KeyHint>
              </button>
            </div>
          </>
        ) : awaitingApproval ? (
          <ApprovalStep
            titleId={APPROVAL_TITLE_ID}
            idPrefix="return"
            request={mode === 'void' ? t('return.approvalForVoid', { number, amount }) : t('return.approvalFor', { number, amount })}
            pending={pending}
            error={error}
            onApprove={(username, secret) => void approvalSubmitted(username, secret)}
            onBack={approvalDismissed}
          />
        ) : (
          <ReturnForm />
        )}
      </div>
    </ModalDialog>
  )
}
