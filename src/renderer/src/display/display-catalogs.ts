/**
 * The display page's own small dictionary: it shows nothing of the till's screens, so it carries
 * only its catalog. Another language is a `Translation` of it, so a missing key fails the compile.
 */
import type { Translation } from '../platform/i18n/translate'
import { displayEn, type DisplayTexts } from './display.en'
import { displayNe } from './display.ne'

export type DisplayDictionary = Translation<DisplayTexts>

/** The languages the display can show, by BCP-47 language. */
export const DISPLAY_DICTIONARIES: Readonly<Record<string, DisplayDictionary>> = { en: displayEn, ne: displayNe }

/** The dictionary for a locale (`ne-NP` → `ne`), English for a language it does not have yet. */
export function displayDictionaryFor(locale: string): DisplayDictionary {
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en'
  return Object.hasOwn(DISPLAY_DICTIONARIES, language) ? DISPLAY_DICTIONARIES[language]! : displayEn
}
