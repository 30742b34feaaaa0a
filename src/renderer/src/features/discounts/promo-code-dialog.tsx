import { useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { promoProblemMessage, useCart } from '../cart/public'
import type { DiscountsTexts } from './discounts.en'
import { useDiscounts } from './use-discounts'
import './discounts.css'

/** The longest code a promo may have (the contract's). */
const CODE_MAX = 40

/** The promo-code key's dialog: type or scan a code, Enter applies it; the code already in the sale can be taken off. */
export function PromoCodeDialog() {
  const { t, render } = useI18n<DiscountsTexts & UiTexts>()
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
    <ModalDialog labelledBy="promo-title" className="promo-dialog" onDismiss={promoClosed} initialFocus={fieldRef}>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void promoSubmitted(code)
        }}
      >
        <h2 id="promo-title" className="dialog-title">
          {t('promo.title')}
        </h2>
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
        <div className="field">
          <label htmlFor="promo-code">{t('promo.code')}</label>
          <input
            ref={fieldRef}
            id="promo-code"
            className="input input-large promo-code-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            maxLength={CODE_MAX}
            aria-describedby="promo-code-hint"
            aria-invalid={error ? true : undefined}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <p id="promo-code-hint" className="field-hint">
            {t('promo.codeHint')}
          </p>
        </div>
        <FormError message={error} />
        <div className="dialog-actions">
          {promo && (
            <button type="button" className="button button-quiet button-remove" aria-disabled={pending} onClick={() => void promoRemoved()}>
              {t('promo.remove')}
            </button>
          )}
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={promoClosed}>
            {t('promo.cancel')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
          <button type="submit" className="button button-primary" aria-keyshortcuts="Enter" aria-disabled={pending}>
            {pending ? t('promo.applying') : t('promo.apply')} <KeyHint>{t('key.enter')}</KeyHint>
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
