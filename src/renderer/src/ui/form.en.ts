import type { Catalog } from '../platform/i18n/translate'

/** What a form says under a field its schema refused, whichever form it is. */
export const formEn = {
  'form.required': 'Fill this in.',
  'form.tooShort': { plural: 'min', one: 'Use at least {min} character.', other: 'Use at least {min} characters.' },
  'form.tooLong': { plural: 'max', one: 'Use at most {max} character.', other: 'Use at most {max} characters.' },
  'form.tooSmall': 'Enter {min} or more.',
  'form.tooBig': 'Enter {max} or less.',
  'form.wholeNumber': 'Enter a whole number.',
  'form.choose': 'Choose one of the options.',
  'form.invalid': 'This is not valid.',
  'form.optional': '(optional)',
} as const satisfies Catalog

export type FormTexts = typeof formEn
