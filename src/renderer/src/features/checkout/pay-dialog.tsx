import './pay-dialog.css'
import { useEffect, useMemo, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { TenderMethod } from '#shared/contract/invoices'
import type { SettledTender } from '#shared/money/tenders'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { typeCodeKey } from '../../platform/lib/code-keys'
import { isAltLetter, KEYS, PAY_KEYS } from '../../platform/lib/keys'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { useCart } from '../cart/public'
import { currencyOf, useSession } from '../session/public'
import type { CheckoutTexts } from './checkout.en'
import { payViewOf, readDraft, type AddedTender, type PayView } from './checkout.slice'
import { useCheckout } from './use-checkout'

const METHOD_KEYS: Record<TenderMethod, string> = {
  token: KEYS.payByToken,
  cash: KEYS.payByCash,
  card: PAY_KEYS.payByCard.label,
  wallet: PAY_KEYS.payByWallet.label,
}

/** Under the cash field: the change, or how much is still short in cash (rounded), from the shared settlement. */
function CashChange({ tenderedText, view }: { tenderedText: string; view: PayView }) {
  const { t } = useI18n<CheckoutTexts>()
  const money = useMoney()
  const currency = useSession(currencyOf)
  const draft = readDraft({ payMethod: 'cash', tenderedText, tokenText: '', amountText: '', referenceText: '', walletName: '' }, currency)
  const cash = view.settlement.tenders.find((tender) => tender.method === 'cash')

  let text: string
  let tone: string
  if (draft.kind === 'empty') {
    text = t('pay.changeNone')
    tone = 'change-idle'
  } else if (draft.kind === 'bad' || !cash) {
    text = t('pay.badAmount')
    tone = 'change-bad'
  } else if (cash.refusal) {
    text = t('pay.nothingDue')
    tone = 'change-bad'
  } else if (view.settlement.cashDueCents > 0) {
    text = t('pay.short', { amount: money(view.settlement.cashDueCents) })
    tone = 'change-bad'
  } else {
    text = t('pay.changeAmount', { amount: money(view.settlement.changeCents) })
    tone = 'change-ok'
  }
  return (
    <output className={`change ${tone}`} data-testid="pay-change" aria-live="polite">
      {text}
    </output>
  )
}

/** One tender of the payment: what it is, and what it pays (as the settlement has it). */
function TenderRow({ tender, settled, typing }: { tender: AddedTender; settled: SettledTender | undefined; typing: boolean }) {
  const { t } = useI18n<CheckoutTexts>()
  const money = useMoney()
  let name: string
  let detail: string | null = null
  switch (tender.method) {
    case 'token':
      name = t('pay.tenderToken', { last4: tender.token.slice(-4) })
      detail = t('pay.tenderTokenBalance', { amount: money(tender.balanceCents) })
      break
    case 'cash':
      name = t('pay.tenderCash')
      detail = t('pay.tenderCashGiven', { amount: money(tender.tenderedCents) })
      break
    case 'card':
      name = t('pay.tenderCard')
      detail = t('pay.tenderRef', { reference: tender.reference })
      break
    case 'wallet':
      name = tender.wallet
      detail = t('pay.tenderRef', { reference: tender.reference })
      break
  }
  const refused = settled?.refusal !== undefined
  return (
    <li
      className={['pay-tender', typing ? 'pay-tender-typing' : '', refused ? 'pay-tender-refused' : ''].filter(Boolean).join(' ')}
      data-testid="pay-tender"
    >
      <span className="pay-tender-name">{name}</span>
      <span className="pay-tender-detail">{detail}</span>
      <strong className="pay-tender-amount">{refused || !settled ? t('pay.tenderRefused') : money(settled.amountCents)}</strong>
    </li>
  )
}

export function PayDialog() {
  const { t } = useI18n<CheckoutTexts & UiTexts>()
  const money = useMoney()
  const currency = useSession(currencyOf)
  const fieldRef = useRef<HTMLInputElement>(null)
  const state = useCheckout(
    useShallow((s) => ({
      payMethod: s.payMethod,
      tokenText: s.tokenText,
      tenderedText: s.tenderedText,
      amountText: s.amountText,
      referenceText: s.referenceText,
      walletName: s.walletName,
      tenders: s.tenders,
      splitting: s.splitting,
      checkingToken: s.checkingToken,
      payRules: s.payRules,
      paying: s.paying,
      payFormError: s.payFormError,
    })),
  )
  const {
    payMethod,
    tokenText,
    tenderedText,
    amountText,
    referenceText,
    walletName,
    tenders,
    splitting,
    checkingToken,
    paying,
    payFormError,
  } = state
  const totalCents = useCart((s) => s.cart.totalCents)
  const actions = useCheckout(
    useShallow((s) => ({
      payCancelled: s.payCancelled,
      payMethodChosen: s.payMethodChosen,
      tokenTyped: s.tokenTyped,
      tenderedTyped: s.tenderedTyped,
      amountTyped: s.amountTyped,
      referenceTyped: s.referenceTyped,
      walletChosen: s.walletChosen,
      exactTenderChosen: s.exactTenderChosen,
      tenderAdded: s.tenderAdded,
      lastTenderRemoved: s.lastTenderRemoved,
      paymentSubmitted: s.paymentSubmitted,
    })),
  )
  const busy = paying || checkingToken
  const wallets = state.payRules?.wallets ?? []

  // Every figure on the dialog comes from the shared settlement, as core's checkout works it out.
  const view = useMemo(() => payViewOf(state, totalCents, currency), [state, totalCents, currency])
  const { settlement } = view
  const typedIndex =
    view.tenders.length > tenders.length || view.tenders.some((tender, i) => tender !== tenders[i]) ? view.tenders.length - 1 : -1
  const several = splitting || tenders.length > 0

  // Choosing a method, or adding a tender, takes the cashier straight to the next field.
  useEffect(() => {
    fieldRef.current?.focus()
    if (payMethod === 'card' || payMethod === 'wallet') fieldRef.current?.select()
  }, [payMethod, tenders.length])

  function choose(method: TenderMethod): void {
    actions.payMethodChosen(method)
    fieldRef.current?.focus()
  }

  const methods: [TenderMethod, string][] = [
    ['token', t('pay.byToken')],
    ['cash', t('pay.byCash')],
    ['card', t('pay.byCard')],
    ['wallet', t('pay.byWallet')],
  ]

  return (
    <ModalDialog
      labelledBy="pay-title"
      className="pay-dialog"
      onDismiss={actions.payCancelled}
      initialFocus={fieldRef}
      onKeyDown={(event) => {
        const key =
          event.key === KEYS.payByToken
            ? 'token'
            : event.key === KEYS.payByCash
              ? 'cash'
              : isAltLetter(event, PAY_KEYS.payByCard.letter)
                ? 'card'
                : isAltLetter(event, PAY_KEYS.payByWallet.letter)
                  ? 'wallet'
                  : isAltLetter(event, PAY_KEYS.addTender.letter)
                    ? 'add'
                    : isAltLetter(event, PAY_KEYS.removeTender.letter)
                      ? 'remove'
                      : null
        if (!key) return
        event.preventDefault()
        if (key === 'add') void actions.tenderAdded()
        else if (key === 'remove') actions.lastTenderRemoved()
        else choose(key)
      }}
    >
      <form
        className="dialog-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void actions.paymentSubmitted()
        }}
      >
        <h2 id="pay-title" className="dialog-title">
          {t('pay.title')}
        </h2>
        <div className="amount-due">
          <span>{t('pay.amountDue')}</span>
          <strong data-testid="amount-due">{money(totalCents)}</strong>
        </div>
        <fieldset className="method-picker" disabled={busy}>
          <legend>{t('pay.method')}</legend>
          <div className="method-options">
            {methods.map(([method, label]) => (
              <label key={method} className={payMethod === method ? 'method method-chosen' : 'method'}>
                <input
                  type="radio"
                  name="pay-method"
                  value={method}
                  aria-keyshortcuts={METHOD_KEYS[method]}
                  checked={payMethod === method}
                  onChange={() => choose(method)}
                />
                <span>{label}</span>
                <KeyHint>{METHOD_KEYS[method]}</KeyHint>
              </label>
            ))}
          </div>
        </fieldset>

        {several && (
          <section className="pay-tenders" aria-label={t('pay.tenders')}>
            {view.tenders.length === 0 ? (
              <p className="field-hint">{t('pay.splitHint')}</p>
            ) : (
              <ol className="pay-tender-list">
                {view.tenders.map((tender, index) => (
                  <TenderRow key={index} tender={tender} settled={settlement.tenders[index]} typing={index === typedIndex} />
                ))}
              </ol>
            )}
          </section>
        )}

        {payMethod === 'token' && (
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
              readOnly={busy}
              value={tokenText}
              onKeyDown={typeCodeKey}
              onChange={(event) => actions.tokenTyped(event.target.value)}
            />
            <p id="pay-token-hint" className="field-hint">
              {checkingToken ? t('pay.checkingToken') : t('pay.tokenHint')}
            </p>
          </div>
        )}
        {payMethod === 'cash' && (
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
                readOnly={busy}
                value={tenderedText}
                onChange={(event) => actions.tenderedTyped(event.target.value)}
              />
              <button
                type="button"
                className="button button-quiet"
                disabled={busy}
                onClick={() => {
                  actions.exactTenderChosen()
                  fieldRef.current?.focus()
                }}
              >
                {t('pay.exact')}
              </button>
            </div>
            <CashChange tenderedText={tenderedText} view={view} />
          </div>
        )}
        {(payMethod === 'card' || payMethod === 'wallet') && (
          <div className="pay-fields">
            {payMethod === 'wallet' && (
              <div className="field">
                <label htmlFor="pay-wallet">{t('pay.walletField')}</label>
                <select
                  id="pay-wallet"
                  className="input"
                  disabled={busy}
                  value={walletName}
                  onChange={(event) => actions.walletChosen(event.target.value)}
                >
                  {wallets.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor="pay-amount">{t('pay.amountField')}</label>
              <input
                ref={fieldRef}
                id="pay-amount"
                className="input input-large"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                readOnly={busy}
                value={amountText}
                onChange={(event) => actions.amountTyped(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="pay-reference">{t('pay.referenceField')}</label>
              <input
                id="pay-reference"
                className="input input-large"
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                aria-describedby="pay-reference-hint"
                readOnly={busy}
                value={referenceText}
                onChange={(event) => actions.referenceTyped(event.target.value)}
              />
              <p id="pay-reference-hint" className="field-hint">
                {t('pay.referenceHint')}
              </p>
            </div>
          </div>
        )}

        {(several || settlement.roundingCents !== 0) && (
          <dl className="pay-summary" aria-live="polite">
            <div>
              <dt>{view.tenders.some((tender) => tender.method === 'cash') ? t('pay.dueInCash') : t('pay.due')}</dt>
              <dd data-testid="pay-due">{money(settlement.dueCents)}</dd>
            </div>
            {settlement.dueCents > 0 && settlement.cashDueCents !== settlement.dueCents && (
              <div>
                <dt>{t('pay.dueInCash')}</dt>
                <dd data-testid="pay-due-cash">{money(settlement.cashDueCents)}</dd>
              </div>
            )}
            {settlement.roundingCents !== 0 && (
              <div>
                <dt>{t('pay.rounding')}</dt>
                <dd data-testid="pay-rounding">{money(settlement.roundingCents)}</dd>
              </div>
            )}
            {settlement.changeCents > 0 && payMethod !== 'cash' && (
              <div className="pay-summary-change">
                <dt>{t('pay.change')}</dt>
                <dd data-testid="pay-change-total">{money(settlement.changeCents)}</dd>
              </div>
            )}
          </dl>
        )}

        <div className="pay-tender-actions">
          <button
            type="button"
            className="button button-quiet pay-tender-action"
            aria-keyshortcuts={PAY_KEYS.addTender.label}
            disabled={busy}
            onClick={() => {
              void actions.tenderAdded()
              fieldRef.current?.focus()
            }}
          >
            {t('pay.addTender')} <KeyHint>{PAY_KEYS.addTender.label}</KeyHint>
          </button>
          {tenders.length > 0 && (
            <button
              type="button"
              className="button button-quiet pay-tender-action"
              aria-keyshortcuts={PAY_KEYS.removeTender.label}
              disabled={busy}
              onClick={() => {
                actions.lastTenderRemoved()
                fieldRef.current?.focus()
              }}
            >
              {t('pay.removeTender')} <KeyHint>{PAY_KEYS.removeTender.label}</KeyHint>
            </button>
          )}
        </div>

        <FormError message={payFormError} />

        <div className="dialog-actions">
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" disabled={paying} onClick={actions.payCancelled}>
            {t('pay.cancel')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {paying ? t('pay.submitting') : t('pay.submit')} <KeyHint>{t('key.enter')}</KeyHint>
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
