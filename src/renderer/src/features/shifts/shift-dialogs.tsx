import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { DialogActions, EscapeButton, TitledDialog } from '../../ui/dialog-form'
import { FormError } from '../../ui/form-error'
import { InputField } from '../../ui/form-field'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { ReceiptPrintActions, usePrintKeys } from '../printing/public'
import { currencyOf, useSession } from '../session/public'
import { ShiftReport } from './shift-report'
import type { ShiftsTexts } from './shifts.en'
import { useShifts } from './use-shifts'
import './shifts.css'

const REASON_MAX = 200

function useAmountField() {
  return useShifts(useShallow((s) => ({ amountText: s.amountText, pending: s.pending, error: s.error })))
}

/** The float counted into the drawer, starting at what the last close counted. */
function OpenShiftDialog() {
  const { t } = useI18n<ShiftsTexts>()
  const currency = useSession(currencyOf)
  const fieldRef = useRef<HTMLInputElement>(null)
  const { amountText, pending, error } = useAmountField()
  const carried = useShifts((s) => s.current?.lastCountedCashCents != null)
  const amountTyped = useShifts((s) => s.amountTyped)
  const openSubmitted = useShifts((s) => s.openSubmitted)
  const closed = useShifts((s) => s.shiftDialogClosed)
  return (
    <TitledDialog
      titleId="shift-open-title"
      title={t('shift.open.title')}
      className="shift-dialog"
      onDismiss={closed}
      initialFocus={fieldRef}
      onSubmit={() => void openSubmitted()}
    >
      <InputField
        id="shift-float"
        label={`${t('shift.open.float')} (${currency})`}
        hint={carried ? t('shift.open.floatCarried') : t('shift.open.floatHint')}
        className="input input-large num-input"
        inputMode="decimal"
        autoComplete="off"
        value={amountText}
        onChange={(event) => amountTyped(event.target.value)}
        onFocus={(event) => event.target.select()}
        ref={fieldRef}
      />
      <FormError message={error} />
      <DialogActions
        cancelLabel={t('shift.cancel')}
        onCancel={closed}
        submitLabel={t('shift.open.submit')}
        pendingLabel={t('shift.open.opening')}
        pending={pending}
        enterKey
      />
    </TitledDialog>
  )
}

/** Cash put into the drawer or taken out of it, with what it was for. */
function CashMoveDialog() {
  const { t } = useI18n<ShiftsTexts>()
  const currency = useSession(currencyOf)
  const fieldRef = useRef<HTMLInputElement>(null)
  const { amountText, pending, error } = useAmountField()
  const { moveKind, reasonText } = useShifts(useShallow((s) => ({ moveKind: s.moveKind, reasonText: s.reasonText })))
  const amountTyped = useShifts((s) => s.amountTyped)
  const reasonTyped = useShifts((s) => s.reasonTyped)
  const moveKindChosen = useShifts((s) => s.moveKindChosen)
  const cashMoveSubmitted = useShifts((s) => s.cashMoveSubmitted)
  const closed = useShifts((s) => s.shiftDialogClosed)
  return (
    <TitledDialog
      titleId="shift-move-title"
      title={t('shift.move.title')}
      className="shift-dialog"
      onDismiss={closed}
      initialFocus={fieldRef}
      onSubmit={() => void cashMoveSubmitted()}
    >
      <fieldset className="shift-move-kind">
        <legend>{t('shift.move.kind')}</legend>
        {(['payOut', 'payIn'] as const).map((kind) => (
          <label key={kind} className="check">
            <input type="radio" name="shift-move-kind" value={kind} checked={moveKind === kind} onChange={() => moveKindChosen(kind)} />
            <span>{t(kind === 'payIn' ? 'shift.move.payIn' : 'shift.move.payOut')}</span>
          </label>
        ))}
      </fieldset>
      <InputField
        id="shift-move-amount"
        label={`${t('shift.move.amount')} (${currency})`}
        className="input input-large num-input"
        inputMode="decimal"
        autoComplete="off"
        value={amountText}
        onChange={(event) => amountTyped(event.target.value)}
        ref={fieldRef}
      />
      <InputField
        id="shift-move-reason"
        label={t('shift.move.reason')}
        hint={t('shift.move.reasonHint')}
        autoComplete="off"
        maxLength={REASON_MAX}
        value={reasonText}
        onChange={(event) => reasonTyped(event.target.value)}
      />
      <FormError message={error} />
      <DialogActions
        cancelLabel={t('shift.cancel')}
        onCancel={closed}
        submitLabel={t('shift.move.submit')}
        pendingLabel={t('shift.move.saving')}
        pending={pending}
        enterKey
      />
    </TitledDialog>
  )
}

/** Opening the drawer without a sale: confirmed, then what the printer's drawer did. */
function NoSaleDialog() {
  const { t } = useI18n<ShiftsTexts & UiTexts>()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const { pending, error, result } = useShifts(useShallow((s) => ({ pending: s.pending, error: s.error, result: s.noSaleResult })))
  const noSaleConfirmed = useShifts((s) => s.noSaleConfirmed)
  const closed = useShifts((s) => s.shiftDialogClosed)
  return (
    <TitledDialog
      titleId="shift-no-sale-title"
      title={t('shift.noSale.title')}
      className="shift-dialog"
      onDismiss={closed}
      initialFocus={buttonRef}
      onSubmit={() => (result ? closed() : void noSaleConfirmed())}
    >
      <p className="shift-explain">{t('shift.noSale.explain')}</p>
      <FeedbackLine feedback={result} className="shift-no-sale-result" />
      <FormError message={error} />
      <div className="dialog-actions">
        {/* One submit button throughout, so focus stays on it once the drawer has answered. */}
        {!result && <EscapeButton label={t('shift.cancel')} onClick={closed} busy={pending} />}
        <button ref={buttonRef} type="submit" className="button button-primary" aria-keyshortcuts="Enter" aria-disabled={pending}>
          {result ? t('shift.done') : pending ? t('shift.noSale.opening') : t('shift.noSale.submit')} <KeyHint>{t('key.enter')}</KeyHint>
        </button>
      </div>
    </TitledDialog>
  )
}

/**
 * The close: a blind count first (nothing on screen says what the drawer should hold), then the Z
 * report the close wrote, to print or save.
 */
function CloseShiftDialog() {
  const { t } = useI18n<ShiftsTexts & UiTexts>()
  const currency = useSession(currencyOf)
  const fieldRef = useRef<HTMLInputElement>(null)
  const doneRef = useRef<HTMLDivElement>(null)
  const { amountText, pending, error } = useAmountField()
  const closedZ = useShifts((s) => s.closedZ)
  const number = useShifts((s) => s.current?.shift?.number ?? s.closedZ?.figures.shift.number ?? 0)
  const amountTyped = useShifts((s) => s.amountTyped)
  const closeSubmitted = useShifts((s) => s.closeSubmitted)
  const closed = useShifts((s) => s.shiftDialogClosed)
  const printKey = usePrintKeys(closedZ ? { zReportId: closedZ.id } : null, closedZ ? `z-report-${closedZ.number}` : null)

  if (closedZ) {
    return (
      <ModalDialog
        labelledBy="shift-z-title"
        className="shift-dialog shift-report-dialog"
        onDismiss={closed}
        initialFocus={doneRef}
        onKeyDown={(event) => void printKey(event)}
      >
        <div className="dialog-body" ref={doneRef} tabIndex={-1}>
          <h2 id="shift-z-title" className="dialog-title">
            {t('shift.close.closed', { number: closedZ.figures.shift.number, z: closedZ.number })}
          </h2>
          <ReceiptPrintActions source={{ zReportId: closedZ.id }} pdfName={`z-report-${closedZ.number}`} />
          <ShiftReport figures={closedZ.figures} z={closedZ} />
          <div className="dialog-actions">
            <button type="button" className="button button-primary" aria-keyshortcuts="Escape" onClick={closed}>
              {t('shift.done')} <KeyHint>{t('key.escape')}</KeyHint>
            </button>
          </div>
        </div>
      </ModalDialog>
    )
  }

  return (
    <TitledDialog
      titleId="shift-close-title"
      title={t('shift.close.title', { number })}
      className="shift-dialog"
      onDismiss={closed}
      initialFocus={fieldRef}
      onSubmit={() => void closeSubmitted()}
    >
      <InputField
        id="shift-count"
        label={`${t('shift.close.count')} (${currency})`}
        hint={t('shift.close.countHint')}
        className="input input-large num-input"
        inputMode="decimal"
        autoComplete="off"
        value={amountText}
        onChange={(event) => amountTyped(event.target.value)}
        ref={fieldRef}
      />
      <FormError message={error} />
      <DialogActions
        cancelLabel={t('shift.cancel')}
        onCancel={closed}
        submitLabel={t('shift.close.submit')}
        pendingLabel={t('shift.close.closing')}
        pending={pending}
        enterKey
      />
    </TitledDialog>
  )
}

/** A manager's look at the open shift: every figure so far, expected cash included. */
function XReportDialog() {
  const { t } = useI18n<ShiftsTexts & UiTexts>()
  const ref = useRef<HTMLDivElement>(null)
  const { xReport, pending, error } = useShifts(useShallow((s) => ({ xReport: s.xReport, pending: s.pending, error: s.error })))
  const closed = useShifts((s) => s.shiftDialogClosed)
  return (
    <ModalDialog labelledBy="shift-x-title" className="shift-dialog shift-report-dialog" onDismiss={closed} initialFocus={ref}>
      <div className="dialog-body" ref={ref} tabIndex={-1}>
        <h2 id="shift-x-title" className="dialog-title">
          {t('shift.x.dialog')}
        </h2>
        {pending && <p className="shift-explain">{t('shifts.list.loading')}</p>}
        {error && <FormError message={error} />}
        {xReport && <ShiftReport figures={xReport} />}
        <div className="dialog-actions">
          <button type="button" className="button button-primary" aria-keyshortcuts="Escape" onClick={closed}>
            {t('shift.done')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}

/** Whichever shift dialog is open at the till. */
export function ShiftDialog() {
  const view = useShifts((s) => s.view)
  switch (view) {
    case 'open':
      return <OpenShiftDialog />
    case 'cashMove':
      return <CashMoveDialog />
    case 'noSale':
      return <NoSaleDialog />
    case 'close':
      return <CloseShiftDialog />
    case 'xReport':
      return <XReportDialog />
    case null:
      return null
  }
}
