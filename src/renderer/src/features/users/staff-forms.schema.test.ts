import { describe, expect, it } from 'vitest'
import { pinSchema } from './staff-forms.schema'

describe('the PIN form', () => {
  it('is set as the same PIN in ASCII digits, and refused in either script when it is not 4 to 6 digits', () => {
    expect(pinSchema.parse({ currentPassword: 'secret', pin: '४८२७' }).pin).toBe('4827')
    for (const pin of ['४८२', '४८२७१९०', '४८२a']) expect(pinSchema.safeParse({ currentPassword: 'secret', pin }).success, pin).toBe(false)
  })
})
