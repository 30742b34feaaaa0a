import { useEffect } from 'react'
import { useI18n } from '../../platform/i18n/use-i18n'
import type { Message } from '../../platform/i18n/translate'
import { KeyHint } from '../../ui/key-hint'
import type { UiTexts } from '../../ui/ui.en'
import type { ShiftsTexts } from './shifts.en'
import { useShifts } from './use-shifts'

/**
 * A payment refused because no shift is open: the refusal in words, and the way on — open a shift
 * (Enter), then pay again from the cart, or back to the cart (Esc). The cart is kept either way.
 */
export function ShiftRefusalScreen({ message }: { message: Message }) {
  const { t, render } = useI18n<ShiftsTexts & UiTexts>()
  const refusalLeft = useShifts((s) => s.refusalLeft)

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        event.preventDefault()
        void refusalLeft(false)
      } else if (event.key === 'Enter' && !(document.activeElement instanceof HTMLButtonElement)) {
        event.preventDefault()
        void refusalLeft(true)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [refusalLeft])

  return (
    <main className="result result-failed" aria-labelledby="result-title">
      <div className="result-side result-side-wide">
        <h1 id="result-title" className="result-title">
          {t('shift.refused.title')}
        </h1>
        <p className="result-error" role="alert" data-testid="result-message">
          {render(message)}
        </p>
        <div className="result-actions">
          <button
            type="button"
            className="button button-primary button-wide"
            autoFocus
            aria-keyshortcuts="Enter"
            onClick={() => void refusalLeft(true)}
          >
            {t('shift.refused.open')} <KeyHint>{t('key.enter')}</KeyHint>
          </button>
          <button
            type="button"
            className="button button-quiet button-wide"
            aria-keyshortcuts="Escape"
            onClick={() => void refusalLeft(false)}
          >
            {t('shift.refused.back')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
      </div>
    </main>
  )
}
