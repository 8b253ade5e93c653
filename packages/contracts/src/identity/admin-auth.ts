import { z } from 'zod';

export const ROLES = ['owner', 'operator', 'store_manager', 'shopping_guide', 'customer_service', 'finance'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Permissions are `area:action`; roles grant sets of them; everything else is denied. */
export const PERMISSIONS = [
  'dashboard:view',
  'staff:view', 'staff:manage',
  'store:view', 'store:manage',
  'customer:view', 'customer:manage', 'customer:reveal_pii',
  /** See a customer's full phone or address (each reveal is logged); `reveal_pii` stays owner-only. */
  'customer:reveal',
  'order:view', 'order:manage', 'order:ship',
  'shipping:view', 'shipping:manage',
  'aftersale:view', 'aftersale:manage',
  'product:view', 'product:manage',
  'marketing:view', 'marketing:manage',
  'finance:view',
  'jobs:view', 'jobs:manage',
  'review:view', 'review:manage',
] as const;
export const ZPermission = z.enum(PERMISSIONS);
export type TPermission = z.infer<typeof ZPermission>;

export const ZStaffLoginRequest = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});
export type TStaffLoginRequest = z.infer<typeof ZStaffLoginRequest>;

export const ZStaff = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  /** null: all stores; otherwise the one store this staff member may act in. */
  storeId: z.string().nullable(),
  storeName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type TStaff = z.infer<typeof ZStaff>;

export const ZStaffMe = ZStaff.extend({ permissions: z.array(ZPermission) });
export type TStaffMe = z.infer<typeof ZStaffMe>;

export const ZStaffSession = z.object({ token: z.string(), expiresAt: z.string(), staff: ZStaffMe });
export type TStaffSession = z.infer<typeof ZStaffSession>;

export const ZCreateStaffRequest = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(200),
  name: z.string().trim().min(1).max(50),
  password: z.string().min(8, 'at least 8 characters').max(200),
  role: ZRole,
  storeId: z.string().min(1).max(64).nullable().default(null),
});
export type TCreateStaffRequest = z.infer<typeof ZCreateStaffRequest>;

export const ZUpdateStaffRequest = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  role: ZRole.optional(),
  storeId: z.string().min(1).max(64).nullable().optional(),
  disabled: z.boolean().optional(),
});
export type TUpdateStaffRequest = z.infer<typeof ZUpdateStaffRequest>;

export const ZStaffList = z.object({ items: z.array(ZStaff), total: z.number().int() });
export type TStaffList = z.infer<typeof ZStaffList>;

export const ZRoleInfo = z.object({
  role: ZRole,
  nameZh: z.string(),
  nameEn: z.string(),
  permissions: z.array(ZPermission),
  /** The role only exists inside one store: an account with it must name its store. */
  storeScoped: z.boolean(),
});
export const ZRoleList = z.object({ items: z.array(ZRoleInfo) });
export type TRoleInfo = z.infer<typeof ZRoleInfo>;

export const ZStore = z.object({ id: z.string(), name: z.string(), city: z.string(), address: z.string() });
export const ZStoreList = z.object({ items: z.array(ZStore) });
export type TStore = z.infer<typeof ZStore>;
