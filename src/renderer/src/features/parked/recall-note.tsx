import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import type { ParkedTexts } from './parked.en'
import { useParked } from './use-parked'
import './parked.css'

/** Above the cart after a recall: the prices that changed since the sale was parked, and what is no longer sold. */
export function RecallNote() {
  const { t, render } = useI18n<ParkedTexts>()
  const money = useMoney()
  const note = useParked((s) => s.recallNote)
  const recallNoteDismissed = useParked((s) => s.recallNoteDismissed)
  if (!note) return null

  return (
    <section className="recall-note" aria-labelledby="recall-note-title" data-testid="recall-note">
      <div className="recall-note-body">
        <h2 id="recall-note-title" className="recall-note-title">
          {note.label ? t('recallNote.title', { label: note.label }) : t('recallNote.titleUnlabelled')}
        </h2>
        {note.priceChanges.length > 0 && (
          <>
            <p>{t('recallNote.priceChanges')}</p>
            <ul>
              {note.priceChanges.map((change) => (
                <li key={change.productId}>
                  {t('recallNote.priceChange', {
                    name: change.name,
                    was: money(change.parkedUnitPriceCents),
                    now: money(change.unitPriceCents),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        {note.unavailable.length > 0 && (
          <>
            <p>{t('recallNote.unavailable')}</p>
            <ul>
              {note.unavailable.map((product) => (
                <li key={product.productId}>{product.name}</li>
              ))}
            </ul>
          </>
        )}
        {note.promoDropped && (
          <p>
            {t('recallNote.promoDropped')} {render(note.promoDropped)}
          </p>
        )}
      </div>
      <button type="button" className="button button-quiet button-compact" onClick={recallNoteDismissed}>
        {t('recallNote.dismiss')}
      </button>
    </section>
  )
}
