import type { Channel } from '#shared/ipc/contract'
import type { Handler } from '#core/common/handler'
import { auditHandlers } from '#core/audit/audit.handlers'
import { authHandlers } from '#core/auth/auth.handlers'
import { backupHandlers } from '#core/backup/backup.handlers'
import { cartHandlers } from '#core/cart/cart.handlers'
import { catalogHandlers } from '#core/catalog/catalog.handlers'
import { checkoutHandlers } from '#core/checkout/checkout.handlers'
import { invoicesHandlers } from '#core/invoices/invoices.handlers'
import { appHandlers } from '#core/settings/app.handlers'
import { usersHandlers } from '#core/users/users.handlers'
import { setupHandlers } from '#core/setup/setup.handlers'
import { settingsHandlers } from '#core/settings/settings.handlers'
import { productsHandlers } from '#core/catalog/products.handlers'
import { productImportHandlers } from '#core/catalog/product-import.handlers'
import { stockHandlers } from '#core/inventory/stock.handlers'
import { tokensHandlers } from '#core/tokens/tokens.handlers'
import { documentsHandlers } from '#core/documents/documents.handlers'

/**
 * Every channel's handler, from the features' own maps. The type makes this exhaustive: a channel
 * of the contract without a handler, or a handler for no channel, does not compile.
 */
export const handlers: { readonly [C in Channel]: Handler<C> } = {
  ...appHandlers,
  ...setupHandlers,
  ...settingsHandlers,
  ...productsHandlers,
  ...productImportHandlers,
  ...stockHandlers,
  ...tokensHandlers,
  ...documentsHandlers,
  ...authHandlers,
  ...catalogHandlers,
  ...cartHandlers,
  ...checkoutHandlers,
  ...invoicesHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...backupHandlers,
}
