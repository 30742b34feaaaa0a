import { describe, expect, it } from 'vitest'
import { strokesUnderNepali, typedUnderNepali, type LayoutStroke } from '#shared/testing/nepali-keyboard.fixture'
import {
  codeCharacter,
  EMPTY_TRAIL,
  pendingKey,
  trailAfterChange,
  trailKeys,
  usCharacter,
  type KeyStroke,
  type KeyTrail,
} from './key-positions'

function stroke(layout: LayoutStroke, overrides: Partial<Omit<KeyStroke, 'getModifierState'>> & { capsLock?: boolean } = {}): KeyStroke {
  const { capsLock = false, ...rest } = overrides
  return {
    key: layout.key,
    code: layout.code,
    shiftKey: layout.shift,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    getModifierState: () => capsLock,
    ...rest,
  }
}

/** Types `strokes` into a field that starts as `start`, the way the scan field follows it. */
function typeInto(strokes: readonly KeyStroke[], start = '', trail: KeyTrail = EMPTY_TRAIL): { text: string; trail: KeyTrail } {
  let text = start
  for (const s of strokes) {
    const next = text + s.key
    trail = trailAfterChange(trail, text, next, pendingKey(s))
    text = next
  }
  return { text, trail }
}

const CODES = ['SKU-A12', 'INV-1042', 'rice_5kg', 'Basmati 5KG/1', '3f2a9c1e-7b4d-4e8a-9c2f-1d3b5a7e9f00', 'A.B,C;D']

describe('usCharacter', () => {
  it.each(CODES)('reads %s back from the keys that typed it under a Nepali layout', (code) => {
    const strokes = strokesUnderNepali(code)
    expect(strokes.map((s) => usCharacter(stroke(s))).join('')).toBe(code)
  })

  it('takes Caps Lock into account for letters only', () => {
    const [a] = strokesUnderNepali('a')
    const [one] = strokesUnderNepali('1')
    expect(usCharacter(stroke(a!, { capsLock: true }))).toBe('A')
    expect(usCharacter(stroke(a!, { capsLock: true, shiftKey: true }))).toBe('a')
    expect(usCharacter(stroke(one!, { capsLock: true }))).toBe('1')
  })

  it('knows nothing of a key the US layout types nothing with', () => {
    expect(usCharacter(stroke({ code: 'IntlBackslash', shift: false, key: '<' }))).toBeUndefined()
    expect(usCharacter(stroke({ code: 'F2', shift: false, key: 'F2' }))).toBeUndefined()
  })
})

describe('codeCharacter (fields that take only codes)', () => {
  it('gives the US character for every key the Nepali layout types as something else', () => {
    const code = 'TOKEN-3F2A_9c1e'
    const strokes = strokesUnderNepali(code)
    expect(typedUnderNepali(code)).not.toBe(code)
    expect(strokes.map((s) => codeCharacter(stroke(s)) ?? s.key).join('')).toBe(code)
  })

  it('leaves ASCII keystrokes alone, whatever key typed them (a French keyboard means what its caps say)', () => {
    expect(codeCharacter(stroke({ code: 'KeyQ', shift: false, key: 'a' }))).toBeUndefined()
    expect(codeCharacter(stroke({ code: 'Digit1', shift: false, key: '1' }))).toBeUndefined()
  })

  it('leaves shortcuts, named keys and an IME’s keystrokes alone', () => {
    const [a] = strokesUnderNepali('a')
    expect(codeCharacter(stroke(a!, { ctrlKey: true }))).toBeUndefined()
    expect(codeCharacter(stroke(a!, { altKey: true }))).toBeUndefined()
    expect(codeCharacter(stroke(a!, { isComposing: true }))).toBeUndefined()
    expect(codeCharacter(stroke({ code: 'Enter', shift: false, key: 'Enter' }))).toBeUndefined()
  })
})

describe('KeyTrail (the scan field)', () => {
  it('gives what a scan under the Nepali layout spells on US keys, and nothing when they agree', () => {
    const nepali = typeInto(strokesUnderNepali('SKU-A12').map((s) => stroke(s)))
    expect(nepali.text).toBe('शखू-आ१२')
    expect(trailKeys(nepali.trail, nepali.text)).toBe('SKU-A12')

    const us = typeInto([...'SKU-A12'].map((key, i) => stroke(strokesUnderNepali('SKU-A12')[i]!, { key })))
    expect(trailKeys(us.trail, us.text)).toBeUndefined()
  })

  it('follows Backspace at the end', () => {
    const typed = typeInto(strokesUnderNepali('AB9').map((s) => stroke(s)))
    const shorter = typed.text.slice(0, -1)
    const trail = trailAfterChange(typed.trail, typed.text, shorter, null)
    expect(trailKeys(trail, shorter)).toBe('AB')
    const again = typeInto(
      strokesUnderNepali('7').map((s) => stroke(s)),
      shorter,
      trail,
    )
    expect(trailKeys(again.trail, again.text)).toBe('AB7')
  })

  it('starts again when a key replaces the whole text (a selected scan) or the field is cleared', () => {
    const typed = typeInto(strokesUnderNepali('OLD').map((s) => stroke(s)))
    const [first, ...rest] = strokesUnderNepali('NEW').map((s) => stroke(s))
    const replaced = trailAfterChange(typed.trail, typed.text, first!.key, pendingKey(first!))
    const done = typeInto(rest, first!.key, replaced)
    expect(trailKeys(done.trail, done.text)).toBe('NEW')

    expect(trailAfterChange(typed.trail, typed.text, '', null)).toEqual(EMPTY_TRAIL)
  })

  it('gives nothing once the text changed in a way keystrokes do not explain', () => {
    const typed = typeInto(strokesUnderNepali('AB').map((s) => stroke(s)))
    // A paste: no keystroke typed it.
    const pasted = trailAfterChange(typed.trail, typed.text, typed.text + 'कखग', null)
    expect(pasted).toBeNull()
    expect(trailKeys(pasted, typed.text + 'कखग')).toBeUndefined()
    // A key typed in the middle.
    const [c] = strokesUnderNepali('C').map((s) => stroke(s))
    const middle = trailAfterChange(typed.trail, typed.text, c!.key + typed.text, pendingKey(c!))
    expect(middle).toBeNull()
    // And it stays lost until the field is empty again.
    const next = typeInto([c!], c!.key + typed.text, middle)
    expect(trailKeys(next.trail, next.text)).toBeUndefined()
  })

  it('gives nothing when the text is not the one the trail followed, or a key has no US character', () => {
    const typed = typeInto(strokesUnderNepali('AB').map((s) => stroke(s)))
    expect(trailKeys(typed.trail, 'something else')).toBeUndefined()
    const odd = typeInto([stroke({ code: 'IntlBackslash', shift: false, key: 'ॅ' })], typed.text, typed.trail)
    expect(trailKeys(odd.trail, odd.text)).toBeUndefined()
  })

  it('picks up from an empty field whatever the trail said before (the store cleared it after Enter)', () => {
    const typed = typeInto(strokesUnderNepali('AB').map((s) => stroke(s)))
    const next = typeInto(
      strokesUnderNepali('CD').map((s) => stroke(s)),
      '',
      typed.trail,
    )
    expect(trailKeys(next.trail, next.text)).toBe('CD')
  })
})
