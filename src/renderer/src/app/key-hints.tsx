import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../platform/i18n/use-i18n'
import type { UiTexts } from '../ui/ui.en'
import { capLabel, TILL_KEYMAP, type KeymapTexts } from './keymap'
import { usePos } from './store-provider'

/** Caps longer than this (in characters) take a whole row of the hints. */
const WIDE_CAP = 8

/** The key hints beside the cart, drawn from the keymap. */
export function KeyHints() {
  const { t } = useI18n<KeymapTexts & UiTexts>()
  const shown = usePos(useShallow((state) => TILL_KEYMAP.map((entry) => entry.shown?.(state) ?? true)))
  const rows = TILL_KEYMAP.filter((_, index) => shown[index]).map((entry) => [capLabel(entry.cap, (key) => t(key)), t(entry.hint)] as const)
  // A cap this long leaves its hint no room in half the panel: it gets a row of its own.
  const wide = (cap: string) => cap.length > WIDE_CAP
  return (
    <section className="key-hints" aria-labelledby="key-hints-title">
      <h2 id="key-hints-title" className="key-hints-title">
        {t('keys.title')}
      </h2>
      <dl>
        {rows.map(([key, what]) => (
          <div key={key} className={wide(key) ? 'key-hints-row key-hints-row-wide' : 'key-hints-row'}>
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
