import { useState, type KeyboardEvent } from 'react'
import { useI18n } from '../../platform/i18n/use-i18n'
import { addTags } from './product-form.schema'
import type { ProductsTexts } from './products.en'

interface TagInputProps {
  readonly id: string
  readonly tags: readonly string[]
  readonly onChange: (tags: string[]) => void
  readonly describedBy?: { 'aria-invalid'?: boolean | undefined; 'aria-describedby'?: string | undefined }
}

/** Free tags as chips: typed, added with Enter or a comma (or on leaving the box), removed with their × or Backspace. */
export function TagInput({ id, tags, onChange, describedBy }: TagInputProps) {
  const { t } = useI18n<ProductsTexts>()
  const [draft, setDraft] = useState('')

  function commit(text: string): void {
    const next = addTags(tags, text)
    if (next.length !== tags.length) onChange(next)
    setDraft('')
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if ((event.key === 'Enter' || event.key === ',') && draft.trim() !== '') {
      event.preventDefault()
      commit(draft)
    } else if (event.key === ',') {
      event.preventDefault()
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault()
      onChange(tags.slice(0, -1))
    }
  }

  return (
    <div className="tag-input">
      {tags.length > 0 && (
        <ul className="tag-chips">
          {tags.map((tag) => (
            <li key={tag} className="tag-chip">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-chip-remove"
                aria-label={t('products.form.removeTag', { tag })}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="input tag-input-field"
        value={draft}
        autoComplete="off"
        onChange={(event) => {
          const value = event.target.value
          // A pasted "a, b, c" becomes three tags at once; what follows the last comma stays typed.
          if (value.includes(',')) {
            const cut = value.lastIndexOf(',')
            const next = addTags(tags, value.slice(0, cut))
            if (next.length !== tags.length) onChange(next)
            setDraft(value.slice(cut + 1))
          } else {
            setDraft(value)
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft.trim() !== '') commit(draft)
        }}
        {...describedBy}
      />
    </div>
  )
}
