import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { PaymentMethod } from '#shared/contract/invoices'
import { parseMoney } from '#shared/money/money'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { KEYS } from '../../platform/lib/keys'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { useCart } from '../cart/public'
import { currencyOf, useSession } from '../session/public'
import type { CheckoutTexts } from './checkout.en'
import { useCheckout } from './use-checkout'

function CashChange({ tenderedText, totalCents }: { tenderedText: string; totalCents: number }) {
  const { t } = useI18n<CheckoutTexts>()
  const money = useMoney()
  const currency = useSession(currencyOf)
  const tendered = tenderedText.trim() === '' ? null : parseMoney(tenderedText, currency)

  let text: string
  let tone: string
  if (tenderedText.trim() === '') {
    text = t('pay.changeNone')
    tone = 'change-idle'
  } else if (tendered === null) {
    text = t('pay.badAmount')
    tone = 'change-bad'
  } else if (tendered < totalCents) {
    text = t('pay.short', { amount: money(totalCents - tendered) })
    tone = 'change-bad'
  } else {
    text = t('pay.changeAmount', { amount: money(tendered - totalCents) })
    tone = 'change-ok'
  }
  return (
    <output className={`change ${tone}`} data-testid="pay-change" aria-live="polite">
      {text}
    </output>
  )
}

export function PayDialog() {
  const { t } = useI18n<CheckoutTexts & UiTexts>()
  const money = useMoney()
  const fieldRef = useRef<HTMLInputElement>(null)
  const { payMethod, tokenText, tenderedText, paying, payFormError } = useCheckout(
    useShallow((s) => ({
      payMethod: s.payMethod,
      tokenText: s.tokenText,
      tenderedText: s.tenderedText,
      paying: s.paying,
      payFormError: s.payFormError,
    })),
  )
  const totalCents = useCart((s) => s.cart.totalCents)
  const payCancelled = useCheckout((s) => s.payCancelled)
  const payMethodChosen = useCheckout((s) => s.payMethodChosen)
  const tokenTyped = useCheckout((s) => s.tokenTyped)
  const tenderedTyped = useCheckout((s) => s.tenderedTyped)
  const exactTenderChosen = useCheckout((s) => s.exactTenderChosen)
  const paymentSubmitted = useCheckout((s) => s.paymentSubmitted)

  // Choosing a method takes the cashier straight to its field.
  useEffect(() => {
    fieldRef.current?.focus()
  }, [payMethod])

  function choose(method: PaymentMethod): void {
    payMethodChosen(method)
    fieldRef.current?.focus()
  }

  return (
    <ModalDialog
      labelledBy="pay-title"
      className="pay-dialog"
      onDismiss={payCancelled}
      initialFocus={fieldRef}
      onKeyDown={(event) => {
        if (event.key === KEYS.payByToken || event.key === KEYS.payByCash) {
          event.preventDefault()
          choose(event.key === KEYS.payByToken ? 'token' : 'cash')
        }
      }}
    >
      <form
        className="dialog-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void paymentSubmitted()
        }}
      >
        <h2 id="pay-title" className="dialog-title">
          {t('pay.title')}
        </h2>
        <div className="amount-due">
          <span>{t('pay.amountDue')}</span>
          <strong data-testid="amount-due">{money(totalCents)}</strong>
        </div>
        <fieldset className="method-picker" disabled={paying}>
          <legend>{t('pay.method')}</legend>
          <div className="method-options">
            {(
              [
                ['token', t('pay.byToken'), KEYS.payByToken],
                ['cash', t('pay.byCash'), KEYS.payByCash],
              ] as const
            ).map(([method, label, key]) => (
              <label key={method} className={payMethod === method ? 'method method-chosen' : 'method'}>
                <input
                  type="radio"
                  name="pay-method"
                  value={method}
                  aria-keyshortcuts={key}
                  checked={payMethod === method}
                  onChange={() => choose(method)}
                />
                <span>{label}</span>
                <KeyHint>{key}</KeyHint>
              </label>
            ))}
          </div>
        </fieldset>

        {payMethod === 'token' ? (
          <div className="field">
            <label htmlFor="pay-token">{t('pay.tokenField')}</label>
            <input
              ref={fieldRef}
              id="pay-token"
              className="input input-large"
              type="text"
              autoComplete="off"
              spellCheck={false}
              aria-describedby="pay-token-hint"
              readOnly={paying}
              value={tokenText}
              onChange={(event) => tokenTyped(event.target.value)}
            />
            <p id="pay-token-hint" className="field-hint">
              {t('pay.tokenHint')}
            </p>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="pay-cash">{t('pay.cashField')}</label>
            <div className="field-row">
              <input
                ref={fieldRef}
                id="pay-cash"
                className="input input-large"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                readOnly={paying}
                value={tenderedText}
                onChange={(event) => tenderedTyped(event.target.value)}
              />
              <button
                type="button"
                className="button button-quiet"
                disabled={paying}
                onClick={() => {
                  exactTenderChosen()
                  fieldRef.current?.focus()
                }}
              >
                {t('pay.exact')}
              </button>
            </div>
            <CashChange tenderedText={tenderedText} totalCents={totalCents} />
          </div>
        )}

        <FormError message={payFormError} />

        <div className="dialog-actions">
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" disabled={paying} onClick={payCancelled}>
            {t('pay.cancel')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
          <button type="submit" className="button button-primary" disabled={paying}>
            {paying ? t('pay.submitting') : t('pay.submit')} <KeyHint>{t('key.enter')}</KeyHint>
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
