import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CartDiscountDto } from '#shared/contract/cart'
import { useI18n, useMoney, usePercent } from '../../platform/i18n/use-i18n'
import { messagesOf, type Message, type ParamValue } from '../../platform/i18n/translate'
import { FormError } from '../../ui/form-error'
import { DialogActions } from '../../ui/dialog-form'
import { describedBy, FormField } from '../../ui/form-field'
import { ModalDialog } from '../../ui/modal-dialog'
import { ApprovalStep } from '../approval/public'
import { discountValue, lineDiscountMessage, orderDiscountMessage, useCart } from '../cart/public'
import { currencyOf, useSession } from '../session/public'
import { discountFormValues, discountOfForm, REASON_MAX, type DiscountFormValues, type DiscountKind } from './discount-form'
import type { DiscountsTexts } from './discounts.en'
import type { DiscountTarget } from './discounts.slice'
import { useDiscounts } from './use-discounts'
import './discounts.css'

const msg = messagesOf<DiscountsTexts>()

/** The common reasons offered under the reason field (any other may be typed). */
const REASONS = [
  'discount.reason.damaged',
  'discount.reason.nearExpiry',
  'discount.reason.regular',
  'discount.reason.priceMatch',
  'discount.reason.staff',
  'discount.reason.bulk',
] as const

const TITLE_ID = 'discount-title'
const APPROVAL_TITLE_ID = 'discount-approval-title'

/** What the dialog is about, as the cart holds it now: its summary line and the discount it has. */
function useSubject(target: DiscountTarget): { summary: string; current: CartDiscountDto | null; title: string } {
  const { t } = useI18n<DiscountsTexts>()
  const money = useMoney()
  const line = useCart((s) => (target.kind === 'line' ? s.cart.lines.find((l) => l.productId === target.productId) : undefined))
  const order = useCart(useShallow((s) => ({ discount: s.cart.orderDiscount, total: s.cart.totalCents, count: s.cart.itemCount })))
  if (target.kind === 'line') {
    return {
      title: t('discount.lineTitle', { name: target.name }),
      summary: line
        ? t('discount.lineSummary', { quantity: line.quantity, unitPrice: money(line.unitPriceCents), amount: money(line.lineTotalCents) })
        : '',
      current: line?.discount ?? null,
    }
  }
  return {
    title: t('discount.orderTitle'),
    summary: t('discount.orderSummary', { total: money(order.total), count: order.count }),
    current: order.discount,
  }
}

interface DiscountFormProps {
  readonly target: DiscountTarget
  readonly values: DiscountFormValues
  readonly onChange: (values: DiscountFormValues) => void
  readonly current: CartDiscountDto | null
  readonly decimals: number
  /** The value field, which the dialog focuses once it is open. */
  readonly valueRef: RefObject<HTMLInputElement | null>
  readonly children: ReactNode
}

function DiscountForm({ target, values, onChange, current, decimals, valueRef, children }: DiscountFormProps) {
  const { t, render } = useI18n<DiscountsTexts>()
  const percent = usePercent()
  const currency = useSession(currencyOf)
  const { pending, error } = useDiscounts(useShallow((s) => ({ pending: s.pending, error: s.error })))
  const discountSubmitted = useDiscounts((s) => s.discountSubmitted)
  const discountInvalid = useDiscounts((s) => s.discountInvalid)
  const discountRemoved = useDiscounts((s) => s.discountRemoved)
  const discountClosed = useDiscounts((s) => s.discountClosed)
  const reasonRef = useRef<HTMLInputElement>(null)

  // Back from the approval step (the dialog is open already, so this focus holds).
  useEffect(() => {
    valueRef.current?.focus()
  }, [valueRef])

  const set = (patch: Partial<DiscountFormValues>) => onChange({ ...values, ...patch })
  const hint =
    values.kind === 'percent'
      ? t('discount.valueHint.percent')
      : target.kind === 'line'
        ? t('discount.valueHint.amount')
        : t('discount.valueHint.orderAmount')

  return (
    <form
      className="discount-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const result = discountOfForm(values, decimals)
        if (result.ok) void discountSubmitted(result.request)
        else {
          discountInvalid(result.error)
          valueRef.current?.focus()
        }
      }}
    >
      {children}
      {current && (
        <p className="discount-current" data-testid="discount-current">
          {render(target.kind === 'line' ? lineDiscountMessage(current, percent) : orderDiscountMessage(current, percent))}
        </p>
      )}
      <fieldset className="discount-kind">
        <legend>{t('discount.kind')}</legend>
        {(['percent', 'amount'] as const satisfies readonly DiscountKind[]).map((kind) => (
          <label key={kind} className="check">
            <input type="radio" name="discount-kind" value={kind} checked={values.kind === kind} onChange={() => set({ kind })} />
            <span>{kind === 'percent' ? t('discount.kind.percent') : t('discount.kind.amount', { currency })}</span>
          </label>
        ))}
      </fieldset>
      <FormField
        id="discount-value"
        label={values.kind === 'percent' ? t('discount.value.percent') : t('discount.value.amount', { currency })}
        hint={hint}
      >
        <div className="discount-value-row">
          <input
            ref={valueRef}
            id="discount-value"
            className="input input-large num-input discount-value"
            inputMode="decimal"
            autoComplete="off"
            {...describedBy('discount-value', { hint: true })}
            aria-invalid={error ? true : undefined}
            value={values.value}
            onChange={(event) => set({ value: event.target.value })}
          />
          <span className="discount-unit" aria-hidden="true">
            {values.kind === 'percent' ? '%' : currency}
          </span>
        </div>
      </FormField>
      <div className="field">
        <label htmlFor="discount-reason">{t('discount.reason')}</label>
        <input
          ref={reasonRef}
          id="discount-reason"
          className="input"
          list="discount-reasons"
          autoComplete="off"
          maxLength={REASON_MAX}
          aria-describedby="discount-reason-hint"
          value={values.reason}
          onChange={(event) => set({ reason: event.target.value })}
        />
        <datalist id="discount-reasons">
          {REASONS.map((key) => (
            <option key={key} value={t(key)} />
          ))}
        </datalist>
        <p id="discount-reason-hint" className="field-hint">
          {t('discount.reasonHint')}
        </p>
        <div className="discount-reason-choices" role="group" aria-label={t('discount.reasonChoices')}>
          {REASONS.map((key) => (
            <button
              key={key}
              type="button"
              className="button button-quiet button-compact discount-reason-choice"
              aria-pressed={values.reason === t(key)}
              tabIndex={-1}
              onClick={() => {
                set({ reason: t(key) })
                reasonRef.current?.focus()
              }}
            >
              {t(key)}
            </button>
          ))}
        </div>
      </div>
      <FormError message={error} />
      <DialogActions
        cancelLabel={t('discount.cancel')}
        onCancel={discountClosed}
        submitLabel={t('discount.apply')}
        pendingLabel={t('discount.applying')}
        pending={pending}
        enterKey
      >
        {current && (
          <button
            type="button"
            className="button button-quiet button-remove"
            aria-disabled={pending}
            onClick={() => void discountRemoved()}
          >
            {t('discount.remove')}
          </button>
        )}
      </DialogActions>
    </form>
  )
}

/** What the manager is asked to approve, said in full. */
function approvalRequest(target: DiscountTarget, discount: ParamValue): Message {
  return target.kind === 'line'
    ? msg('discount.approvalLine', { discount, name: target.name })
    : msg('discount.approvalOrder', { discount })
}

function DiscountDialogFor({ target }: { target: DiscountTarget }) {
  const { render } = useI18n<DiscountsTexts>()
  const percent = usePercent()
  const decimals = useSession((s) => s.appInfo?.currencyDecimals ?? 2)
  const { awaiting, pending, error } = useDiscounts(
    useShallow((s) => ({ awaiting: s.awaitingApproval, pending: s.pending, error: s.error })),
  )
  const approvalSubmitted = useDiscounts((s) => s.approvalSubmitted)
  const approvalDismissed = useDiscounts((s) => s.approvalDismissed)
  const discountClosed = useDiscounts((s) => s.discountClosed)
  const { title, summary, current } = useSubject(target)
  // The typed fields outlive the approval step, so Back returns to them as they were.
  const [values, setValues] = useState(() => discountFormValues(current, decimals))
  const valueRef = useRef<HTMLInputElement>(null)

  return (
    <ModalDialog
      labelledBy={awaiting ? APPROVAL_TITLE_ID : TITLE_ID}
      className="discount-dialog"
      onDismiss={awaiting ? approvalDismissed : discountClosed}
      initialFocus={valueRef}
    >
      <div className="dialog-body">
        {awaiting ? (
          <ApprovalStep
            titleId={APPROVAL_TITLE_ID}
            idPrefix="discount"
            request={render(approvalRequest(target, discountValue(awaiting.discount, percent)))}
            pending={pending}
            error={error}
            onApprove={(username, secret) => void approvalSubmitted(username, secret)}
            onBack={approvalDismissed}
          />
        ) : (
          <DiscountForm target={target} values={values} onChange={setValues} current={current} decimals={decimals} valueRef={valueRef}>
            <h2 id={TITLE_ID} className="dialog-title">
              {title}
            </h2>
            <p className="discount-summary" data-testid="discount-summary">
              {summary}
            </p>
          </DiscountForm>
        )}
      </div>
    </ModalDialog>
  )
}

/** The line- and sale-discount keys' dialog: percent or amount, a reason, and a manager's approval in place when it is over the limit. */
export function DiscountDialog() {
  const target = useDiscounts((s) => s.target)
  if (!target) return null
  return <DiscountDialogFor key={target.kind === 'line' ? `line-${target.productId}` : 'order'} target={target} />
}
