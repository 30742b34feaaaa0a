/**
 * For tests: the keystrokes a barcode scanner sends for a code, and what a Nepali keyboard layout
 * makes of them. The layout is xkeyboard-config's `np` (basic), key by key, unshifted and shifted;
 * Windows' Nepali layout places some letters elsewhere, which changes what arrives, not how the till
 * reads it back (by the key pressed, `KeyboardEvent.code`).
 */

/** The US layout, written out on its own (not the till's table, which the tests check). */
const US_ROWS: readonly (readonly [code: string, plain: string, shifted: string])[] = [
  ['Backquote', '`', '~'],
  ...[...'1234567890'].map((digit, i) => [`Digit${digit}`, digit, '!@#$%^&*()'[i]!] as const),
  ['Minus', '-', '_'],
  ['Equal', '=', '+'],
  ['BracketLeft', '[', '{'],
  ['BracketRight', ']', '}'],
  ['Backslash', '\\', '|'],
  ['Semicolon', ';', ':'],
  ['Quote', "'", '"'],
  ['Comma', ',', '<'],
  ['Period', '.', '>'],
  ['Slash', '/', '?'],
  ['Space', ' ', ' '],
  ...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter) => [`Key${letter}`, letter.toLowerCase(), letter] as const),
]

/** xkeyboard-config `symbols/np`, `basic`: [unshifted, shifted] by key. */
export const NEPALI_LAYOUT: Readonly<Record<string, readonly [string, string]>> = {
  Backquote: ['ऽ', '़'],
  Digit1: ['१', '!'],
  Digit2: ['२', '@'],
  Digit3: ['३', '#'],
  Digit4: ['४', '$'],
  Digit5: ['५', '%'],
  Digit6: ['६', '^'],
  Digit7: ['७', '&'],
  Digit8: ['८', '*'],
  Digit9: ['९', '('],
  Digit0: ['०', ')'],
  Minus: ['-', '॒'],
  Equal: ['\u200d', '\u200c'],
  KeyQ: ['ट', 'ठ'],
  KeyW: ['ौ', 'औ'],
  KeyE: ['े', 'ै'],
  KeyR: ['र', 'ृ'],
  KeyT: ['त', 'थ'],
  KeyY: ['य', 'ञ'],
  KeyU: ['ु', 'ू'],
  KeyI: ['ि', 'ी'],
  KeyO: ['ो', 'ओ'],
  KeyP: ['प', 'फ'],
  BracketLeft: ['इ', 'ई'],
  BracketRight: ['ए', 'ऐ'],
  KeyA: ['ा', 'आ'],
  KeyS: ['स', 'श'],
  KeyD: ['द', 'ध'],
  KeyF: ['उ', 'ऊ'],
  KeyG: ['ग', 'घ'],
  KeyH: ['ह', 'अ'],
  KeyJ: ['ज', 'झ'],
  KeyK: ['क', 'ख'],
  KeyL: ['ल', '॥'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backslash: ['ॐ', 'ः'],
  KeyZ: ['ष', 'ऋ'],
  KeyX: ['ड', 'ढ'],
  KeyC: ['च', 'छ'],
  KeyV: ['व', 'ँ'],
  KeyB: ['ब', 'भ'],
  KeyN: ['न', 'ण'],
  KeyM: ['म', 'ं'],
  Comma: [',', 'ङ'],
  Period: ['।', '.'],
  Slash: ['्', '?'],
  Space: [' ', ' '],
}

/** One key pressed: which, with Shift or not, and the character the layout types for it. */
export interface LayoutStroke {
  readonly code: string
  readonly shift: boolean
  readonly key: string
}

/** The keystrokes a scanner sends for `code` (printable ASCII) and what the Nepali layout types. */
export function strokesUnderNepali(code: string): LayoutStroke[] {
  return [...code].map((character) => {
    const row = US_ROWS.find(([, plain, shifted]) => plain === character || shifted === character)
    if (!row) throw new Error(`No US key types ${JSON.stringify(character)}`)
    const [keyCode, plain] = row
    const shift = plain !== character
    const layout = NEPALI_LAYOUT[keyCode]
    if (!layout) throw new Error(`The Nepali layout has no ${keyCode}`)
    return { code: keyCode, shift, key: layout[shift ? 1 : 0] }
  })
}

/** What arrives in a field when a scanner sends `code` under the Nepali layout. */
export function typedUnderNepali(code: string): string {
  return strokesUnderNepali(code)
    .map((stroke) => stroke.key)
    .join('')
}
