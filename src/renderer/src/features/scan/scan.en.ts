import type { Catalog } from '../../platform/i18n/translate'

export const scanEn = {
  'scan.label': 'Scan or search',
  'scan.placeholder': 'Scan a barcode, or type a name or SKU',
  'scan.results': 'Matching products',
  'scan.searching': 'Searching…',
  'scan.noMatches': 'No products match “{query}”.',
  'scan.matchCount': { one: '{count} match', other: '{count} matches' },
  'scan.matchCountCapped': '{count}+ matches. Keep typing to narrow them down.',
  'scan.loadingRow': 'Loading…',
  'scan.stock': 'In stock: {stock}',
  'scan.codes': '{sku} · {barcode}',
} as const satisfies Catalog
