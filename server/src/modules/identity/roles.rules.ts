import { PERMISSIONS, ROLES, type TPermission, type TRole } from '@koi/contracts';

/**
 * What each role may do. Anything not listed is denied. Store-scoped staff (storeId set) are further
 * limited to their own store's records by the routes.
 */
export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  owner: PERMISSIONS,
  operator: [
    'dashboard:view', 'staff:view', 'store:view', 'customer:view', 'customer:manage', 'customer:reveal', 'order:view', 'order:manage',
    'product:view', 'product:manage', 'marketing:view', 'marketing:manage', 'jobs:view',
    'shipping:view', 'shipping:manage', 'order:ship',
    'review:view', 'review:manage',
    'aftersale:view', 'aftersale:manage',
  ],
  store_manager: ['dashboard:view', 'staff:view', 'staff:manage', 'store:view', 'customer:view', 'customer:manage', 'order:view', 'order:manage', 'product:view', 'review:view'],
  shopping_guide: ['dashboard:view', 'customer:view', 'order:view', 'product:view'],
  customer_service: ['dashboard:view', 'customer:view', 'customer:manage', 'customer:reveal', 'order:view', 'product:view', 'shipping:view', 'review:view', 'review:manage', 'aftersale:view', 'aftersale:manage'],
  finance: ['dashboard:view', 'order:view', 'finance:view', 'customer:view', 'store:view', 'aftersale:view'],
};

export const ROLE_NAMES: Record<TRole, { zh: string; en: string }> = {
  owner: { zh: '店主', en: 'Owner' },
  operator: { zh: '运营', en: 'Operator' },
  store_manager: { zh: '店长', en: 'Store manager' },
  shopping_guide: { zh: '导购', en: 'Shopping guide' },
  customer_service: { zh: '客服', en: 'Customer service' },
  finance: { zh: '财务', en: 'Finance' },
};

/** Roles that only make sense inside one store. */
export const STORE_ROLES: readonly TRole[] = ['store_manager', 'shopping_guide'];

export function permissionsOf(role: TRole): ReadonlySet<TPermission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export type StaffChangeActor = { id: string; role: TRole; storeId: string | null };
export type StaffChangeTarget = { id?: string; role: TRole; storeId: string | null };

/**
 * Who may create or change whose account. An owner manages anyone but cannot demote or disable
 * themself (a shop must keep an owner). A store-scoped manager manages only guides and customer
 * service of their own store. Returns the reason code, or null when allowed.
 */
export function staffChangeDenied(actor: StaffChangeActor, before: StaffChangeTarget | null, after: StaffChangeTarget & { disabled?: boolean }):
  | null
  | 'identity.staff_role_not_assignable'
  | 'identity.staff_store_required'
  | 'identity.cannot_change_self'
  | 'auth.store_scope' {
  if (STORE_ROLES.includes(after.role) && after.storeId === null) return 'identity.staff_store_required';
  if (actor.role === 'owner') {
    if (before && before.id === actor.id && (after.role !== 'owner' || after.disabled)) return 'identity.cannot_change_self';
    return null;
  }
  const manageable: readonly TRole[] = ['shopping_guide', 'customer_service'];
  if (!manageable.includes(after.role) || (before && !manageable.includes(before.role))) return 'identity.staff_role_not_assignable';
  if (actor.storeId !== null && (after.storeId !== actor.storeId || (before && before.storeId !== actor.storeId))) return 'auth.store_scope';
  return null;
}

export const ALL_ROLES = ROLES;
