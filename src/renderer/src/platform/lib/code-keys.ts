import type { KeyboardEvent } from 'react'
import { codeCharacter } from './key-positions'

/**
 * `onKeyDown` for a field that takes only codes (a token card, a promo code, a receipt's number):
 * a key the layout types as something no code has is typed as its US character instead, in place
 * of the selection, so a scan (or a cashier) under a Nepali layout puts the code itself in the
 * field. The edit goes through the field like typing (an `input` event), so a controlled field's
 * `onChange` sees it and the caret stays where it was.
 */
export function typeCodeKey(event: KeyboardEvent<HTMLInputElement>): void {
  const character = codeCharacter(event)
  const input = event.currentTarget
  if (character === undefined || input.readOnly || input.disabled) return
  event.preventDefault()
  const end = input.selectionEnd ?? input.value.length
  const start = input.selectionStart ?? end
  if (input.maxLength >= 0 && input.value.length - (end - start) + character.length > input.maxLength) return
  input.setRangeText(character, start, end, 'end')
  input.dispatchEvent(new Event('input', { bubbles: true }))
}
