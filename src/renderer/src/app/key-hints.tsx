import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../platform/i18n/use-i18n'
import type { UiTexts } from '../ui/ui.en'
import { TILL_KEYMAP, type KeymapTexts } from './keymap'
import { usePos } from './store-provider'

/** The key hints beside the cart, drawn from the keymap. */
export function KeyHints() {
  const { t } = useI18n<KeymapTexts & UiTexts>()
  const shown = usePos(useShallow((state) => TILL_KEYMAP.map((entry) => entry.shown?.(state) ?? true)))
  const rows = TILL_KEYMAP.filter((_, index) => shown[index]).map(
    (entry) => ['key' in entry.cap ? entry.cap.key : t(entry.cap.text), t(entry.hint)] as const,
  )
  return (
    <section className="key-hints" aria-labelledby="key-hints-title">
      <h2 id="key-hints-title" className="key-hints-title">
        {t('keys.title')}
      </h2>
      <dl>
        {rows.map(([key, what]) => (
          <div key={key} className="key-hints-row">
            <dt>
              <kbd className="key-hint">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
