import type { Catalog } from '../../platform/i18n/translate'

export const cartEn = {
  'cart.title': 'Cart',
  'cart.empty': 'The cart is empty. Scan an item to start a sale.',
  'cart.item': 'Item',
  'cart.unitPrice': 'Unit price',
  'cart.quantity': 'Qty',
  'cart.lineTotal': 'Amount',
  'cart.quantityOf': 'Quantity of {name}',
  'cart.increase': 'Increase quantity of {name}',
  'cart.decrease': 'Decrease quantity of {name}',
  'cart.remove': 'Remove {name}',
  'cart.removeShort': 'Remove',
  'cart.clear': 'Clear cart',
  'cart.total': 'Total',
  'cart.itemCount': { one: '{count} item', other: '{count} items' },
  'cart.overStock': 'Only {stock} in stock',
  'cart.badQuantity': 'Enter a whole number from 0 to 99,999.',
  'cart.cleared': 'Cart cleared.',
  'cart.pay': 'Pay',
  'cart.unknownCode': 'No product has the barcode or SKU “{code}”.',
  'cart.added': 'Added {name}.',
} as const satisfies Catalog
