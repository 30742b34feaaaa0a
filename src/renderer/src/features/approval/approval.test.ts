import { describe, expect, it } from 'vitest'
import { pinAsStored } from './approval'

describe('a PIN typed with a Nepali keyboard layout', () => {
  it('is sent for approval as the PIN it was set as, in ASCII digits', () => {
    expect(pinAsStored('४८२७')).toBe('4827')
    expect(pinAsStored('४८२७१९')).toBe('482719')
    expect(pinAsStored('4827')).toBe('4827')
  })

  it('leaves every other secret exactly as typed: a password is compared as it is', () => {
    for (const secret of ['१२३', '१२३४५६७', 'पासवर्ड१२३४', 'correct horse', '  4827', '४८२७ '])
      expect(pinAsStored(secret), secret).toBe(secret)
  })
})
