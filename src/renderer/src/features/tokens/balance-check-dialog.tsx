import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { typeCodeKey } from '../../platform/lib/code-keys'
import { FormError } from '../../ui/form-error'
import { DialogActions, TitledDialog } from '../../ui/dialog-form'
import { InputField } from '../../ui/form-field'
import { tokenState, TokenStatusBadge } from './token-status-badge'
import type { TokensTexts } from './tokens.en'
import { useStoreCalendar } from './use-store-calendar'
import { useTokens } from './use-tokens'

const NOTES = { active: 'balance.canPay', expired: 'balance.expiredNote', inactive: 'balance.inactiveNote' } as const

/** A customer asks what is left on their card: scan or type it, Enter, and the till says. */
export function BalanceCheckDialog() {
  const { t } = useI18n<TokensTexts>()
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
    <TitledDialog
      titleId="balance-title"
      title={t('balance.title')}
      className="balance-dialog"
      onDismiss={balanceCheckClosed}
      initialFocus={fieldRef}
      onSubmit={() => void balanceSubmitted()}
    >
      <InputField
        id="balance-token"
        label={t('balance.field')}
        hint={t('balance.hint')}
        className="input input-large"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onKeyDown={typeCodeKey}
        onChange={(event) => balanceTextTyped(event.target.value)}
        ref={fieldRef}
      />
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
      <DialogActions
        cancelLabel={t('balance.close')}
        onCancel={balanceCheckClosed}
        submitLabel={t('balance.check')}
        pendingLabel={t('balance.checking')}
        pending={pending}
        enterKey
      />
    </TitledDialog>
  )
}
