import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { EscapeButton, TitledDialog } from '../../ui/dialog-form'
import type { SetupTexts } from './setup.en'
import './setup.css'
import { useSetup } from './use-setup'

function OwnStoreDialog() {
  const { t } = useI18n<SetupTexts>()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const { pending, error } = useSetup(useShallow((s) => ({ pending: s.ownStorePending, error: s.ownStoreError })))
  const ownStoreCancelled = useSetup((s) => s.ownStoreCancelled)
  const ownStoreConfirmed = useSetup((s) => s.ownStoreConfirmed)
  return (
    <TitledDialog
      titleId="own-store-title"
      title={t('demo.confirmTitle')}
      className="confirm-dialog"
      onDismiss={ownStoreCancelled}
      initialFocus={cancelRef}
    >
      <p id="own-store-text">{t('demo.confirmText')}</p>
      <FormError message={error} />
      <div className="dialog-actions">
        <EscapeButton ref={cancelRef} label={t('demo.cancel')} onClick={ownStoreCancelled} busy={pending} />
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
    </TitledDialog>
  )
}

/** On every screen of the demo store: it is practice, and the way out to a store of one's own. */
export function DemoBanner() {
  const { t } = useI18n<SetupTexts>()
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
