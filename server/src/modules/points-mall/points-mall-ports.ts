import type { Q } from '../../platform/db.ts';

/**
 * What the points mall needs from other modules, each bound in `index.ts` to the owning module's
 * service (loyalty, promotion, catalog, identity, order); this module reads none of their tables.
 */
export type MallPorts = {
  /** The coupon template as the operator sees it, or null when unknown. */
  couponTemplate(id: string, q?: Q): Promise<{ name: string; summary: { zh: string; en: string }; issuable: boolean } | null>;
  /** The SKU's product data, or null when unknown or removed. */
  sku(id: string, q?: Q): Promise<{ title: string; image: string | null; priceFen: number; sellable: boolean } | null>;
  pointsBalance(customerId: string, q?: Q): Promise<number>;
  /** Spends points (the entry `key`, once); 409 loyalty.insufficient_points when short — the caller's transaction then rolls back. */
  spendPoints(q: Q, input: { customerId: string; key: string; amount: number; memo: string; ref: string }): Promise<void>;
  /** Issues one coupon of the template into the shopper's wallet, respecting its limits; the reason when it cannot. */
  issueCoupon(q: Q, input: { templateId: string; customerId: string; key: string }): Promise<{ ok: true; couponId: string } | { ok: false; reason: string }>;
  /** Places a paid order for one unit of the SKU, shipped to the address (stock reserved and committed through inventory). */
  placeProductOrder(q: Q, input: { customerId: string; skuId: string; addressId: string; exchangeId: string; points: number; title: string }): Promise<{ orderId: string }>;
  mobilesOf(customerIds: string[]): Promise<Map<string, string | null>>;
};
