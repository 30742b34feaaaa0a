import { PERMISSIONS, type ChannelPermission, type Permission, type Role } from '#shared/ipc/permissions'

/**
 * What each role may do (DESIGN §2.4), in one place. A cashier sells, gives discounts up to the
 * store's limit and closes their shift; a manager may do everything over cashiers and managers; the
 * owner everything over everyone. Anything a role lacks it can still do once with an approval.
 */
export const ROLE_PERMISSIONS: { readonly [R in Role]: readonly Permission[] } = {
  cashier: ['sale.discount', 'shift.close'],
  manager: PERMISSIONS,
  owner: PERMISSIONS,
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

/** What a store's settings may grant beyond the roles (DESIGN §2.4): cashiers taking returns. */
export interface StoreGrants {
  readonly cashiersMayReturn: boolean
}

/** Whether a caller with this role (or signed out, `null`) passes a channel's permission by itself, in a store that grants `grants`. */
export function allows(role: Role | null, required: ChannelPermission, grants?: StoreGrants): boolean {
  if (required === 'public') return true
  if (role === null) return false
  if (required === 'signedIn' || roleHas(role, required)) return true
  return required === 'sale.return' && role === 'cashier' && grants?.cashiersMayReturn === true
}

/** Roles whose users may manage users of `target`'s role: managers over cashiers and managers, the owner over all. */
export function mayManageRole(actor: Role, target: Role): boolean {
  if (!roleHas(actor, 'users.manage')) return false
  return target !== 'owner' || actor === 'owner'
}
