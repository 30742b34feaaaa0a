import type { InferKyselyDB } from '@mikro-orm/sqlite'
import type { Selectable } from 'kysely'
import { AuditEntrySchema } from './entities/audit-entry.entity'
import { CartLineSchema } from './entities/cart-line.entity'
import { CategorySchema } from './entities/category.entity'
import { InvoiceLineSchema } from './entities/invoice-line.entity'
import { InvoiceSchema } from './entities/invoice.entity'
import { ProductImageSchema } from './entities/product-image.entity'
import { ProductSchema } from './entities/product.entity'
import { ProductTagSchema } from './entities/product-tag.entity'
import { SettingSchema } from './entities/setting.entity'
import { SignInGuardSchema } from './entities/sign-in-guard.entity'
import { StockMovementSchema } from './entities/stock-movement.entity'
import { TokenLedgerEntrySchema } from './entities/token-ledger-entry.entity'
import { TokenSchema } from './entities/token.entity'
import { UserSchema } from './entities/user.entity'

export { AuditEntry } from './entities/audit-entry.entity'
export { CartLine } from './entities/cart-line.entity'
export { Category } from './entities/category.entity'
export { InvoiceLine } from './entities/invoice-line.entity'
export { Invoice } from './entities/invoice.entity'
export { ProductImage } from './entities/product-image.entity'
export { Product } from './entities/product.entity'
export { ProductTag } from './entities/product-tag.entity'
export { Setting } from './entities/setting.entity'
export { SignInGuard } from './entities/sign-in-guard.entity'
export { StockMovement } from './entities/stock-movement.entity'
export { TokenLedgerEntry } from './entities/token-ledger-entry.entity'
export { Token } from './entities/token.entity'
export { User } from './entities/user.entity'

/** Listed explicitly: a bundled app has no folder to discover entities in. */
export const ENTITIES = [
  UserSchema,
  CategorySchema,
  ProductSchema,
  ProductTagSchema,
  ProductImageSchema,
  CartLineSchema,
  TokenSchema,
  TokenLedgerEntrySchema,
  InvoiceSchema,
  InvoiceLineSchema,
  StockMovementSchema,
  SettingSchema,
  AuditEntrySchema,
  SignInGuardSchema,
]

/** The tables as kysely sees them, typed from the entity definitions (lane B queries, lane C rows). */
export type TillDatabase = InferKyselyDB<(typeof ENTITIES)[number]>
export type TableName = keyof TillDatabase
/** A row of a table as SQLite returns it: snake_case columns with their entity types. */
export type TableRow<T extends TableName> = Selectable<TillDatabase[T]>
