/**
 * The back office's sections in one list, in the order of its navigation: a feature adds its
 * section with one line here. A section is shown only to a user holding its permission (core
 * refuses its channels to anyone else all the same).
 */
import type { ComponentType } from 'react'
import type { Permission } from '#shared/ipc/permissions'
import { ProductsSection } from '../features/products/public'
import { PromosSection } from '../features/promos/public'
import { DashboardSection, ReportsSection } from '../features/reports/public'
import { SalesHistorySection } from '../features/sales-history/public'
import { SettingsSection } from '../features/settings/public'
import { ShiftsSection } from '../features/shifts/public'
import { StockSection } from '../features/stock/public'
import { TaxesSection } from '../features/taxes/public'
import { TokensSection } from '../features/tokens/public'
import { StaffSection } from '../features/users/public'
import type { PlainKey } from '../platform/i18n/translate'
import type { AppTexts } from './catalogs'

export interface BackOfficeSection {
  /** Stable name: the navigation's test ids and the page objects use it. */
  readonly id: string
  /** The navigation's label and the section's heading. */
  readonly labelKey: PlainKey<AppTexts>
  readonly permission: Permission
  /** Drawn in the back office's main area while the section is chosen; it reads what it needs from the store. */
  readonly Component: ComponentType
}

export const BACK_OFFICE_SECTIONS: readonly BackOfficeSection[] = [
  // First, so it is what a manager sees on opening the back office: how today is going.
  { id: 'dashboard', labelKey: 'dashboard.section', permission: 'reports.view', Component: DashboardSection },
  { id: 'products', labelKey: 'backOffice.section.products', permission: 'catalog.manage', Component: ProductsSection },
  { id: 'taxes', labelKey: 'backOffice.section.taxes', permission: 'catalog.manage', Component: TaxesSection },
  { id: 'stock', labelKey: 'backOffice.section.stock', permission: 'stock.manage', Component: StockSection },
  { id: 'tokens', labelKey: 'backOffice.section.tokens', permission: 'tokens.manage', Component: TokensSection },
  { id: 'promos', labelKey: 'backOffice.section.promos', permission: 'promos.manage', Component: PromosSection },
  { id: 'staff', labelKey: 'backOffice.section.staff', permission: 'users.manage', Component: StaffSection },
  { id: 'settings', labelKey: 'backOffice.section.settings', permission: 'settings.manage', Component: SettingsSection },
  // Beside the reports: what was sold, sale by sale.
  { id: 'sales', labelKey: 'sales.section', permission: 'reports.view', Component: SalesHistorySection },
  { id: 'reports', labelKey: 'reports.section', permission: 'reports.view', Component: ReportsSection },
  { id: 'shifts', labelKey: 'shifts.section', permission: 'reports.view', Component: ShiftsSection },
]

/** The sections a user with these permissions sees, in navigation order. */
export function sectionsFor(permissions: readonly Permission[]): readonly BackOfficeSection[] {
  return BACK_OFFICE_SECTIONS.filter((section) => permissions.includes(section.permission))
}

/** Whether a user with these permissions may open the back office at all. */
export function mayUseBackOffice(permissions: readonly Permission[]): boolean {
  return sectionsFor(permissions).length > 0
}
