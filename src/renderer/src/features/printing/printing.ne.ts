import type { Translation } from '../../platform/i18n/translate'
import type { printingEn } from './printing.en'

/** Printing a receipt on demand, and saving it as PDF, in Nepali (see printing.en.ts). */
export const printingNe: Translation<typeof printingEn> = {
  'print.print': 'प्रिन्ट गर्नुहोस्',
  'print.printing': 'प्रिन्ट हुँदैछ…',
  'print.savePdf': 'PDF मा सेभ गर्नुहोस्',
  'print.savingPdf': 'सेभ हुँदैछ…',
  'print.printed': 'रसिद प्रिन्टरमा पठाइयो।',
  'print.pdfSaved': '{fileName} को रूपमा सेभ भयो।',
}
