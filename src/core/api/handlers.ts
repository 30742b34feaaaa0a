import type { Channel } from '#shared/ipc/contract'
import type { RequestContext } from '#core/common/context'
import type { FeatureHandlers, Handler } from '#core/common/handler'
import type { auditHandlers } from '#core/audit/audit.handlers'
import { authHandlers } from '#core/auth/auth.handlers'
import { backupHandlers } from '#core/backup/backup.handlers'
import { cartHandlers } from '#core/cart/cart.handlers'
import { parkedHandlers } from '#core/cart/parked.handlers'
import { catalogHandlers } from '#core/catalog/catalog.handlers'
import { checkoutHandlers } from '#core/checkout/checkout.handlers'
import { promosHandlers } from '#core/promos/promos.handlers'
import { invoicesHandlers } from '#core/invoices/invoices.handlers'
import { appHandlers } from '#core/settings/app.handlers'
import { displayHandlers } from '#core/display/display.handlers'
import type { usersHandlers } from '#core/users/users.handlers'
import type { setupHandlers } from '#core/setup/setup.handlers'
import { settingsHandlers } from '#core/settings/settings.handlers'
import type { productsHandlers } from '#core/catalog/products.handlers'
import { taxesHandlers } from '#core/catalog/taxes.handlers'
import type { productImportHandlers } from '#core/catalog/product-import.handlers'
import type { productsFileHandlers } from '#core/catalog/products-file.handlers'
import type { stockHandlers } from '#core/inventory/stock.handlers'
import { tokensHandlers } from '#core/tokens/tokens.handlers'
import type { documentsHandlers } from '#core/documents/documents.handlers'
import type { receiptsHandlers } from '#core/receipts/receipts.handlers'
import type { printingHandlers } from '#core/printing/printing.handlers'
import type { returnsHandlers } from '#core/returns/returns.handlers'
import type { shiftsHandlers } from '#core/shifts/shifts.handlers'
import type { reportsHandlers } from '#core/reports/reports.handlers'
import type { updatesHandlers } from '#core/updates/updates.handlers'

/**
 * A feature whose module is imported on its first call. The back office (the catalog's admin, CSV
 * import and export, stock, staff, set-up, the audit check, documents) is not on a sale's path, so
 * a till's start evaluates none of it, nor the libraries only it uses (the CSV parser, the demo
 * store): start-up is budgeted (DESIGN §7, npm run bench:startup). The channels are listed here
 * because they are needed before the module is; the types check the list against the module.
 */
function onFirstCall<C extends Channel>(channels: readonly C[], load: () => Promise<FeatureHandlers<C>>): FeatureHandlers<C> {
  let loading: Promise<FeatureHandlers<C>> | undefined
  const feature = () =>
    (loading ??= load().catch((error: unknown) => {
      // A failed import is tried again on the next call rather than remembered.
      loading = undefined
      throw error
    }))
  const entries = channels.map((channel) => {
    const handler = async (input: never, ctx: RequestContext) => ((await feature())[channel] as Handler<C>)(input, ctx)
    return [channel, handler]
  })
  return Object.fromEntries(entries) as FeatureHandlers<C>
}

type ChannelsOf<H> = readonly (keyof H & Channel)[]

const setupFeature = onFirstCall(
  ['setup:createStore', 'setup:loadDemo', 'setup:startOwnStore'] satisfies ChannelsOf<typeof setupHandlers>,
  () => import('#core/setup/setup.handlers').then((feature) => feature.setupHandlers),
)
const productsFeature = onFirstCall(
  [
    'products:list',
    'products:get',
    'products:create',
    'products:update',
    'products:archive',
    'products:unarchive',
    'products:addImages',
    'products:removeImage',
    'products:tags',
    'categories:list',
    'categories:create',
    'categories:update',
  ] satisfies ChannelsOf<typeof productsHandlers>,
  () => import('#core/catalog/products.handlers').then((feature) => feature.productsHandlers),
)
const productImportFeature = onFirstCall(
  ['products:import', 'products:importProgress', 'products:export'] satisfies ChannelsOf<typeof productImportHandlers>,
  () => import('#core/catalog/product-import.handlers').then((feature) => feature.productImportHandlers),
)
const productsFileFeature = onFirstCall(['products:exportFile'] satisfies ChannelsOf<typeof productsFileHandlers>, () =>
  import('#core/catalog/products-file.handlers').then((feature) => feature.productsFileHandlers),
)
const stockFeature = onFirstCall(['stock:adjust', 'stock:movements', 'stock:low'] satisfies ChannelsOf<typeof stockHandlers>, () =>
  import('#core/inventory/stock.handlers').then((feature) => feature.stockHandlers),
)
const documentsFeature = onFirstCall(['documents:savePdf'] satisfies ChannelsOf<typeof documentsHandlers>, () =>
  import('#core/documents/documents.handlers').then((feature) => feature.documentsHandlers),
)
// A receipt prints after the sale is written: the ESC/POS encoder loads with the first one, not at start.
const receiptsFeature = onFirstCall(['receipts:render'] satisfies ChannelsOf<typeof receiptsHandlers>, () =>
  import('#core/receipts/receipts.handlers').then((feature) => feature.receiptsHandlers),
)
// Printers (sockets, serial ports, files) load with the first print, like the receipts they send.
const printingFeature = onFirstCall(['printing:print', 'printing:test'] satisfies ChannelsOf<typeof printingHandlers>, () =>
  import('#core/printing/printing.handlers').then((feature) => feature.printingHandlers),
)
const usersFeature = onFirstCall(
  ['users:unlock', 'users:list', 'users:create', 'users:update', 'users:setPassword'] satisfies ChannelsOf<typeof usersHandlers>,
  () => import('#core/users/users.handlers').then((feature) => feature.usersHandlers),
)
const returnsFeature = onFirstCall(
  ['returns:preview', 'returns:create', 'returns:get', 'invoices:void'] satisfies ChannelsOf<typeof returnsHandlers>,
  () => import('#core/returns/returns.handlers').then((feature) => feature.returnsHandlers),
)
// Shifts open and close a few times a day: their module (and the reports' figures) load with the first call.
const shiftsFeature = onFirstCall(
  [
    'shift:current',
    'shift:open',
    'shift:cashMove',
    'drawer:noSale',
    'shift:xReport',
    'shift:close',
    'shift:list',
    'shift:get',
  ] satisfies ChannelsOf<typeof shiftsHandlers>,
  () => import('#core/shifts/shifts.handlers').then((feature) => feature.shiftsHandlers),
)
// Reports run in their own worker thread, started with the first report (reports-worker.manager.ts).
const reportsFeature = onFirstCall(
  [
    'reports:summary',
    'reports:byPeriod',
    'reports:hourly',
    'reports:byProduct',
    'reports:byCategory',
    'reports:byTag',
    'reports:byCashier',
    'reports:byTender',
    'reports:promos',
    'reports:tokenLiability',
    'reports:csv',
    'reports:exportCsv',
  ] satisfies ChannelsOf<typeof reportsHandlers>,
  () => import('#core/reports/reports.handlers').then((feature) => feature.reportsHandlers),
)
// Updates are looked for only when a manager asks: nothing of them loads at start.
const updatesFeature = onFirstCall(['updates:check', 'updates:install'] satisfies ChannelsOf<typeof updatesHandlers>, () =>
  import('#core/updates/updates.handlers').then((feature) => feature.updatesHandlers),
)
const auditFeature = onFirstCall(['audit:verify'] satisfies ChannelsOf<typeof auditHandlers>, () =>
  import('#core/audit/audit.handlers').then((feature) => feature.auditHandlers),
)

/**
 * Every channel's handler, from the features' own maps. The type makes this exhaustive: a channel
 * of the contract without a handler, or a handler for no channel, does not compile.
 */
export const handlers: { readonly [C in Channel]: Handler<C> } = {
  ...appHandlers,
  ...setupFeature,
  ...settingsHandlers,
  ...productsFeature,
  ...taxesHandlers,
  ...productImportFeature,
  ...productsFileFeature,
  ...stockFeature,
  ...tokensHandlers,
  ...documentsFeature,
  ...receiptsFeature,
  ...printingFeature,
  ...updatesFeature,
  ...displayHandlers,
  ...authHandlers,
  ...catalogHandlers,
  ...cartHandlers,
  ...parkedHandlers,
  ...checkoutHandlers,
  ...promosHandlers,
  ...invoicesHandlers,
  ...returnsFeature,
  ...shiftsFeature,
  ...reportsFeature,
  ...usersFeature,
  ...auditFeature,
  ...backupHandlers,
}
