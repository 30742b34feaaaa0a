import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { PARKED_LABEL_MAX } from '#shared/contract/parked'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { useCart } from '../cart/public'
import type { ParkedTexts } from './parked.en'
import { useParked } from './use-parked'
import './parked.css'

/** The park key: an optional label, Enter parks the sale and empties the cart for the next customer. */
export function ParkDialog() {
  const { t } = useI18n<ParkedTexts & UiTexts>()
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
    <ModalDialog labelledBy="park-title" className="park-dialog" onDismiss={parkClosed} initialFocus={fieldRef}>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void parkSubmitted()
        }}
      >
        <h2 id="park-title" className="dialog-title">
          {t('park.title')}
        </h2>
        <p className="park-summary" data-testid="park-summary">
          {t('park.summary', { count: itemCount, total: money(totalCents) })}
        </p>
        <div className="field">
          <label htmlFor="park-label">{t('park.label')}</label>
          <input
            ref={fieldRef}
            id="park-label"
            className="input input-large"
            type="text"
            autoComplete="off"
            maxLength={PARKED_LABEL_MAX}
            aria-describedby="park-label-hint"
            value={labelText}
            onChange={(event) => labelTyped(event.target.value)}
          />
          <p id="park-label-hint" className="field-hint">
            {t('park.labelHint', { max: PARKED_LABEL_MAX })}
          </p>
        </div>
        <FormError message={error} />
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={parkClosed}>
            {t('park.cancel')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
          <button type="submit" className="button button-primary" aria-keyshortcuts="Enter" aria-disabled={pending}>
            {pending ? t('park.parking') : t('park.submit')} <KeyHint>{t('key.enter')}</KeyHint>
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
