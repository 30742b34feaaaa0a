/**
 * A store's settings as `settings:get` answers them, for tests on either side of the IPC line (core's
 * answers, the screen's forms and slices): the demo's rounding, tax and limits in a plain shop, with
 * whatever a test sets on top. Imported only by tests.
 */
import { DEFAULT_CUSTOMER_DISPLAY } from '../contract/display'
import { DEFAULT_PRINTER } from '../contract/printing'
import type { StoreSettingsDto } from '../contract/settings'

export const storeSettings = (overrides: Partial<StoreSettingsDto> = {}): StoreSettingsDto => ({
  storeName: 'Shop',
  address: '',
  phone: '',
  taxNumber: '',
  currency: 'NPR',
  currencyDecimals: 2,
  locale: 'en-IN',
  timeZone: 'Asia/Kathmandu',
  receiptHeader: '',
  receiptFooter: '',
  sessionIdleMinutes: 15,
  signInLockMinutes: 15,
  defaultLowStockAt: 5,
  taxRounding: 'perLine',
  defaultTaxRateIds: [1],
  cashRoundingIncrementCents: 100,
  cashRoundingMode: 'halfUp',
  discountLimitBps: 1000,
  wallets: ['eSewa', 'Khalti'],
  cashiersMayReturn: false,
  bikramSambat: false,
  bikramSambatYears: [],
  shiftsEnabled: false,
  printer: DEFAULT_PRINTER,
  customerDisplay: DEFAULT_CUSTOMER_DISPLAY,
  updatesUrl: null,
  demo: false,
  currencyLocked: false,
  ...overrides,
})
