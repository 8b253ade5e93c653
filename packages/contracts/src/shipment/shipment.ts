import { z } from 'zod';
import { ZOrderStatus } from '../order/order.ts';

/**
 * Express shipping and courier tracking (issue 6, points 1–2). Routes: see ROUTES.md beside this file.
 * Tracking states are Kuaidi100's `state` codes (0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回,
 * 7 转投, 14 拒签); null until the first event arrives.
 */
export const ZCourier = z.object({ code: z.string(), name: z.string() });
export type TCourier = z.infer<typeof ZCourier>;

export const ZShipLine = z.strictObject({ lineId: z.string().uuid(), quantity: z.number().int().min(1).max(100_000) });
export const ZShipPackage = z.strictObject({
  courierCode: z.string().trim().min(1).max(40),
  trackingNo: z.string().trim().min(1).max(40),
  /** Units of each order line in this package; omitted: everything still to ship (one package only). */
  lines: z.array(ZShipLine).min(1).max(200).optional(),
});
export const ZShipRequest = z.strictObject({ packages: z.array(ZShipPackage).min(1).max(20) });
export type TShipRequest = z.infer<typeof ZShipRequest>;
export type TShipPackage = z.infer<typeof ZShipPackage>;

export const ZTrackingEvent = z.object({
  at: z.string(),
  context: z.string(),
  /** Kuaidi100 state of this event when the courier reported one. */
  state: z.number().int().nullable(),
  areaName: z.string().nullable(),
});
export type TTrackingEvent = z.infer<typeof ZTrackingEvent>;

export const ZShipment = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  courierCode: z.string(),
  courierName: z.string(),
  trackingNo: z.string(),
  lines: z.array(z.object({ lineId: z.string(), title: z.string(), specValues: z.array(z.string()), image: z.string().nullable(), quantity: z.number().int() })),
  trackingState: z.number().int().nullable(),
  /** 已揽收 / 运输中 / 派送中 / 已签收 / 疑难 …, in the request's language. */
  trackingLabel: z.string(),
  exception: z.boolean(),
  shippedAt: z.string(),
  deliveredAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  /** Newest first. */
  events: z.array(ZTrackingEvent),
});
export type TShipment = z.infer<typeof ZShipment>;

/** An order as the shipping screens need it: lines with what is shipped and left, and its packages. */
export const ZOrderShipping = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  status: ZOrderStatus,
  /** Only express orders ship by courier here. */
  shippable: z.boolean(),
  lines: z.array(z.object({
    lineId: z.string(), title: z.string(), specValues: z.array(z.string()), image: z.string().nullable(),
    quantity: z.number().int(), shipped: z.number().int(), remaining: z.number().int(),
  })),
  shipments: z.array(ZShipment),
  /** When every package is delivered: the order completes by itself at this time unless the shopper confirms first. */
  autoConfirmAt: z.string().nullable(),
});
export type TOrderShipping = z.infer<typeof ZOrderShipping>;

export const ZShipResult = z.object({ shipmentIds: z.array(z.string()), orderStatus: ZOrderStatus });
export type TShipResult = z.infer<typeof ZShipResult>;

export const SHIPPING_TABS = ['to_ship', 'shipped', 'exception'] as const;
export const ZShippingQueueQuery = z.object({
  tab: z.enum(SHIPPING_TABS).default('to_ship'),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TShippingQueueQuery = z.infer<typeof ZShippingQueueQuery>;

export const ZShippingQueueItem = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  /** The order's status on the to-ship tab; null on package rows. */
  orderStatus: ZOrderStatus.nullable(),
  recipient: z.string().nullable(),
  mobile: z.string().nullable(),
  region: z.string().nullable(),
  itemCount: z.number().int(),
  firstTitle: z.string(),
  paidAt: z.string().nullable(),
  /** The package of this row (shipped and exception tabs); null on the to-ship tab. */
  shipment: ZShipment.omit({ events: true }).extend({ lastContext: z.string().nullable() }).nullable(),
  /** Why the row is an exception: the courier's state, or days without news. */
  exceptionReason: z.string().nullable(),
});
export type TShippingQueueItem = z.infer<typeof ZShippingQueueItem>;
export const ZShippingQueue = z.object({
  items: z.array(ZShippingQueueItem), total: z.number().int(),
  counts: z.object({ to_ship: z.number().int(), shipped: z.number().int(), exception: z.number().int() }),
});
export type TShippingQueue = z.infer<typeof ZShippingQueue>;

export const ZShipImportStatus = z.object({
  id: z.string(),
  status: z.enum(['validating', 'importing', 'done', 'failed']),
  fileName: z.string(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  shippedRows: z.number().int(),
  errorCount: z.number().int(),
  /** The rejected rows with an 错误 column; null when every row shipped. */
  errorReportUrl: z.string().nullable(),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TShipImportStatus = z.infer<typeof ZShipImportStatus>;

export const ZPickListQuery = z.object({
  /** Comma-separated order ids (at most 200). */
  orderIds: z.string().min(1).max(200 * 37),
  lang: z.enum(['zh-CN', 'en']).optional(),
});

/** The shopper's view: packages with their timelines, and when the order completes by itself. */
export const ZShopTracking = z.object({
  orderId: z.string(),
  shipments: z.array(ZShipment.omit({ orderNo: true })),
  autoConfirmAt: z.string().nullable(),
});
export type TShopTracking = z.infer<typeof ZShopTracking>;
