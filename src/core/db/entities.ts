import type { InferKyselyDB } from '@mikro-orm/sqlite'
import type { Selectable } from 'kysely'
import { AuditEntrySchema } from './entities/audit-entry.entity'
import { CashMoveSchema } from './entities/cash-move.entity'
import { CartLineSchema } from './entities/cart-line.entity'
import { CartOrderSchema } from './entities/cart-order.entity'
import { CategorySchema } from './entities/category.entity'
import { InvoiceLineSchema } from './entities/invoice-line.entity'
import { InvoiceSchema } from './entities/invoice.entity'
import { InvoiceTaxSchema } from './entities/invoice-tax.entity'
import { InvoicePromoSchema } from './entities/invoice-promo.entity'
import { InvoiceTenderSchema } from './entities/invoice-tender.entity'
import { ReturnLineSchema } from './entities/return-line.entity'
import { ReturnRefundSchema } from './entities/return-refund.entity'
import { SaleReturnSchema } from './entities/sale-return.entity'
import { ParkedCartLineSchema } from './entities/parked-cart-line.entity'
import { ParkedCartSchema } from './entities/parked-cart.entity'
import { ProductImageSchema } from './entities/product-image.entity'
import { ProductSchema } from './entities/product.entity'
import { ProductTagSchema } from './entities/product-tag.entity'
import { ProductTaxSchema } from './entities/product-tax.entity'
import { PromoSchema } from './entities/promo.entity'
import { PromoCategorySchema, PromoProductSchema } from './entities/promo-scope.entity'
import { SettingSchema } from './entities/setting.entity'
import { ShiftSchema } from './entities/shift.entity'
import { SignInGuardSchema } from './entities/sign-in-guard.entity'
import { StockMovementSchema } from './entities/stock-movement.entity'
import { TaxRateSchema } from './entities/tax-rate.entity'
import { TokenLedgerEntrySchema } from './entities/token-ledger-entry.entity'
import { TokenSchema } from './entities/token.entity'
import { UserSchema } from './entities/user.entity'
import { ZReportSchema } from './entities/z-report.entity'

export { AuditEntry } from './entities/audit-entry.entity'
export { CashMove } from './entities/cash-move.entity'
export { CartLine } from './entities/cart-line.entity'
export { CartOrder } from './entities/cart-order.entity'
export { Category } from './entities/category.entity'
export { InvoiceLine } from './entities/invoice-line.entity'
export { Invoice } from './entities/invoice.entity'
export { InvoiceTax } from './entities/invoice-tax.entity'
export { InvoicePromo } from './entities/invoice-promo.entity'
export { InvoiceTender } from './entities/invoice-tender.entity'
export { ReturnLine } from './entities/return-line.entity'
export { ReturnRefund } from './entities/return-refund.entity'
export { SaleReturn } from './entities/sale-return.entity'
export { ParkedCartLine } from './entities/parked-cart-line.entity'
export { ParkedCart } from './entities/parked-cart.entity'
export { ProductImage } from './entities/product-image.entity'
export { Product } from './entities/product.entity'
export { ProductTag } from './entities/product-tag.entity'
export { ProductTax } from './entities/product-tax.entity'
export { Promo } from './entities/promo.entity'
export { PromoCategory, PromoProduct } from './entities/promo-scope.entity'
export { Setting } from './entities/setting.entity'
export { Shift } from './entities/shift.entity'
export { SignInGuard } from './entities/sign-in-guard.entity'
export { StockMovement } from './entities/stock-movement.entity'
export { TaxRate } from './entities/tax-rate.entity'
export { TokenLedgerEntry } from './entities/token-ledger-entry.entity'
export { Token } from './entities/token.entity'
export { User } from './entities/user.entity'
export { ZReport } from './entities/z-report.entity'

/** Listed explicitly: a bundled app has no folder to discover entities in. */
export const ENTITIES = [
  UserSchema,
  CategorySchema,
  TaxRateSchema,
  ProductSchema,
  ProductTagSchema,
  ProductTaxSchema,
  ProductImageSchema,
  PromoSchema,
  PromoProductSchema,
  PromoCategorySchema,
  CartLineSchema,
  CartOrderSchema,
  ParkedCartSchema,
  ParkedCartLineSchema,
  TokenSchema,
  TokenLedgerEntrySchema,
  ShiftSchema,
  CashMoveSchema,
  ZReportSchema,
  InvoiceSchema,
  InvoiceLineSchema,
  InvoiceTaxSchema,
  InvoicePromoSchema,
  InvoiceTenderSchema,
  SaleReturnSchema,
  ReturnLineSchema,
  ReturnRefundSchema,
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
