import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../../platform/i18n/use-i18n'
import type { UiTexts } from '../../ui/ui.en'
import type { SetupTexts } from './setup.en'
import './setup.css'

interface RecoveryCodeScreenProps {
  code: string
  storeName: string
  username: string
  /** After set-up, or after the owner used the old code to set a new password. */
  kind: 'issued' | 'replaced'
  onContinue: () => void
}

/**
 * The owner's recovery code, once: large enough to copy by hand, printable (the print sheet holds
 * the code and nothing else of the screen), and a tick that it was written down before going on.
 */
export function RecoveryCodeScreen({ code, storeName, username, kind, onContinue }: RecoveryCodeScreenProps) {
  const { t } = useI18n<SetupTexts & UiTexts>()
  const [noted, setNoted] = useState(false)
  const printRef = useRef<HTMLButtonElement>(null)
  const id = useId()

  useEffect(() => {
    printRef.current?.focus()
  }, [])

  return (
    <main className="setup recovery">
      <section className="setup-card recovery-card" aria-labelledby={`${id}-title`}>
        <p className="sign-in-app">{t('app.title')}</p>
        <h1 id={`${id}-title`} className="sign-in-title">
          {kind === 'issued' ? t('recovery.title') : t('recovery.newTitle')}
        </h1>
        <p id={`${id}-intro`}>{kind === 'issued' ? t('recovery.intro') : t('recovery.newIntro')}</p>
        <div className="recovery-print">
          <p className="recovery-print-heading">{t('recovery.printHeading', { store: storeName })}</p>
          <p className="visually-hidden" id={`${id}-label`}>
            {t('recovery.codeLabel')}
          </p>
          <p className="recovery-code" aria-labelledby={`${id}-label`} data-testid="recovery-code">
            {code}
          </p>
          <p className="recovery-print-for">{t('recovery.printFor', { username })}</p>
        </div>
        <div className="recovery-actions">
          <button ref={printRef} type="button" className="button button-quiet" onClick={() => window.print()}>
            {t('recovery.print')}
          </button>
          <label className="check">
            <input type="checkbox" checked={noted} onChange={(event) => setNoted(event.target.checked)} />
            <span>{t('recovery.noted')}</span>
          </label>
        </div>
        <button type="button" className="button button-primary button-wide" disabled={!noted} onClick={onContinue}>
          {t('recovery.continue')}
        </button>
      </section>
    </main>
  )
}
