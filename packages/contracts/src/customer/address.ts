import { z } from 'zod';
import { ZRegionCode } from './region.ts';

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (the shop strips spaces before sending). */
export const ZChinaMobile = z.string().trim().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number: 11 digits starting 13–19');

/** Most addresses one shopper keeps (Taobao and JD allow 20–25; a gift-sending shopper needs more). */
export const ADDRESS_BOOK_LIMIT = 50;

/**
 * A shopper's address as sent by the shop (POST creates, PUT replaces). Region names are not sent:
 * the server derives them from the codes after checking district ∈ city ∈ province.
 */
export const ZAddressInput = z.strictObject({
  recipient: z.string().trim().min(1, 'required').max(25),
  mobile: ZChinaMobile,
  provinceCode: ZRegionCode,
  cityCode: ZRegionCode,
  districtCode: ZRegionCode,
  /** Street, building, room (详细地址). */
  detail: z.string().trim().min(2, 'at least 2 characters').max(120),
  /** 家 / 公司 / 学校 or the shopper's own word. */
  label: z.string().trim().min(1).max(8).nullable().default(null),
  /**
   * true makes it the default (the previous default stops being one). false never leaves a shopper
   * without a default: the first address is the default whatever is sent, and the current default
   * stays one until another address is made the default.
   */
  isDefault: z.boolean().default(false),
});
export type TAddressInput = z.input<typeof ZAddressInput>;

export const ZAddress = z.object({
  id: z.string(),
  recipient: z.string(),
  mobile: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  detail: z.string(),
  label: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAddress = z.infer<typeof ZAddress>;

/** The shopper's addresses, the default first, then the most recently changed. */
export const ZAddressList = z.object({ items: z.array(ZAddress), limit: z.number().int() });
export type TAddressList = z.infer<typeof ZAddressList>;

export const ZDefaultAddress = z.object({ address: ZAddress.nullable() });
export type TDefaultAddress = z.infer<typeof ZDefaultAddress>;

// What an order keeps of an address is the order contract's `ZAddressSnapshot` (order/order.ts);
// the customer service's `addressFor` returns it (see server/src/modules/customer/index.ts).
