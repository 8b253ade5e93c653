import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { LoyaltyService } from '../loyalty/index.ts';
import type { PromotionService } from '../promotion/index.ts';
import type { Catalog } from '../catalog/index.ts';
import type { Identity } from '../identity/index.ts';
import type { OrderService } from '../order/index.ts';
import { createMallItems } from './mall-items.ts';
import { createMallRecords } from './mall-records.ts';
import { createExchange } from './exchange.ts';
import type { MallPorts } from './points-mall-ports.ts';
import { registerShopPointsMallRoutes } from './points-mall.routes.shop.ts';
import { registerAdminPointsMallRoutes } from './points-mall.routes.admin.ts';
import './points-mall.errors.ts';

export { PointsMallErrors } from './points-mall.errors.ts';
export type { MallPorts } from './points-mall-ports.ts';

type Deps = {
  db: Db;
  loyalty: Pick<LoyaltyService, 'points'>;
  promotion: Pick<PromotionService, 'issuer' | 'registry'>;
  catalog: Pick<Catalog, 'skuSnapshots'>;
  identity: Pick<Identity, 'contactsOf'>;
  orders: Pick<OrderService, 'placeExchangeOrder'>;
};

/**
 * 积分商城 (issue 8 point 2): items priced in points — a coupon template or a SKU — with stock, a
 * per-customer limit and an on-shelf window; exchanges spend points through the loyalty ledger,
 * issue coupons through the promotion issuer and ship products as paid orders of the order module,
 * all in one transaction.
 */
export function createPointsMall(deps: Deps) {
  const { db } = deps;
  const ports: MallPorts = {
    async couponTemplate(id, q) {
      const t = await deps.promotion.issuer.template(id, q);
      if (!t) return null;
      const def = deps.promotion.registry.coupons.get(t.kind);
      const parsed = def?.args.safeParse(t.args);
      const summary = def && parsed?.success ? def.summary(parsed.data) : { zh: t.name, en: t.name };
      const issuable = t.status === 'active' && (t.validity.type === 'relative' || new Date(t.validity.until).getTime() > Date.now());
      return { name: t.name, summary, issuable };
    },
    async sku(id, q) {
      const s = (await deps.catalog.skuSnapshots([id], q)).get(id);
      if (!s) return null;
      const title = s.specValues.length ? `${s.title}（${s.specValues.join(' / ')}）` : s.title;
      return { title, image: s.image, priceFen: s.priceFen, sellable: s.sellable };
    },
    pointsBalance: (customerId, q) => deps.loyalty.points.balance(customerId, q),
    async spendPoints(q, input) {
      // A redemption like checkout's (kind `redeem`, into `points_redeemed`); the memo names the item.
      await deps.loyalty.points.debit(q, { ...input, kind: 'redeem', to: 'points_redeemed' });
    },
    async issueCoupon(q, input) {
      const t = await deps.promotion.issuer.template(input.templateId, q);
      if (!t) return { ok: false, reason: 'not_issuable' };
      const out = await deps.promotion.issuer.issueOne(q, t, input.customerId, input.key);
      return out.ok ? { ok: true, couponId: out.coupon.id } : { ok: false, reason: out.reason };
    },
    placeProductOrder: (q, input) => deps.orders.placeExchangeOrder(q, {
      customerId: input.customerId, skuId: input.skuId, addressId: input.addressId, ref: `points-mall:${input.exchangeId}`,
      label: `积分商城兑换（${input.points} 积分）`,
    }),
    async mobilesOf(customerIds) {
      const out = new Map<string, string | null>();
      for (const id of customerIds) out.set(id, (await deps.identity.contactsOf(id)).phone);
      return out;
    },
  };
  const items = createMallItems(db, ports);
  const records = createMallRecords(db, ports);
  const exchange = createExchange(db, ports, items);
  return {
    items,
    records,
    exchange,
    registerRoutes(app: App) {
      registerShopPointsMallRoutes(app, { db, items, records, exchange });
      registerAdminPointsMallRoutes(app, { items, records });
    },
  };
}
export type PointsMallService = ReturnType<typeof createPointsMall>;
