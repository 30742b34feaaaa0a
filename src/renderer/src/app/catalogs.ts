/**
 * The one dictionary: every feature's catalog and the shared ones, assembled. English is the
 * reference: its keys are the message keys and its `{placeholders}` the parameters each requires.
 * Another language is a `Dictionary`, so a missing key or a plural turned singular fails the compile.
 */
import { cartEn, cartNe } from '../features/cart/public'
import { approvalEn, approvalNe } from '../features/approval/public'
import { checkoutEn, checkoutNe } from '../features/checkout/public'
import { discountsEn, discountsNe } from '../features/discounts/public'
import { invoicesEn, invoicesNe } from '../features/invoices/public'
import { managerEn, managerNe } from '../features/manager/public'
import { parkedEn, parkedNe } from '../features/parked/public'
import { printingEn, printingNe } from '../features/printing/public'
import { receiptsEn, receiptsNe } from '../features/receipts/public'
import { salesHistoryEn, salesHistoryNe } from '../features/sales-history/public'
import { returnsEn, returnsNe } from '../features/returns/public'
import { scanEn, scanNe } from '../features/scan/public'
import { sessionEn, sessionNe } from '../features/session/public'
import { tokensEn, tokensNe } from '../features/tokens/public'
import { settingsEn, settingsNe } from '../features/settings/public'
import { setupEn, setupNe } from '../features/setup/public'
import { shiftsEn, shiftsNe } from '../features/shifts/public'
import { usersEn, usersNe } from '../features/users/public'
import { productsEn, productsNe } from '../features/products/public'
import { promosEn, promosNe } from '../features/promos/public'
import { reportsEn, reportsNe } from '../features/reports/public'
import { stockEn, stockNe } from '../features/stock/public'
import { taxesEn, taxesNe } from '../features/taxes/public'
import { errorsEn } from '../platform/errors.en'
import { errorsNe } from '../platform/errors.ne'
import type { Language } from '#shared/contract/common'
import type { Translation } from '../platform/i18n/translate'
import { formEn } from '../ui/form.en'
import { formNe } from '../ui/form.ne'
import { uiEn } from '../ui/ui.en'
import { uiNe } from '../ui/ui.ne'
import { appEn } from './app.en'
import { appNe } from './app.ne'

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

/** Nepali: every feature's `<f>.ne.ts`, each typed by its English catalog, so a missing key fails the compile. */
export const ne: Dictionary = {
  ...appNe,
  ...uiNe,
  ...errorsNe,
  ...sessionNe,
  ...scanNe,
  ...cartNe,
  ...checkoutNe,
  ...discountsNe,
  ...approvalNe,
  ...receiptsNe,
  ...returnsNe,
  ...invoicesNe,
  ...managerNe,
  ...parkedNe,
  ...printingNe,
  ...tokensNe,
  ...formNe,
  ...setupNe,
  ...settingsNe,
  ...usersNe,
  ...productsNe,
  ...promosNe,
  ...stockNe,
  ...taxesNe,
  ...salesHistoryNe,
  ...reportsNe,
  ...shiftsNe,
}

/** The languages the till can show, by BCP-47 language. */
export const DICTIONARIES = { en, ne } satisfies Record<Language, Dictionary>
