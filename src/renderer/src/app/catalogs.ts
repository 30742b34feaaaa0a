/**
 * The one dictionary: every feature's catalog and the shared ones, assembled. English is the
 * reference: its keys are the message keys and its `{placeholders}` the parameters each requires.
 * Another language is a `Dictionary`, so a missing key or a plural turned singular fails the compile.
 */
import { cartEn } from '../features/cart/public'
import { approvalEn } from '../features/approval/public'
import { checkoutEn } from '../features/checkout/public'
import { discountsEn } from '../features/discounts/public'
import { invoicesEn } from '../features/invoices/public'
import { managerEn } from '../features/manager/public'
import { parkedEn } from '../features/parked/public'
import { printingEn } from '../features/printing/public'
import { receiptsEn } from '../features/receipts/public'
import { salesHistoryEn } from '../features/sales-history/public'
import { returnsEn } from '../features/returns/public'
import { scanEn } from '../features/scan/public'
import { sessionEn } from '../features/session/public'
import { tokensEn } from '../features/tokens/public'
import { settingsEn } from '../features/settings/public'
import { setupEn } from '../features/setup/public'
import { shiftsEn } from '../features/shifts/public'
import { usersEn } from '../features/users/public'
import { productsEn } from '../features/products/public'
import { promosEn } from '../features/promos/public'
import { reportsEn } from '../features/reports/public'
import { stockEn } from '../features/stock/public'
import { taxesEn } from '../features/taxes/public'
import { errorsEn } from '../platform/errors.en'
import type { Translation } from '../platform/i18n/translate'
import { formEn } from '../ui/form.en'
import { uiEn } from '../ui/ui.en'
import { appEn } from './app.en'

/** Every catalog, once; a key defined in two of them is a mistake a test catches. */
export const CATALOGS = [
  appEn,
  uiEn,
  errorsEn,
  sessionEn,
  scanEn,
  cartEn,
  checkoutEn,
  discountsEn,
  approvalEn,
  receiptsEn,
  returnsEn,
  invoicesEn,
  managerEn,
  parkedEn,
  printingEn,
  tokensEn,
  formEn,
  setupEn,
  settingsEn,
  usersEn,
  productsEn,
  promosEn,
  stockEn,
  taxesEn,
  salesHistoryEn,
  reportsEn,
  shiftsEn,
] as const

export const en = {
  ...appEn,
  ...uiEn,
  ...errorsEn,
  ...sessionEn,
  ...scanEn,
  ...cartEn,
  ...checkoutEn,
  ...discountsEn,
  ...approvalEn,
  ...receiptsEn,
  ...returnsEn,
  ...invoicesEn,
  ...managerEn,
  ...parkedEn,
  ...printingEn,
  ...tokensEn,
  ...formEn,
  ...setupEn,
  ...settingsEn,
  ...usersEn,
  ...productsEn,
  ...promosEn,
  ...stockEn,
  ...taxesEn,
  ...salesHistoryEn,
  ...reportsEn,
  ...shiftsEn,
} as const

export type AppTexts = typeof en

/** What every other language must provide. */
export type Dictionary = Translation<AppTexts>

/** The languages the till can show, by BCP-47 language. */
export const DICTIONARIES = { en } satisfies Record<string, Dictionary>
