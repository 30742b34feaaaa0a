import type { Catalog } from '../../platform/i18n/translate'

export const parkedEn = {
  'keys.park': 'park sale',
  'keys.parked': 'parked sales',

  'park.title': 'Park this sale',
  'park.summary': { one: '{count} item · {total}', other: '{count} items · {total}' },
  'park.label': 'Label (optional)',
  'park.labelHint': 'Something to find it by: the customer, what they wear, a table. Up to {max} characters.',
  'park.submit': 'Park',
  'park.parking': 'Parking…',
  'park.cancel': 'Cancel',
  'park.nothingToPark': 'The cart is empty: there is nothing to park.',
  'park.parked': 'Parked “{label}”. {key} brings it back.',
  'park.parkedUnlabelled': 'Sale parked. {key} brings it back.',

  'parked.title': 'Parked sales',
  'parked.listLabel': 'Parked sales, newest first',
  'parked.loading': 'Loading parked sales…',
  'parked.none': 'No sales are parked on this till.',
  'parked.unlabelled': 'Sale parked at {time}',
  'parked.details': {
    one: '{count} item · parked by {name} at {time}',
    other: '{count} items · parked by {name} at {time}',
  },
  'parked.hint': 'Up and down choose a sale; Enter puts it back in the cart, Delete discards it.',
  'parked.recall': 'Recall',
  'parked.recalling': 'Recalling…',
  'parked.discard': 'Discard',
  'parked.deleteKey': 'Delete',
  'parked.close': 'Close',
  'parked.confirmTitle': 'Discard “{label}”?',
  'parked.confirmText': { one: 'Its {count} item will not come back.', other: 'Its {count} items will not come back.' },
  'parked.confirmDiscard': 'Discard it',
  'parked.keep': 'Keep it',
  'parked.discarded': 'Discarded “{label}”.',
  'parked.discardedUnlabelled': 'Discarded the parked sale.',
  'parked.recalled': 'Recalled “{label}”.',
  'parked.recalledUnlabelled': 'Recalled the parked sale.',
  'parked.recalledNothing': 'None of the parked products are sold any more, so the cart stays empty.',

  'recallNote.title': 'Since “{label}” was parked',
  'recallNote.titleUnlabelled': 'Since this sale was parked',
  'recallNote.priceChanges': 'These prices changed; the cart charges today’s:',
  'recallNote.priceChange': '{name}: {was} → {now}',
  'recallNote.unavailable': 'No longer sold, left out of the cart:',
  'recallNote.promoDropped': 'Its promo code was left out:',
  'recallNote.dismiss': 'Dismiss',
} as const satisfies Catalog

export type ParkedTexts = typeof parkedEn
