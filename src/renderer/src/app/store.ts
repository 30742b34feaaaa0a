/**
 * The one store: the slice list, the reset registry, and the wiring of what each slice needs from
 * the others. Slices never import each other; everything one needs of another is a typed deps
 * argument, filled in here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import { createSerialQueue } from '#shared/async/serial-queue'
import { parseReceiptCode } from '#shared/receipts/receipt-model'
import { cartSlice, type CartState } from '../features/cart/public'
import { checkoutSlice, type CheckoutState } from '../features/checkout/public'
import { discountsSlice, type DiscountsState } from '../features/discounts/public'
import { invoicesSlice, type InvoicesState } from '../features/invoices/public'
import { managerSlice, type ManagerState } from '../features/manager/public'
import { parkedSlice, type ParkedState } from '../features/parked/public'
import { printingSlice, type PrintingState } from '../features/printing/public'
import { SEARCH_DELAY_MS, scanSlice, type ScanState, type Timers } from '../features/scan/public'
import { currencyOf, localeOf, sessionSlice, type SessionState } from '../features/session/public'
import { dayFormatter, storeToday, tokensSlice, type TokensState } from '../features/tokens/public'
import { settingsSlice, type SettingsState } from '../features/settings/public'
import { setupSlice, type SetupState } from '../features/setup/public'
import { usersSlice, type UsersState } from '../features/users/public'
import { productImportSlice, productsSlice, type ProductImportState, type ProductsState } from '../features/products/public'
import { promosSlice, type PromosState } from '../features/promos/public'
import { reportsSlice, type ReportsState } from '../features/reports/public'
import { returnsSlice, type ReturnsState } from '../features/returns/public'
import { salesHistorySlice, type SalesHistoryState } from '../features/sales-history/public'
import { shiftsSlice, type ShiftsState } from '../features/shifts/public'
import { stockSlice, type StockState } from '../features/stock/public'
import { taxesSlice, type TaxesState } from '../features/taxes/public'
import { withErrorFunnel, type PosClient } from '../platform/api/client'
import { errorMessage } from '../platform/errors'
import { formatPercentBps } from '../platform/i18n/format'
import { createResetRegistry, sliceApi } from '../platform/store/slice'
import { backOfficeSlice, type BackOfficeState } from './back-office.slice'
import { mayUseBackOffice } from './back-office-sections'
import { shellSlice, type ShellState } from './shell.slice'

/** Every slice under its own key. */
export interface PosState {
  session: SessionState
  scan: ScanState
  cart: CartState
  checkout: CheckoutState
  discounts: DiscountsState
  invoices: InvoicesState
  returns: ReturnsState
  salesHistory: SalesHistoryState
  manager: ManagerState
  parked: ParkedState
  printing: PrintingState
  shell: ShellState
  tokens: TokensState
  setup: SetupState
  backOffice: BackOfficeState
  settings: SettingsState
  users: UsersState
  products: ProductsState
  productImport: ProductImportState
  stock: StockState
  taxes: TaxesState
  promos: PromosState
  reports: ReportsState
  shifts: ShiftsState
}

export type PosStore = StoreApi<PosState>

export interface PosStoreOptions {
  api: PosClient
  /** A fresh idempotency key per payment attempt. */
  newKey: () => string
  /** Pause in typing before a search is sent. */
  searchDelayMs?: number
  timers?: Timers
}

/** A dialog or a payment result holds the screen, so no other may open and keys go to it. */
export function tillBusy(state: PosState): boolean {
  return state.shell.dialog !== null || state.checkout.outcome !== null
}

/** Builds the one store from its slices; the app makes one, tests make their own with a fake client. */
export function createPosStore(options: PosStoreOptions): PosStore {
  const resets = createResetRegistry()
  const cartQueue = createSerialQueue()

  return createStore<PosState>()((set, get) => {
    // The one error funnel: a refusal for a lost session ends it here, whichever slice called. What
    // that slice then records of the refusal is cleared again by the reset of the next sign-in.
    const api = withErrorFunnel(options.api, {
      sessionLost: (error) => get().session.sessionEnded(errorMessage(error)),
    })
    const root = { getState: get, setState: set }
    const shell = () => get().shell
    const focusReturned = () => get().scan.focusReturned()

    const slices: PosState = {
      session: sessionSlice.create(sliceApi(root, sessionSlice.key, resets), {
        api,
        saleReset: resets.resetAll,
        cartRequested: () => get().cart.cartRequested(),
        focusReturned,
      }),
      scan: scanSlice.create(sliceApi(root, scanSlice.key, resets), {
        api,
        searchDelayMs: options.searchDelayMs ?? SEARCH_DELAY_MS,
        timers: options.timers,
        requestFailed: (error) => shell().requestFailed(error),
        noticeDismissed: () => shell().noticeDismissed(),
        productPicked: (product) => get().cart.productPicked(product),
        // A receipt's own code opens its invoice (a return starts there); anything else is a product.
        itemScanned: (code, fallback, keys) => {
          const receipt = parseReceiptCode(code) ?? (keys === undefined ? null : parseReceiptCode(keys))
          return receipt?.kind === 'invoice' ? get().invoices.receiptScanned(receipt.number) : get().cart.itemScanned(code, fallback, keys)
        },
        dialogOpen: () => shell().dialog !== null,
        // A card scanned with items in the cart pays for them; with an empty cart the customer wants its balance.
        tokenScanned: (code) =>
          get().cart.cart.lines.length > 0 ? get().checkout.tokenScanned(code) : get().tokens.balanceCheckOpened(code),
      }),
      cart: cartSlice.create(sliceApi(root, cartSlice.key, resets), {
        api,
        cartQueue,
        requestFailed: (error) => shell().requestFailed(error),
        noticeShown: (tone, message) => shell().noticeShown(tone, message),
        noticeDismissed: () => shell().noticeDismissed(),
      }),
      checkout: checkoutSlice.create(sliceApi(root, checkoutSlice.key, resets), {
        api,
        cartQueue,
        newKey: options.newKey,
        cart: () => get().cart.cart,
        cartRequested: () => get().cart.cartRequested(),
        cartEmptied: () => {
          get().cart.cartEmptied()
          get().parked.salePaid()
        },
        currency: () => currencyOf(get().session),
        tillBusy: () => tillBusy(get()),
        dialogOpened: () => shell().dialogOpened('pay'),
        dialogClosed: () => shell().dialogClosed(),
        noticeShown: (tone, message) => shell().noticeShown(tone, message),
        noticeDismissed: () => shell().noticeDismissed(),
        focusReturned,
        printAfterSale: () => get().session.appInfo?.printAfterSale ?? false,
      }),
      discounts: discountsSlice.create(sliceApi(root, discountsSlice.key, resets), {
        api,
        cartQueue,
        cart: () => get().cart.cart,
        selectedLineId: () => get().cart.lastTouchedId,
        cartRepriced: (cart, touched) => get().cart.cartRepriced(cart, touched),
        tillBusy: () => tillBusy(get()),
        dialogOpened: (dialog) => shell().dialogOpened(dialog),
        dialogClosed: () => shell().dialogClosed(),
        noticeShown: (tone, message) => shell().noticeShown(tone, message),
        focusReturned,
        percent: (bps) => formatPercentBps(bps, localeOf(get().session)),
      }),
      invoices: invoicesSlice.create(sliceApi(root, invoicesSlice.key, resets), {
        api,
        tillBusy: () => tillBusy(get()),
        dialogOpened: () => shell().dialogOpened('finder'),
        dialogClosed: () => shell().dialogClosed(),
        focusReturned,
      }),
      returns: returnsSlice.create(sliceApi(root, returnsSlice.key, resets), {
        api,
        newKey: options.newKey,
        dialogOpened: () => shell().dialogOpened('return'),
        dialogClosed: () => shell().dialogClosed(),
        noticeShown: (tone, message) => shell().noticeShown(tone, message),
        focusReturned,
      }),
      salesHistory: salesHistorySlice.create(sliceApi(root, salesHistorySlice.key, resets), {
        api,
        timers: options.timers,
        today: () => storeToday(new Date(), get().session.appInfo?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
        mayListCashiers: () => get().session.user?.permissions.includes('users.manage') ?? false,
        tillBusy: () => tillBusy(get()),
        dialogOpened: () => shell().dialogOpened('sales'),
        dialogClosed: () => shell().dialogClosed(),
        focusReturned,
      }),
      manager: managerSlice.create(sliceApi(root, managerSlice.key, resets), {
        api,
        mayUse: (permission) => get().session.user?.permissions.includes(permission) ?? false,
        tillBusy: () => tillBusy(get()),
        dialogOpened: () => shell().dialogOpened('manager'),
        dialogClosed: () => shell().dialogClosed(),
        focusReturned,
        sessionEnded: (reason) => get().session.sessionEnded(reason),
        locale: () => localeOf(get().session),
      }),
      parked: parkedSlice.create(sliceApi(root, parkedSlice.key, resets), {
        api,
        cartQueue,
        cartLineCount: () => get().cart.cart.lines.length,
        cartEmptied: () => get().cart.cartEmptied(),
        cartRequested: () => get().cart.cartRequested(),
        tillBusy: () => tillBusy(get()),
        dialogOpened: (dialog) => shell().dialogOpened(dialog),
        dialogClosed: () => shell().dialogClosed(),
        noticeShown: (tone, message) => shell().noticeShown(tone, message),
        focusReturned,
      }),
      printing: printingSlice.create(sliceApi(root, printingSlice.key, resets), { api }),
      shell: shellSlice.create(sliceApi(root, shellSlice.key, resets), {}),
      tokens: tokensSlice.create(sliceApi(root, tokensSlice.key, resets), {
        api,
        formatDay: (day) => dayFormatter(localeOf(get().session))(day),
        tillBusy: () => tillBusy(get()),
        dialogOpened: () => shell().dialogOpened('balance'),
        dialogClosed: () => shell().dialogClosed(),
        focusReturned,
      }),
      setup: setupSlice.create(sliceApi(root, setupSlice.key, resets), {
        api,
        storeCreated: (user) => get().session.storeCreated(user),
        storeReplaced: () => get().session.storeReplaced(),
        dialogOpened: () => shell().dialogOpened('ownStore'),
        dialogClosed: () => shell().dialogClosed(),
        focusReturned,
      }),
      backOffice: backOfficeSlice.create(sliceApi(root, backOfficeSlice.key, resets), {
        mayUse: () => mayUseBackOffice(get().session.user?.permissions ?? []),
        tillBusy: () => tillBusy(get()),
        focusReturned,
      }),
      settings: settingsSlice.create(sliceApi(root, settingsSlice.key, resets), {
        api,
        // Shifts may have been switched on or off: the till header says so at once.
        storeInfoChanged: () => Promise.all([get().session.appInfoRequested(), get().shifts.currentRequested()]).then(() => undefined),
      }),
      users: usersSlice.create(sliceApi(root, usersSlice.key, resets), {
        api,
        selfId: () => get().session.user?.id ?? null,
        selfChanged: () => get().session.userRequested(),
        tillBusy: () => tillBusy(get()),
        dialogOpened: () => shell().dialogOpened('account'),
        dialogClosed: () => shell().dialogClosed(),
        focusReturned,
      }),
      products: productsSlice.create(sliceApi(root, productsSlice.key, resets), { api, timers: options.timers }),
      productImport: productImportSlice.create(sliceApi(root, productImportSlice.key, resets), {
        api,
        timers: options.timers,
        newJobId: options.newKey,
        catalogChanged: () => get().products.catalogChanged(),
      }),
      stock: stockSlice.create(sliceApi(root, stockSlice.key, resets), { api, timers: options.timers }),
      taxes: taxesSlice.create(sliceApi(root, taxesSlice.key, resets), { api }),
      promos: promosSlice.create(sliceApi(root, promosSlice.key, resets), { api }),
      reports: reportsSlice.create(sliceApi(root, reportsSlice.key, resets), {
        api,
        today: () => storeToday(new Date(), get().session.appInfo?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
        locale: () => localeOf(get().session),
        mayUse: (permission) => get().session.user?.permissions.includes(permission) ?? false,
        // A product's sales: the history's section, its filters set before it opens.
        productHistoryOpened: ({ product, days }) => {
          get().salesHistory.filtersRequested({ product, days })
          get().backOffice.sectionChosen('sales')
        },
      }),
      shifts: shiftsSlice.create(sliceApi(root, shiftsSlice.key, resets), {
        api,
        newKey: options.newKey,
        currency: () => currencyOf(get().session),
        mayUse: (permission) => get().session.user?.permissions.includes(permission) ?? false,
        tillBusy: () => tillBusy(get()),
        dialogOpened: () => shell().dialogOpened('shift'),
        dialogClosed: () => shell().dialogClosed(),
        noticeShown: (tone, message) => shell().noticeShown(tone, message),
        focusReturned,
        paymentRefusalLeft: () => get().checkout.backToCartChosen(),
      }),
    }
    return slices
  })
}
