import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { PARKED_LABEL_MAX } from '#shared/contract/parked'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { DialogActions, TitledDialog } from '../../ui/dialog-form'
import { InputField } from '../../ui/form-field'
import { useCart } from '../cart/public'
import type { ParkedTexts } from './parked.en'
import { useParked } from './use-parked'
import './parked.css'

/** The park key: an optional label, Enter parks the sale and empties the cart for the next customer. */
export function ParkDialog() {
  const { t } = useI18n<ParkedTexts>()
  const money = useMoney()
  const fieldRef = useRef<HTMLInputElement>(null)
  const { labelText, pending, error } = useParked(
    useShallow((s) => ({ labelText: s.labelText, pending: s.parkPending, error: s.parkError })),
  )
  const { itemCount, totalCents } = useCart(useShallow((s) => ({ itemCount: s.cart.itemCount, totalCents: s.cart.totalCents })))
  const labelTyped = useParked((s) => s.labelTyped)
  const parkSubmitted = useParked((s) => s.parkSubmitted)
  const parkClosed = useParked((s) => s.parkClosed)

  return (
    <TitledDialog
      titleId="park-title"
      title={t('park.title')}
      className="park-dialog"
      onDismiss={parkClosed}
      initialFocus={fieldRef}
      onSubmit={() => void parkSubmitted()}
    >
      <p className="park-summary" data-testid="park-summary">
        {t('park.summary', { count: itemCount, total: money(totalCents) })}
      </p>
      <InputField
        id="park-label"
        label={t('park.label')}
        hint={t('park.labelHint', { max: PARKED_LABEL_MAX })}
        className="input input-large"
        type="text"
        autoComplete="off"
        maxLength={PARKED_LABEL_MAX}
        value={labelText}
        onChange={(event) => labelTyped(event.target.value)}
        ref={fieldRef}
      />
      <FormError message={error} />
      <DialogActions
        cancelLabel={t('park.cancel')}
        onCancel={parkClosed}
        submitLabel={t('park.submit')}
        pendingLabel={t('park.parking')}
        pending={pending}
        enterKey
      />
    </TitledDialog>
  )
}
