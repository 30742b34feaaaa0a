import { isTypingKey } from './keys'

/**
 * What a keystroke would have typed on a US keyboard. A barcode scanner is a keyboard: it presses
 * the keys that spell its code on a US layout, and the operating system reads them through the
 * layout that is switched on. With a Nepali layout on, `SKU-A12` arrives as `शखू-आ१२`; with a German
 * one, `Y` and `Z` swap. `KeyboardEvent.code` names the key pressed whatever the layout, so the
 * codes a scanner sent can be read back from it.
 *
 * Codes (product codes, token cards, receipts, promo codes) are what scanners type; names are what
 * people type. Fields that take only codes read every key by its place; the scan field, which takes
 * both, keeps both readings and tries the typed one first (`KeyTrail`).
 */

/** Unshifted and shifted character of each key of the US layout, by `KeyboardEvent.code`. */
const US_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  Backquote: ['`', '~'],
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  Numpad0: ['0', '0'],
  Numpad1: ['1', '1'],
  Numpad2: ['2', '2'],
  Numpad3: ['3', '3'],
  Numpad4: ['4', '4'],
  Numpad5: ['5', '5'],
  Numpad6: ['6', '6'],
  Numpad7: ['7', '7'],
  Numpad8: ['8', '8'],
  Numpad9: ['9', '9'],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
}

/** The parts of a keydown this module reads (a React or DOM `KeyboardEvent` has them all). */
export interface KeyStroke {
  readonly key: string
  readonly code: string
  readonly shiftKey: boolean
  readonly ctrlKey: boolean
  readonly altKey: boolean
  readonly metaKey: boolean
  readonly isComposing?: boolean
  getModifierState(key: 'CapsLock'): boolean
}

/** What the key would type on a US layout; undefined for a key that types nothing there. */
export function usCharacter(stroke: KeyStroke): string | undefined {
  const letter = /^Key([A-Z])$/.exec(stroke.code)
  if (letter) {
    const upper = stroke.shiftKey !== stroke.getModifierState('CapsLock')
    return upper ? letter[1] : letter[1]!.toLowerCase()
  }
  const pair = US_KEYS[stroke.code]
  return pair === undefined ? undefined : pair[stroke.shiftKey ? 1 : 0]
}

/** A keydown that types text into the field (not a shortcut, an arrow, Enter or an IME's step). */
export function typesText(stroke: KeyStroke): boolean {
  return isTypingKey(stroke) && stroke.isComposing !== true
}

const ASCII = /^[\x20-\x7e]*$/

/**
 * For a field that takes only codes: the US character of a keystroke its layout typed as something
 * no code has (anything outside printable ASCII), or undefined to let the keystroke type as it is.
 * An ASCII layout's keys are left alone: a cashier typing a code by hand on a French keyboard means
 * what the caps say.
 */
export function codeCharacter(stroke: KeyStroke): string | undefined {
  if (!typesText(stroke) || ASCII.test(stroke.key)) return undefined
  return usCharacter(stroke)
}

/**
 * How a field's text came to be, keystroke by keystroke: what each key typed and what it would have
 * typed on a US layout. `null` once the text changed in a way keystrokes do not explain (a paste,
 * an edit in the middle, an IME).
 */
export type KeyTrail = readonly { readonly typed: string; readonly us: string | undefined }[] | null

export const EMPTY_TRAIL: KeyTrail = []

/** The keystroke about to change the field, seen at keydown (the value changes after it). */
export interface PendingKey {
  readonly typed: string
  readonly us: string | undefined
}

export function pendingKey(stroke: KeyStroke): PendingKey | null {
  return typesText(stroke) ? { typed: stroke.key, us: usCharacter(stroke) } : null
}

function trailText(trail: NonNullable<KeyTrail>): string {
  return trail.map((step) => step.typed).join('')
}

/**
 * The trail after the field's text went from `previous` to `next`, with the keystroke seen just
 * before. Typing at the end adds a step; Backspace at the end drops steps; a key typed over the whole
 * text (selected, as after a scan) starts again; clearing the field starts again; anything else
 * loses the trail.
 */
export function trailAfterChange(trail: KeyTrail, previous: string, next: string, key: PendingKey | null): KeyTrail {
  if (next === '') return EMPTY_TRAIL
  const known = trail !== null && trailText(trail) === previous ? trail : previous === '' ? EMPTY_TRAIL : null
  if (key !== null && next === key.typed) return [key]
  if (known === null) return null
  if (key !== null && next === previous + key.typed) return [...known, key]
  if (previous.startsWith(next)) {
    const kept: { typed: string; us: string | undefined }[] = []
    let length = 0
    for (const step of known) {
      if (length + step.typed.length > next.length) break
      kept.push(step)
      length += step.typed.length
    }
    return length === next.length ? kept : null
  }
  return null
}

/**
 * What the keys of `text` spell on a US layout, when that differs from the text and every key is
 * known; undefined otherwise (nothing to try besides the text itself).
 */
export function trailKeys(trail: KeyTrail, text: string): string | undefined {
  if (trail === null || trailText(trail) !== text) return undefined
  let keys = ''
  for (const step of trail) {
    if (step.us === undefined) return undefined
    keys += step.us
  }
  return keys === text ? undefined : keys
}
