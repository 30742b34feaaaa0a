import { RUNNING_VERSION } from '#core/common/app-version'
import type { FeatureHandlers } from '#core/common/handler'

export const appHandlers = {
  'app:info': async (_input, { settings }) => ({
    storeName: settings.storeName,
    currency: settings.currency,
    locale: settings.locale,
    demo: settings.demo,
    version: RUNNING_VERSION,
    tillCode: settings.tillCode,
    setupRequired: settings.setupRequired,
    currencyDecimals: settings.currencyDecimals,
    timeZone: settings.timeZone,
    printAfterSale: settings.printer.kind !== 'none' && settings.printer.printAfterSale,
    bikramSambat: settings.bikramSambat,
    bikramSambatYears: settings.bikramSambatYears,
    receipt: {
      address: settings.address,
      phone: settings.phone,
      taxNumber: settings.taxNumber,
      header: settings.receiptHeader,
      footer: settings.receiptFooter,
    },
  }),
} satisfies FeatureHandlers<'app:info'>
