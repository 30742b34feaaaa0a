import { useEffect, useRef, type ReactNode, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { BackupDto } from '#shared/contract/backup'
import type { Message, MessageKey } from '../../platform/i18n/translate'
import { useDateTime, useFileSize, useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import type { ManagerTexts } from './manager.en'
import type { Feedback } from './manager.slice'
import { useManager } from './use-manager'

type Texts = ManagerTexts & UiTexts

const KIND_LABELS = {
  daily: 'manager.kind.daily',
  manual: 'manager.kind.manual',
  'pre-migration': 'manager.kind.pre-migration',
  imported: 'manager.kind.imported',
} as const satisfies Record<BackupDto['kind'], MessageKey<ManagerTexts>>

/** Backup file names are letters, digits, dots and dashes: safe as an id as they are. */
const restoreButtonId = (file: string) => `restore-${file}`

/**
 * A section's last result, in a region that is always there so the layout does not jump. Errors
 * are alerts; a success is a status.
 */
function FeedbackLine({ feedback }: { feedback: Feedback | null }) {
  const { render } = useI18n<Texts>()
  const ref = useRef<HTMLParagraphElement>(null)
  // On a short window the side column scrolls: bring a new result into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' })
  }, [feedback])
  return (
    <div className="feedback-area">
      {feedback && (
        <p ref={ref} className={`feedback feedback-${feedback.tone}`} role={feedback.tone === 'ok' ? 'status' : 'alert'}>
          {render(feedback.message)}
        </p>
      )}
    </div>
  )
}

function BackupsSection({ firstRef }: { firstRef: RefObject<HTMLButtonElement | null> }) {
  const { t } = useI18n<Texts>()
  const dateTime = useDateTime()
  const fileSize = useFileSize()
  const { backups, pending, made, feedback } = useManager(
    useShallow((s) => ({
      backups: s.backups,
      pending: s.backupPending,
      made: s.backupMade,
      feedback: s.backupFeedback,
    })),
  )
  const backupNowChosen = useManager((s) => s.backupNowChosen)
  const restoreChosen = useManager((s) => s.restoreChosen)

  return (
    <section className="manager-section manager-backups" aria-labelledby="manager-backups-title">
      <div className="manager-section-head">
        <h3 id="manager-backups-title" className="manager-section-title">
          {t('manager.backups')}
        </h3>
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus out of the dialog. */}
        <button
          ref={firstRef}
          type="button"
          className="button button-primary"
          aria-disabled={pending}
          onClick={() => void backupNowChosen()}
        >
          {pending ? t('manager.backingUp') : t('manager.backUpNow')}
        </button>
      </div>
      <p className="field-hint">{t('manager.backupsHint')}</p>
      <FeedbackLine feedback={feedback} />
      {backups === null ? (
        <p className="manager-empty" role="status">
          {t('manager.backupsLoading')}
        </p>
      ) : backups.length === 0 ? (
        <p className="manager-empty">{t('manager.noBackups')}</p>
      ) : (
        <div className="backup-scroll">
          <table className="data-table backup-table">
            <caption className="visually-hidden">{t('manager.backupsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('manager.takenAt')}</th>
                <th scope="col">{t('manager.kind')}</th>
                <th scope="col" className="num">
                  {t('manager.size')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('manager.restore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => {
                const date = dateTime(backup.createdAt)
                const isNew = backup.file === made
                return (
                  <tr key={backup.file} className={isNew ? 'backup-row backup-row-new' : 'backup-row'}>
                    <th scope="row">
                      <time dateTime={backup.createdAt}>{date}</time>
                      {isNew && <span className="badge">{t('manager.new')}</span>}
                    </th>
                    <td>{t(KIND_LABELS[backup.kind])}</td>
                    <td className="num">{fileSize(backup.sizeBytes)}</td>
                    <td className="backup-action">
                      <button
                        id={restoreButtonId(backup.file)}
                        type="button"
                        className="button button-quiet button-compact"
                        aria-label={t('manager.restoreLabel', { date })}
                        aria-disabled={pending}
                        onClick={() => restoreChosen(backup.file)}
                      >
                        {t('manager.restore')}
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function UnlockSection() {
  const { t } = useI18n<Texts>()
  const { text, pending, feedback } = useManager(
    useShallow((s) => ({ text: s.unlockText, pending: s.unlockPending, feedback: s.unlockFeedback })),
  )
  const unlockUsernameTyped = useManager((s) => s.unlockUsernameTyped)
  const unlockSubmitted = useManager((s) => s.unlockSubmitted)

  return (
    <section className="manager-section" aria-labelledby="manager-unlock-title">
      <h3 id="manager-unlock-title" className="manager-section-title">
        {t('manager.unlock')}
      </h3>
      <p className="field-hint">{t('manager.unlockHint')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void unlockSubmitted()
        }}
      >
        <div className="field">
          <label htmlFor="unlock-username">{t('manager.username')}</label>
          <div className="field-row">
            <input
              id="unlock-username"
              className="input"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={text}
              onChange={(event) => unlockUsernameTyped(event.target.value)}
            />
            <button type="submit" className="button button-quiet" aria-disabled={pending}>
              {pending ? t('manager.unlocking') : t('manager.unlockSubmit')}
            </button>
          </div>
        </div>
      </form>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

function AuditSection() {
  const { t } = useI18n<Texts>()
  const pending = useManager((s) => s.auditPending)
  const feedback = useManager((s) => s.auditFeedback)
  const auditCheckChosen = useManager((s) => s.auditCheckChosen)

  return (
    <section className="manager-section" aria-labelledby="manager-audit-title">
      <h3 id="manager-audit-title" className="manager-section-title">
        {t('manager.audit')}
      </h3>
      <p className="field-hint">{t('manager.auditHint')}</p>
      <div>
        <button type="button" className="button button-quiet" aria-disabled={pending} onClick={() => void auditCheckChosen()}>
          {pending ? t('manager.auditChecking') : t('manager.auditCheck')}
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

function CopiesSection() {
  const { t } = useI18n<Texts>()
  const { pending, feedback } = useManager(useShallow((s) => ({ pending: s.exportPending, feedback: s.exportFeedback })))
  const exportChosen = useManager((s) => s.exportChosen)
  const importChosen = useManager((s) => s.importChosen)

  return (
    <section className="manager-section" aria-labelledby="manager-copies-title">
      <h3 id="manager-copies-title" className="manager-section-title">
        {t('manager.copies')}
      </h3>
      <p className="field-hint">{t('manager.copiesHint')}</p>
      <div className="field-row">
        <button id="export-copy" type="button" className="button button-quiet" aria-disabled={pending} onClick={() => void exportChosen()}>
          {pending ? t('manager.exporting') : t('manager.exportNow')}
        </button>
        <button id="import-file" type="button" className="button button-quiet" aria-disabled={pending} onClick={importChosen}>
          {t('manager.importNow')}
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

interface RestoreStepProps {
  id: string
  title: string
  /** What is about to be restored, above the warning. */
  children: ReactNode
  confirmLabel: string
  pending: boolean
  error: Message | null
  onCancel: () => void
  onConfirm: () => Promise<void>
}

/**
 * The last step before the books are replaced: what a restore does, and the way back out. The safe
 * choice has focus, so a second Enter does not replace the books by accident.
 */
function RestoreStep({ id, title, children, confirmLabel, pending, error, onCancel, onConfirm }: RestoreStepProps) {
  const { t } = useI18n<Texts>()
  const cancelRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    cancelRef.current?.focus()
  }, [])

  return (
    <section className="restore-confirm" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="manager-section-title">
        {title}
      </h3>
      {children}
      <p id={`${id}-warning`} className="restore-warning">
        {t('manager.restoreWarning')}
      </p>
      <FormError message={error} />
      <div className="dialog-actions">
        <button
          ref={cancelRef}
          type="button"
          className="button button-quiet"
          aria-keyshortcuts="Escape"
          aria-disabled={pending}
          onClick={onCancel}
        >
          {t('manager.restoreCancel')} <KeyHint>{t('key.escape')}</KeyHint>
        </button>
        <button
          type="button"
          className="button button-danger"
          aria-describedby={`${id}-warning`}
          aria-disabled={pending}
          onClick={() => void onConfirm()}
        >
          {pending ? t('manager.restoring') : confirmLabel}
        </button>
      </div>
    </section>
  )
}

/** Before main's file dialog opens. */
function ImportConfirmation() {
  const { t } = useI18n<Texts>()
  const pending = useManager((s) => s.importPending)
  const error = useManager((s) => s.importError)
  const importCancelled = useManager((s) => s.importCancelled)
  const importConfirmed = useManager((s) => s.importConfirmed)
  return (
    <RestoreStep
      id="import"
      title={t('manager.importTitle')}
      confirmLabel={t('manager.importConfirm')}
      pending={pending}
      error={error}
      onCancel={importCancelled}
      onConfirm={importConfirmed}
    >
      <p className="field-hint">{t('manager.importHint')}</p>
    </RestoreStep>
  )
}

function RestoreConfirmation({ backup }: { backup: BackupDto }) {
  const { t } = useI18n<Texts>()
  const dateTime = useDateTime()
  const fileSize = useFileSize()
  const pending = useManager((s) => s.restorePending)
  const error = useManager((s) => s.restoreError)
  const restoreCancelled = useManager((s) => s.restoreCancelled)
  const restoreConfirmed = useManager((s) => s.restoreConfirmed)
  return (
    <RestoreStep
      id="restore"
      title={t('manager.restoreTitle')}
      confirmLabel={t('manager.restoreConfirm')}
      pending={pending}
      error={error}
      onCancel={restoreCancelled}
      onConfirm={restoreConfirmed}
    >
      <dl className="restore-facts">
        <div>
          <dt>{t('manager.takenAt')}</dt>
          <dd>
            <time dateTime={backup.createdAt}>{dateTime(backup.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('manager.kind')}</dt>
          <dd>{t(KIND_LABELS[backup.kind])}</dd>
        </div>
        <div>
          <dt>{t('manager.size')}</dt>
          <dd>{fileSize(backup.sizeBytes)}</dd>
        </div>
      </dl>
    </RestoreStep>
  )
}

export function ManagerToolsDialog() {
  const { t } = useI18n<Texts>()
  const firstRef = useRef<HTMLButtonElement>(null)
  const candidate = useManager((s) => s.restoreCandidate)
  const importing = useManager((s) => s.importConfirming)
  const managerToolsClosed = useManager((s) => s.managerToolsClosed)
  const restoreCancelled = useManager((s) => s.restoreCancelled)
  const importCancelled = useManager((s) => s.importCancelled)
  const confirmingAny = candidate !== null || importing

  // Back from the confirmation step, focus returns to the Restore button that led there.
  const confirming = useRef<string | null>(null)
  useEffect(() => {
    if (candidate) {
      confirming.current = candidate.file
      return
    }
    if (confirming.current === null) return
    document.getElementById(restoreButtonId(confirming.current))?.focus()
    confirming.current = null
  }, [candidate])

  // Back from the import step, focus returns to the button that led there.
  const wasImporting = useRef(false)
  useEffect(() => {
    if (importing) wasImporting.current = true
    else if (wasImporting.current) {
      wasImporting.current = false
      document.getElementById('import-file')?.focus()
    }
  }, [importing])

  return (
    <ModalDialog
      labelledBy="manager-title"
      className={confirmingAny ? 'manager-dialog manager-dialog-confirm' : 'manager-dialog'}
      // Esc backs out of a confirmation first, then closes the tools.
      onDismiss={candidate ? restoreCancelled : importing ? importCancelled : managerToolsClosed}
      initialFocus={firstRef}
    >
      <div className={confirmingAny ? 'dialog-body' : 'dialog-body manager-body'}>
        <h2 id="manager-title" className="dialog-title">
          {t('manager.title')}
        </h2>
        {candidate ? (
          <RestoreConfirmation backup={candidate} />
        ) : importing ? (
          <ImportConfirmation />
        ) : (
          <>
            <div className="manager-sections">
              <BackupsSection firstRef={firstRef} />
              <div className="manager-side">
                <UnlockSection />
                <AuditSection />
                <CopiesSection />
              </div>
            </div>
            <div className="dialog-actions">
              <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={managerToolsClosed}>
                {t('manager.close')} <KeyHint>{t('key.escape')}</KeyHint>
              </button>
            </div>
          </>
        )}
      </div>
    </ModalDialog>
  )
}
