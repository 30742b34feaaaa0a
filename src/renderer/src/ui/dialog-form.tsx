import type { FormEvent, ReactNode, Ref, RefObject } from 'react'
import { useI18n } from '../platform/i18n/use-i18n'
import { KeyHint } from './key-hint'
import { ModalDialog } from './modal-dialog'
import type { UiTexts } from './ui.en'
import './dialog-form.css'

interface TitledDialogProps {
  readonly titleId: string
  readonly title: ReactNode
  readonly className: string
  readonly onDismiss: () => void
  readonly initialFocus: RefObject<HTMLElement | null>
  /** Given, the body is the form itself (Enter in its one field submits); else the body holds what comes after the title. */
  readonly onSubmit?: () => void
  readonly children: ReactNode
}

/** A modal dialog's frame: the body with the title the dialog is named by, and its content under it. */
export function TitledDialog({ titleId, title, className, onDismiss, initialFocus, onSubmit, children }: TitledDialogProps) {
  const content = (
    <>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </>
  )
  return (
    <ModalDialog labelledBy={titleId} className={className} onDismiss={onDismiss} initialFocus={initialFocus}>
      {onSubmit ? (
        <form
          className="dialog-body"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault()
            onSubmit()
          }}
        >
          {content}
        </form>
      ) : (
        <div className="dialog-body">{content}</div>
      )}
    </ModalDialog>
  )
}

interface EscapeButtonProps {
  readonly ref?: Ref<HTMLButtonElement>
  readonly label: string
  readonly onClick: () => void
  /** A save is under way: the button keeps focus but does nothing (the store refuses it too). */
  readonly busy?: boolean
}

/** The dialog's way out, which Esc also takes: cancel, or close. */
export function EscapeButton({ ref, label, onClick, busy }: EscapeButtonProps) {
  const { t } = useI18n<UiTexts>()
  return (
    <button ref={ref} type="button" className="button button-quiet" aria-keyshortcuts="Escape" aria-disabled={busy} onClick={onClick}>
      {label} <KeyHint>{t('key.escape')}</KeyHint>
    </button>
  )
}

interface DialogActionsProps {
  readonly cancelLabel: string
  readonly onCancel: () => void
  /** Cancel waits for the save too (the back office's forms). */
  readonly cancelWaits?: boolean
  readonly submitLabel: string
  readonly pendingLabel: string
  readonly pending: boolean
  /** The till's dialogs show Enter on the submit button. */
  readonly enterKey?: boolean
  readonly className?: string
  /** Buttons before cancel (take a discount off). */
  readonly children?: ReactNode
}

/** A form dialog's row of buttons: cancel (Esc) and submit, which says so while it saves. */
export function DialogActions(props: DialogActionsProps) {
  const { cancelLabel, onCancel, cancelWaits = false, submitLabel, pendingLabel, pending, enterKey = false, className, children } = props
  const { t } = useI18n<UiTexts>()
  return (
    <div className={className ? `dialog-actions ${className}` : 'dialog-actions'}>
      {children}
      <EscapeButton label={cancelLabel} onClick={onCancel} busy={cancelWaits ? pending : undefined} />
      <button type="submit" className="button button-primary" aria-keyshortcuts={enterKey ? 'Enter' : undefined} aria-disabled={pending}>
        {pending ? pendingLabel : submitLabel}
        {enterKey && (
          <>
            {' '}
            <KeyHint>{t('key.enter')}</KeyHint>
          </>
        )}
      </button>
    </div>
  )
}
