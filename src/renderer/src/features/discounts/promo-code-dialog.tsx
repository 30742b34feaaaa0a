import { useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { typeCodeKey } from '../../platform/lib/code-keys'
import { FormError } from '../../ui/form-error'
import { DialogActions, TitledDialog } from '../../ui/dialog-form'
import { InputField } from '../../ui/form-field'
import { promoProblemMessage, useCart } from '../cart/public'
import type { DiscountsTexts } from './discounts.en'
import { useDiscounts } from './use-discounts'
import './discounts.css'

/** The longest code a promo may have (the contract's). */
const CODE_MAX = 40

/** The promo-code key's dialog: type or scan a code, Enter applies it; the code already in the sale can be taken off. */
export function PromoCodeDialog() {
  const { t, render } = useI18n<DiscountsTexts>()
  const money = useMoney()
  const fieldRef = useRef<HTMLInputElement>(null)
  const [code, setCode] = useState('')
  const { pending, error } = useDiscounts(useShallow((s) => ({ pending: s.promoPending, error: s.promoError })))
  const promo = useCart((s) => s.cart.promo)
  const promoSubmitted = useDiscounts((s) => s.promoSubmitted)
  const promoRemoved = useDiscounts((s) => s.promoRemoved)
  const promoClosed = useDiscounts((s) => s.promoClosed)
  const problem = promo ? promoProblemMessage(promo) : null

  return (
    <TitledDialog
      titleId="promo-title"
      title={t('promo.title')}
      className="promo-dialog"
      onDismiss={promoClosed}
      initialFocus={fieldRef}
      onSubmit={() => void promoSubmitted(code)}
    >
      {promo && (
        <div className={problem ? 'promo-current promo-current-problem' : 'promo-current'} data-testid="promo-current">
          <p>
            <strong>{t('promo.current', { code: promo.code, name: promo.name })}</strong>
            {!problem && <span className="promo-current-amount"> −{money(promo.discountCents)}</span>}
          </p>
          {problem && <p>{render(problem)}</p>}
          <p className="field-hint">{t('promo.replaceNote')}</p>
        </div>
      )}
      <InputField
        id="promo-code"
        label={t('promo.code')}
        hint={t('promo.codeHint')}
        className="input input-large promo-code-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        maxLength={CODE_MAX}
        aria-invalid={error ? true : undefined}
        value={code}
        onKeyDown={typeCodeKey}
        onChange={(event) => setCode(event.target.value)}
        ref={fieldRef}
      />
      <FormError message={error} />
      <DialogActions
        cancelLabel={t('promo.cancel')}
        onCancel={promoClosed}
        submitLabel={t('promo.apply')}
        pendingLabel={t('promo.applying')}
        pending={pending}
        enterKey
      >
        {promo && (
          <button type="button" className="button button-quiet button-remove" aria-disabled={pending} onClick={() => void promoRemoved()}>
            {t('promo.remove')}
          </button>
        )}
      </DialogActions>
    </TitledDialog>
  )
}
