import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import type { SetupTexts } from './setup.en'
import './setup.css'
import { useSetup } from './use-setup'

type Texts = SetupTexts & UiTexts

function OwnStoreDialog() {
  const { t } = useI18n<Texts>()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const { pending, error } = useSetup(useShallow((s) => ({ pending: s.ownStorePending, error: s.ownStoreError })))
  const ownStoreCancelled = useSetup((s) => s.ownStoreCancelled)
  const ownStoreConfirmed = useSetup((s) => s.ownStoreConfirmed)
  return (
    <ModalDialog labelledBy="own-store-title" className="confirm-dialog" onDismiss={ownStoreCancelled} initialFocus={cancelRef}>
      <div className="dialog-body">
        <h2 id="own-store-title" className="dialog-title">
          {t('demo.confirmTitle')}
        </h2>
        <p id="own-store-text">{t('demo.confirmText')}</p>
        <FormError message={error} />
        <div className="dialog-actions">
          <button
            ref={cancelRef}
            type="button"
            className="button button-quiet"
            aria-keyshortcuts="Escape"
            aria-disabled={pending}
            onClick={ownStoreCancelled}
          >
            {t('demo.cancel')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
          <button
            type="button"
            className="button button-danger"
            aria-describedby="own-store-text"
            aria-disabled={pending}
            onClick={() => void ownStoreConfirmed()}
          >
            {pending ? t('demo.starting') : t('demo.confirm')}
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}

/** On every screen of the demo store: it is practice, and the way out to a store of one's own. */
export function DemoBanner() {
  const { t } = useI18n<Texts>()
  const confirming = useSetup((s) => s.ownStoreConfirming)
  const ownStoreChosen = useSetup((s) => s.ownStoreChosen)
  return (
    <aside className="demo-banner" aria-label={t('demo.banner')} data-testid="demo-banner">
      <p className="demo-banner-text">
        <strong>{t('demo.banner')}</strong> <span className="demo-banner-hint">{t('demo.bannerHint')}</span>
      </p>
      <button type="button" className="button button-compact demo-banner-button" onClick={ownStoreChosen}>
        {t('demo.startOwn')}
      </button>
      {confirming && <OwnStoreDialog />}
    </aside>
  )
}
