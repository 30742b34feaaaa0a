import type { Translation } from '../../platform/i18n/translate'
import type { invoicesEn } from './invoices.en'

/** Finding an invoice by its number, in Nepali (see invoices.en.ts). */
export const invoicesNe: Translation<typeof invoicesEn> = {
  'finder.title': 'बिल खोज्नुहोस्',
  'finder.number': 'बिल नं.',
  'finder.submit': 'खोज्नुहोस्',
  'finder.close': 'बन्द गर्नुहोस्',
  'finder.searching': 'खोजिँदैछ…',
  'finder.notFound': 'बिल नं. {number} भएको कुनै बिल छैन।',
  'finder.return': 'सामान फिर्ता गर्नुहोस्',
  'finder.void': 'बिल रद्द गर्नुहोस्',
  'finder.badNumber': '1024 जस्तो बिल नं. लेख्नुहोस्।',
}
