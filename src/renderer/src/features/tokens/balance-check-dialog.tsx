import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { tokenState, TokenStatusBadge } from './token-status-badge'
import type { TokensTexts } from './tokens.en'
import { useStoreCalendar } from './use-store-calendar'
import { useTokens } from './use-tokens'

const NOTES = { active: 'balance.canPay', expired: 'balance.expiredNote', inactive: 'balance.inactiveNote' } as const

/** A customer asks what is left on their card: scan or type it, Enter, and the till says. */
export function BalanceCheckDialog() {
  const { t } = useI18n<TokensTexts & UiTexts>()
  const money = useMoney()
  const { formatDay } = useStoreCalendar()
  const fieldRef = useRef<HTMLInputElement>(null)
  const { text, pending, answer, error } = useTokens(
    useShallow((s) => ({ text: s.balanceText, pending: s.balancePending, answer: s.balanceAnswer, error: s.balanceError })),
  )
  const balanceTextTyped = useTokens((s) => s.balanceTextTyped)
  const balanceSubmitted = useTokens((s) => s.balanceSubmitted)
  const balanceCheckClosed = useTokens((s) => s.balanceCheckClosed)

  // With an answer on screen the code stays selected, so the next card scanned replaces it.
  useEffect(() => {
    if (answer || error) fieldRef.current?.select()
  }, [answer, error])

  return (
    <ModalDialog labelledBy="balance-title" className="balance-dialog" onDismiss={balanceCheckClosed} initialFocus={fieldRef}>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void balanceSubmitted()
        }}
      >
        <h2 id="balance-title" className="dialog-title">
          {t('balance.title')}
        </h2>
        <div className="field">
          <label htmlFor="balance-token">{t('balance.field')}</label>
          <input
            ref={fieldRef}
            id="balance-token"
            className="input input-large"
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="balance-token-hint"
            value={text}
            onChange={(event) => balanceTextTyped(event.target.value)}
          />
          <p id="balance-token-hint" className="field-hint">
            {t('balance.hint')}
          </p>
        </div>
        {error && <FormError message={error} />}
        <div className="balance-answer-area" aria-live="polite">
          {answer && (
            <div className="balance-answer" data-testid="balance-answer">
              <dl>
                <div>
                  <dt>{t('balance.balance')}</dt>
                  <dd className="balance-amount">{money(answer.balanceCents)}</dd>
                </div>
                <div>
                  <dt>{t('balance.expires')}</dt>
                  <dd>{formatDay(answer.expiresOn)}</dd>
                </div>
                <div>
                  <dt>{t('balance.status')}</dt>
                  <dd>
                    <TokenStatusBadge token={answer} />
                  </dd>
                </div>
              </dl>
              <p className="balance-note">{t(NOTES[tokenState(answer)])}</p>
            </div>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={balanceCheckClosed}>
            {t('balance.close')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
          <button type="submit" className="button button-primary" aria-disabled={pending}>
            {pending ? t('balance.checking') : t('balance.check')} <KeyHint>{t('key.enter')}</KeyHint>
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
