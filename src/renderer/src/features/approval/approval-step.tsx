import { useEffect, useRef, useState } from 'react'
import type { Message } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import type { UiTexts } from '../../ui/ui.en'
import type { ApprovalTexts } from './approval.en'
import './approval.css'

interface ApprovalStepProps {
  /** The step's heading id: the dialog it sits in is labelled by it while it shows. */
  readonly titleId: string
  /** Prefix of the fields' ids, unique on the page. */
  readonly idPrefix: string
  /** What needs approving, said already by the dialog asking. */
  readonly request: string
  readonly pending: boolean
  readonly error: Message | null
  readonly onApprove: (username: string, secret: string) => void
  /** Back to what asked for the approval (Esc there, through the dialog). */
  readonly onBack: () => void
}

/**
 * The manager approval step, shown in place inside the dialog whose action needs it: the manager's
 * username and their password or PIN, Enter approves. The secret lives only in this component and
 * is cleared after every refusal.
 */
export function ApprovalStep({ titleId, idPrefix, request, pending, error, onApprove, onBack }: ApprovalStepProps) {
  const { t } = useI18n<ApprovalTexts & UiTexts>()
  const [username, setUsername] = useState('')
  const [secret, setSecret] = useState('')
  const usernameRef = useRef<HTMLInputElement>(null)
  const secretRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    usernameRef.current?.focus()
  }, [])

  // A refused secret is typed again: clear it, and put the caret where it goes.
  useEffect(() => {
    if (!error) return
    setSecret('')
    if (usernameRef.current?.value.trim()) secretRef.current?.focus()
    else usernameRef.current?.focus()
  }, [error])

  return (
    <form
      className="approval-step"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (!pending) onApprove(username, secret)
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {t('approval.title')}
      </h2>
      <p className="approval-request" role="note">
        {request}
      </p>
      <p className="field-hint">{t('approval.intro')}</p>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${idPrefix}-approver`}>{t('approval.username')}</label>
          <input
            ref={usernameRef}
            id={`${idPrefix}-approver`}
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-secret`}>{t('approval.secret')}</label>
          <input
            ref={secretRef}
            id={`${idPrefix}-secret`}
            className="input"
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
        </div>
      </div>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={onBack}>
          {t('approval.back')} <KeyHint>{t('key.escape')}</KeyHint>
        </button>
        <button type="submit" className="button button-primary" aria-keyshortcuts="Enter" aria-disabled={pending}>
          {pending ? t('approval.approving') : t('approval.approve')} <KeyHint>{t('key.enter')}</KeyHint>
        </button>
      </div>
    </form>
  )
}
