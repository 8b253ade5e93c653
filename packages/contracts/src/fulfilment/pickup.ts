import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZDeliverySlot } from '../order/order.ts';

/** 到店自提 and 同城配送 after payment (issue 6 point 3). */

/** 8 digits, drawn with crypto randomness, unique among open pickups. */
export const ZPickupCode = z.string().trim().regex(/^\d{8}$/, '8 digits');
export const ZPickupCodeInput = z.object({ code: ZPickupCode });

/** `cancelled`: the order was closed (refunded) before pickup. */
export const ZPickupStatus = z.enum(['ready', 'picked_up', 'cancelled']);

/** What the shopper sees on a pickup order: the code and its QR image (PNG data URL). */
export const ZShopPickup = z.object({
  orderId: z.string(),
  status: ZPickupStatus,
  code: z.string(),
  qrDataUrl: z.string(),
  storeName: z.string(),
  storeAddress: z.string(),
  storePhone: z.string(),
  /** Monday first; null: closed. */
  hours: z.array(z.object({ open: z.string(), close: z.string() }).nullable()),
  readyAt: z.string(),
  pickedUpAt: z.string().nullable(),
});
export type TShopPickup = z.infer<typeof ZShopPickup>;

/** What store staff see after entering or scanning a code. */
export const ZAdminPickup = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  status: ZPickupStatus,
  storeId: z.string(),
  storeName: z.string(),
  buyerMobile: z.string().nullable(),
  payableFen: ZFen,
  lines: z.array(z.object({ title: z.string(), specValues: z.array(z.string()), quantity: z.number().int(), image: z.string().nullable() })),
  readyAt: z.string(),
  pickedUpAt: z.string().nullable(),
  pickedUpBy: z.string().nullable(),
});
export type TAdminPickup = z.infer<typeof ZAdminPickup>;

export const ZLocalDeliveryStatus = z.enum(['waiting', 'out_for_delivery', 'delivered', 'cancelled']);
export const ZAdminLocalDelivery = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  status: ZLocalDeliveryStatus,
  storeId: z.string(),
  storeName: z.string(),
  slot: ZDeliverySlot,
  distanceMetres: z.number().int(),
  recipient: z.string().nullable(),
  addressText: z.string().nullable(),
  createdAt: z.string(),
  outAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type TAdminLocalDelivery = z.infer<typeof ZAdminLocalDelivery>;
export const ZAdminLocalDeliveryQuery = z.object({ status: z.enum(['waiting', 'out_for_delivery', 'delivered', 'all']).default('waiting') });
export const ZAdminLocalDeliveryList = z.object({ items: z.array(ZAdminLocalDelivery) });
