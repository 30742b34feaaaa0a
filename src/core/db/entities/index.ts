import { AuditEntrySchema } from './audit-entry.entity'
import { CartLineSchema } from './cart-line.entity'
import { InvoiceLineSchema } from './invoice-line.entity'
import { InvoiceSchema } from './invoice.entity'
import { ProductSchema } from './product.entity'
import { SettingSchema } from './setting.entity'
import { StockMovementSchema } from './stock-movement.entity'
import { TokenLedgerEntrySchema } from './token-ledger-entry.entity'
import { TokenSchema } from './token.entity'
import { UserSchema } from './user.entity'

export { AuditEntry } from './audit-entry.entity'
export { CartLine } from './cart-line.entity'
export { InvoiceLine } from './invoice-line.entity'
export { Invoice } from './invoice.entity'
export { Product } from './product.entity'
export { Setting } from './setting.entity'
export { StockMovement } from './stock-movement.entity'
export { TokenLedgerEntry } from './token-ledger-entry.entity'
export { Token } from './token.entity'
export { User } from './user.entity'

/** Listed explicitly: a bundled app has no folder to discover entities in. */
export const ENTITIES = [
  UserSchema,
  ProductSchema,
  CartLineSchema,
  TokenSchema,
  TokenLedgerEntrySchema,
  InvoiceSchema,
  InvoiceLineSchema,
  StockMovementSchema,
  SettingSchema,
  AuditEntrySchema,
]
