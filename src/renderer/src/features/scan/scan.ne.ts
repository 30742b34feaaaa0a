import type { Translation } from '../../platform/i18n/translate'
import type { scanEn } from './scan.en'

/** The till's scan-or-search field in Nepali (see scan.en.ts). */
export const scanNe: Translation<typeof scanEn> = {
  'scan.label': 'स्क्यान वा खोज',
  'scan.placeholder': 'बारकोड स्क्यान गर्नुहोस्, वा नाम वा SKU टाइप गर्नुहोस्',
  'scan.results': 'मिल्ने सामानहरू',
  'scan.searching': 'खोजिँदैछ…',
  'scan.noMatches': '“{query}” सँग मिल्ने सामान छैन।',
  'scan.matchCount': { one: '{count} मिल्यो', other: '{count} मिले' },
  'scan.matchCountCapped': '{count}+ मिले। घटाउन टाइप गरिरहनुहोस्।',
  'scan.loadingRow': 'लोड हुँदैछ…',
  'scan.stock': 'स्टकमा: {stock}',
  'scan.codes': '{sku} · {barcode}',
}
