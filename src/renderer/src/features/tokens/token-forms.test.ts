import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../platform/i18n/translate'
import { decodeMessage, FORM_ISSUES } from '../../ui/form-issues'
import { formEn } from '../../ui/form.en'
import { expiryFormSchema, holderFormSchema, issueFormSchema, topUpFormSchema } from './token-forms'
import { tokensEn } from './tokens.en'

const { render } = createTranslator({ ...tokensEn, ...formEn }, 'en', { money: (cents) => `NPR ${cents / 100}` })

/** The first refusal of `field`, as the screen says it (parsed as the form's resolver parses). */
function problem(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) {
  const issue = result.error?.issues.find((i) => i.path[0] === field)
  return issue ? render(decodeMessage(issue.message)) : null
}

describe('the issue form', () => {
  const schema = issueFormSchema(2, '2026-03-15')
  const filled = { balance: '1,500.50', expiresOn: '2027-03-15', holderName: '  Sita Sharma ', note: '' }

  it('turns what was typed into the channel’s input, in minor units', () => {
    expect(schema.parse(filled)).toEqual({ balanceCents: 150_050, expiresOn: '2027-03-15', holderName: 'Sita Sharma' })
  })

  it('says what is wrong with the amount in the store’s words', () => {
    expect(problem(schema.safeParse({ ...filled, balance: '' }, FORM_ISSUES), 'balance')).toBe('Enter an amount such as 500 or 1,500.50.')
    expect(problem(schema.safeParse({ ...filled, balance: '12.345' }, FORM_ISSUES), 'balance')).toBe(
      'Enter an amount such as 500 or 1,500.50.',
    )
    expect(problem(schema.safeParse({ ...filled, balance: '0' }, FORM_ISSUES), 'balance')).toBe('Enter an amount above zero.')
    expect(problem(schema.safeParse({ ...filled, balance: '1000000001' }, FORM_ISSUES), 'balance')).toBe(
      'A token can hold at most NPR 1000000000.',
    )
  })

  it('uses the store’s own number of decimals', () => {
    expect(issueFormSchema(0, '2026-03-15').parse({ ...filled, balance: '1,500' }).balanceCents).toBe(1_500)
    expect(problem(issueFormSchema(0, '2026-03-15').safeParse({ ...filled, balance: '1.5' }, FORM_ISSUES), 'balance')).not.toBeNull()
    expect(issueFormSchema(3, '2026-03-15').parse({ ...filled, balance: '1.5' }).balanceCents).toBe(1_500)
  })

  it('takes today or a later day, and no day in the past', () => {
    expect(schema.parse({ ...filled, expiresOn: '2026-03-15' }).expiresOn).toBe('2026-03-15')
    expect(problem(schema.safeParse({ ...filled, expiresOn: '2026-03-14' }, FORM_ISSUES), 'expiresOn')).toBe('Choose today or a later day.')
    expect(problem(schema.safeParse({ ...filled, expiresOn: '' }, FORM_ISSUES), 'expiresOn')).toBe('Choose a date.')
  })

  it('refuses a holder’s name longer than the contract allows, with the shared words', () => {
    expect(problem(schema.safeParse({ ...filled, holderName: 'x'.repeat(81) }, FORM_ISSUES), 'holderName')).toBe(
      'Use at most 80 characters.',
    )
  })
})

describe('the token page’s forms', () => {
  it('top up by an amount, with an optional note', () => {
    expect(topUpFormSchema(2).parse({ amount: '200', note: '' })).toEqual({ amountCents: 20_000 })
    expect(topUpFormSchema(2).parse({ amount: '0.05', note: 'Cash' })).toEqual({ amountCents: 5, note: 'Cash' })
  })

  it('change the last day', () => {
    expect(expiryFormSchema('2026-03-15').parse({ expiresOn: '2030-01-01' })).toEqual({ expiresOn: '2030-01-01' })
    expect(expiryFormSchema('2026-03-15').safeParse({ expiresOn: '2026-01-01' }, FORM_ISSUES).success).toBe(false)
  })

  it('an empty holder takes the name off the card', () => {
    expect(holderFormSchema.parse({ holderName: '   ' })).toEqual({ holderName: null })
    expect(holderFormSchema.parse({ holderName: ' Ram ' })).toEqual({ holderName: 'Ram' })
  })
})
