import type { TAddressSnapshot, TCheckoutBalance, TCheckoutPoints, TCheckoutPreview, TCheckoutStore, TDeliverySlot, TOrderPayAction, TPayChannel, TPriceNote } from '@koi/contracts';
import type { Q } from '../../platform/db.ts';
import type { Lang } from '../../platform/errors.ts';
import type { PricedLineInput } from '../cart/index.ts';
import type { LineDiscount } from './order.tables.ts';

/**
 * What checkout needs from other modules, named from the order's side. `app.ts` binds each to the
 * owning module's service (pricing + promotion, customer addresses, fulfilment's shipping templates,
 * payment); the order module never reads their tables.
 */
/** `balanceFen`: the line's share of the stored-value payment (largest remainder), so a refund knows its balance part. */
export type LineQuote = { unitPriceFen: number; subtotalFen: number; discounts: LineDiscount[]; discountFen: number; payableFen: number; balanceFen: number };

export type PriceQuote = {
  lines: Map<string, LineQuote>;
  itemsTotalFen: number;
  promotionDiscountFen: number;
  couponDiscountFen: number;
  shippingFen: number;
  shippingDiscountFen: number;
  payableFen: number;
  applied: TPriceNote[];
  notApplied: TPriceNote[];
  coupons: TCheckoutPreview['coupons'];
  chosenCouponIds: string[];
  /** Coupons the shopper chose that cannot be used on this order (not theirs, held, expired, below threshold). */
  rejectedCouponIds: string[];
  /** 积分抵扣 and 余额 (issue 8): the rows of the confirm page, and what this quote spends. */
  points: TCheckoutPoints | null;
  balance: TCheckoutBalance | null;
  pointsUsed: number;
  pointsFen: number;
  /** Paid from the stored-value balance: part of `payableFen`; the rest goes through WeChat/Alipay. */
  balanceFen: number;
  /** 满赠: SKUs given with the order (stock checked when priced; reserved again when the order is placed). */
  gifts: QuoteGift[];
};

/** A gift of a promotion: `text` in the shopper's language ("满 ¥299 赠 茶巾一条：已赠 茶巾一条"). */
export type QuoteGift = { promotionId: string; name: string; skuId: string; quantity: number; text: string };

/** The shopper's choice: points (true = as many as allowed, a number = at most that many) and balance. */
export type LoyaltyChoice = { points: boolean | number; balance: boolean };

export type PricingPort = {
  /** Prices lines with the active promotions and the coupons chosen (`'best'`: the server picks). */
  quote(input: { customerId: string | null; lines: PricedLineInput[]; couponIds: string[] | 'best'; shippingFen: number; lang: Lang; withCoupons: boolean; loyalty?: LoyaltyChoice }): Promise<PriceQuote>;
};

/**
 * Points and stored value held by an order (the loyalty module, inside the caller's transaction,
 * idempotent per order): frozen at checkout (409 when short), spent when paid, back when closed unpaid.
 */
export type LoyaltyPort = {
  freeze(q: Q, input: { customerId: string; orderId: string; points: number; balanceFen: number }): Promise<void>;
  consume(q: Q, orderId: string): Promise<void>;
  release(q: Q, orderId: string): Promise<void>;
};

export type CouponPort = {
  freeze(q: Q, couponIds: string[], customerId: string, orderId: string): Promise<void>;
  consume(q: Q, orderId: string): Promise<void>;
  release(q: Q, orderId: string): Promise<void>;
};

export type AddressPort = {
  addressFor(customerId: string, addressId: string): Promise<TAddressSnapshot>;
  defaultAddress(customerId: string): Promise<TAddressSnapshot | null>;
};

export type ShippingLine = { lineId: string; productId: string; templateId: string | null; quantity: number; unitWeightGrams: number; subtotalFen: number };
export type ShippingPort = {
  quote(lines: ShippingLine[], to: { provinceCode: string; cityCode: string }, lang: Lang): Promise<{ feeFen: number; undeliverable: { lineId: string; reason: string }[] }>;
};

export type PaymentPort = {
  start(input: { orderId: string; orderNo: string; amountFen: number; description: string; channel: TPayChannel; customerId: string; clientIp: string; expiresAt: Date; returnUrl?: string }): Promise<TOrderPayAction>;
  closeFor(orderId: string): Promise<void>;
  refundLate(input: { orderId: string; orderNo: string; intentId: string; amountFen: number }): Promise<void>;
};

/** Local delivery to an address: the store that serves it, or why none does. */
export type LocalOffer =
  | { ok: true; store: TCheckoutStore; distanceMetres: number; feeFen: number; slots: TDeliverySlot[] }
  | { ok: false; reason: 'unlocated' | 'out_of_range' | 'no_store'; nearestMetres: number | null };

/** Store pickup and local delivery (fulfilment + store), issue 6 point 3. */
export type DeliveryPort = {
  /** Stores offering pickup; nearest to the district first when it can be placed. */
  pickupStores(near: { districtCode: string } | null): Promise<TCheckoutStore[]>;
  localOffer(input: { districtCode: string; goodsFen: number; now: Date }): Promise<LocalOffer>;
};

export type ContactPort = { mobileOf(customerId: string): Promise<string | null> };

export type OrderPorts = {
  pricing: PricingPort;
  coupons: CouponPort;
  addresses: AddressPort;
  shipping: ShippingPort;
  payment: PaymentPort;
  contacts: ContactPort;
  delivery: DeliveryPort;
  loyalty: LoyaltyPort;
};
