/**
 * Who may do what. A channel declares one of these; core maps roles to permissions
 * (`core/api/policy.ts`) and checks them from the session, never from the renderer.
 */
export const ROLES = ['cashier', 'manager', 'owner'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'sale.discount',
  'sale.discountOverLimit',
  'sale.return',
  'sale.void',
  'drawer.noSale',
  'shift.close',
  'catalog.manage',
  'stock.manage',
  'tokens.manage',
  'promos.manage',
  'users.manage',
  'settings.manage',
  'reports.view',
  'backup.manage',
  'audit.view',
] as const
export type Permission = (typeof PERMISSIONS)[number]

/** Anyone (signed out too), any signed-in user, or a user holding one named permission. */
export type ChannelPermission = 'public' | 'signedIn' | Permission

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value)
}
