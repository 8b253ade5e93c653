import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ORDER_TABS, ZOrderDetail, ZOrderStatus } from './order.ts';

export const ZAdminOrderQuery = z.object({
  status: z.enum(ORDER_TABS).default('all'),
  /** Order number (prefix) or the buyer's full mobile or its last 4 digits. */
  q: z.string().trim().max(40).optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TAdminOrderQuery = z.input<typeof ZAdminOrderQuery>;

export const ZAdminOrderRow = z.object({
  id: z.string(),
  orderNo: z.string(),
  status: ZOrderStatus,
  createdAt: z.string(),
  /** Masked in lists: 139****0001. */
  buyerMobile: z.string().nullable(),
  recipient: z.string().nullable(),
  itemCount: z.number().int(),
  firstTitle: z.string(),
  itemsTotalFen: ZFen,
  discountFen: ZFen,
  shippingFen: ZFen,
  payableFen: ZFen,
  paidAt: z.string().nullable(),
});
export type TAdminOrderRow = z.infer<typeof ZAdminOrderRow>;
export const ZAdminOrderPage = z.object({ items: z.array(ZAdminOrderRow), total: z.number().int() });

export const ZPriceAdjustment = z.object({
  id: z.string(),
  staffName: z.string(),
  beforeFen: ZFen,
  afterFen: ZFen,
  shippingBeforeFen: ZFen,
  shippingAfterFen: ZFen,
  reason: z.string(),
  at: z.string(),
});

export const ZAdminOrderDetail = ZOrderDetail.extend({
  buyerMobile: z.string().nullable(),
  customerId: z.string(),
  merchantRemark: z.string(),
  adjustments: z.array(ZPriceAdjustment),
  adminActions: z.array(z.enum(['adjust_price', 'close', 'remark'])),
});
export type TAdminOrderDetail = z.infer<typeof ZAdminOrderDetail>;

export const ZOrderRemarkInput = z.object({ remark: z.string().trim().max(500) });
/** 改价: the new goods amount (discount allocated over lines) and shipping of an unpaid order. */
export const ZOrderAdjustInput = z.object({
  itemsPayableFen: ZFen.min(0),
  shippingFen: ZFen.min(0),
  reason: z.string().trim().min(1).max(200),
});
export const ZOrderCloseInput = z.object({ reason: z.string().trim().max(200).default('') });
