/**
 * The languages the till has texts in, with no schema library attached, so a page that needs only
 * these (the customer display) does not bundle zod.
 */
export const LANGUAGES = ['en', 'ne'] as const
export type Language = (typeof LANGUAGES)[number]

/** The language of a store locale (`ne-NP` → `ne`); English for anything else. */
export function languageOfLocale(locale: string): Language {
  return locale.split('-')[0] === 'ne' ? 'ne' : 'en'
}
