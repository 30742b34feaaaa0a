import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { text } from '#shared/contract/common'
import { en } from '../app/catalogs'
import { createTranslator } from '../platform/i18n/translate'
import { decodeMessage, encodeMessage, FORM_ISSUES } from './form-issues'

const { render } = createTranslator(en, 'en')

/** What a field would show for this value under this schema. */
function shown(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value, FORM_ISSUES)
  return result.success ? null : render(decodeMessage(result.error.issues[0]?.message))
}

describe('form refusals', () => {
  it('say a schema’s limits in the catalog’s words', () => {
    expect(shown(text(80).min(1), '')).toBe('Fill this in.')
    expect(shown(text(5), 'too long by far')).toBe('Use at most 5 characters.')
    expect(shown(z.string().min(3), 'ab')).toBe('Use at least 3 characters.')
    expect(shown(z.int().min(1).max(720), 0)).toBe('Enter 1 or more.')
    expect(shown(z.int().min(1).max(720), 721)).toBe('Enter 720 or less.')
    expect(shown(z.int(), Number.NaN)).toBe('Enter a whole number.')
    expect(shown(z.int(), 1.5)).toBe('Enter a whole number.')
    expect(shown(z.enum(['a', 'b']), 'c')).toBe('Choose one of the options.')
  })

  it('keep a form’s own message, and show a foreign one as the generic text', () => {
    const own = z.string().refine((value) => value === 'x', { message: encodeMessage({ key: 'setup.passwordsDiffer' }) })
    expect(shown(own, 'y')).toBe('The two passwords are not the same.')
    expect(shown(text(10), 'a\u0000b')).toBe('This is not valid.')
    expect(render(decodeMessage('msg:{not json'))).toBe('This is not valid.')
    expect(render(decodeMessage(undefined))).toBe('This is not valid.')
  })
})
