import type { Catalog } from '../../platform/i18n/translate'

export const invoicesEn = {
  'finder.title': 'Find invoice',
  'finder.number': 'Invoice number',
  'finder.submit': 'Find',
  'finder.close': 'Close',
  'finder.searching': 'Looking up…',
  'finder.notFound': 'No invoice has the number {number}.',
  'finder.return': 'Return items',
  'finder.void': 'Void sale',
  'finder.badNumber': 'Enter an invoice number such as 1024.',
} as const satisfies Catalog
