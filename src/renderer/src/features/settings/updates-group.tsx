import { useEffect, useRef } from 'react'
import type { FieldError, UseFormRegister } from 'react-hook-form'
import type { UpdateCheckDto } from '#shared/contract/updates'
import { day } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { InputField } from '../../ui/form-field'
import type { SettingsFormInput } from './settings-form.schema'
import type { SettingsTexts } from './settings.en'
import { useSettings } from './use-settings'

interface UpdatesGroupProps {
  register: UseFormRegister<SettingsFormInput>
  error: FieldError | undefined
}

/** The day of a feed's release date (`2026-03-14T08:00:00.000Z`), when it has one. */
function releaseDay(found: UpdateCheckDto): string | null {
  if (found.status !== 'available' || found.releaseDate === undefined) return null
  const match = /^\d{4}-\d{2}-\d{2}/.exec(found.releaseDate)
  return match ? match[0] : null
}

/** What the last Check found, in words. */
function CheckOutcome({ found }: { found: UpdateCheckDto }) {
  const { t } = useI18n<SettingsTexts>()
  if (found.status === 'off') return <p className="field-hint">{t('settings.updatesOff')}</p>
  if (found.status === 'upToDate') return <p role="status">{t('settings.updateNone', { version: found.version })}</p>
  const released = releaseDay(found)
  return (
    <p role="status" className="settings-update-found">
      {released === null
        ? t('settings.updateFound', { version: found.version })
        : t('settings.updateFoundOn', { version: found.version, released: day(released) })}
    </p>
  )
}

/** The last step before the till quits to install: names the version; the safe choice has focus. */
function InstallConfirmation({ version }: { version: string }) {
  const { t } = useI18n<SettingsTexts>()
  const pending = useSettings((s) => s.updateInstallPending)
  const cancelled = useSettings((s) => s.updateInstallCancelled)
  const confirmed = useSettings((s) => s.updateInstallConfirmed)
  const cancelRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    cancelRef.current?.focus()
  }, [])

  return (
    <section className="settings-update-confirm" aria-labelledby="settings-update-confirm-title">
      <h3 id="settings-update-confirm-title" className="settings-update-title">
        {t('settings.updateConfirmTitle', { version })}
      </h3>
      <p id="settings-update-confirm-warning">{t('settings.updateConfirmWarning')}</p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button button-quiet" aria-disabled={pending} onClick={cancelled}>
          {t('settings.updateConfirmCancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          aria-describedby="settings-update-confirm-warning"
          aria-disabled={pending}
          onClick={() => void confirmed()}
        >
          {pending ? t('settings.updateInstalling') : t('settings.updateConfirm', { version })}
        </button>
      </div>
    </section>
  )
}

/**
 * The settings' Updates group: the store's update folder (empty: the till never looks), Check,
 * what it found, and Install and restart behind a confirmation naming the version.
 */
export function UpdatesGroup({ register, error }: UpdatesGroupProps) {
  const { t } = useI18n<SettingsTexts>()
  const checkPending = useSettings((s) => s.updateCheckPending)
  const found = useSettings((s) => s.updateCheck)
  const confirming = useSettings((s) => s.updateConfirming)
  const feedback = useSettings((s) => s.updateFeedback)
  const checkRequested = useSettings((s) => s.updateCheckRequested)
  const installAsked = useSettings((s) => s.updateInstallAsked)

  return (
    <fieldset className="settings-group" aria-describedby="settings-updates-hint">
      <legend>{t('settings.updates')}</legend>
      <p id="settings-updates-hint" className="field-hint">
        {t('settings.updatesHint')}
      </p>
      <InputField
        id="settings-updates-url"
        label={t('settings.updatesUrl')}
        optional
        hint={t('settings.updatesUrlHint')}
        error={error}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        {...register('updatesUrl')}
      />
      <div className="settings-test-print">
        <button
          type="button"
          className="button"
          aria-disabled={checkPending}
          aria-describedby="settings-update-check-hint"
          onClick={() => void checkRequested()}
        >
          {checkPending ? t('settings.updateChecking') : t('settings.updateCheck')}
        </button>
        <p id="settings-update-check-hint" className="field-hint">
          {t('settings.updateCheckHint')}
        </p>
      </div>
      {found && <CheckOutcome found={found} />}
      {found?.status === 'available' && confirming === null && (
        <div className="settings-test-print">
          <button type="button" className="button button-primary" onClick={installAsked}>
            {t('settings.updateInstall', { version: found.version })}
          </button>
        </div>
      )}
      {confirming !== null && <InstallConfirmation version={confirming} />}
      <FeedbackLine feedback={feedback} />
    </fieldset>
  )
}
