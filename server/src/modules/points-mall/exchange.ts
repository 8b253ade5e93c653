import { sql } from 'drizzle-orm';
import type { TMallExchange, TMallExchangeResult } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { onShelfAt } from './points-mall.rules.ts';
import { shelfOf, type MallItems } from './mall-items.ts';
import type { MallPorts } from './points-mall-ports.ts';

export type ExchangeRow = {
  id: string; customer_id: string; item_id: string; kind: 'coupon' | 'product'; title: string; image: string | null; points: number | string;
  status: 'completed'; coupon_id: string | null; order_id: string | null; created_at: Date | string;
};

export const presentExchange = (r: ExchangeRow): TMallExchange => ({
  id: r.id, itemId: r.item_id, kind: r.kind, title: r.title, image: r.image, points: Number(r.points), status: r.status,
  couponId: r.coupon_id, orderId: r.order_id, createdAt: new Date(r.created_at).toISOString(),
});

/** Why the promotion issuer refused, as this module's error (the transaction then rolls back: no points spent). */
const ISSUE_ERRORS: Record<string, 'points_mall.coupon_sold_out' | 'points_mall.coupon_limit_reached'> = { sold_out: 'points_mall.coupon_sold_out', limit_reached: 'points_mall.coupon_limit_reached' };

/**
 * 兑换: one transaction, so a refusal anywhere leaves nothing behind (no points spent, no stock
 * taken, no coupon, no order). In order:
 * 1. the exchange row, once per shopper and idempotency key (a repeat returns the first exchange);
 * 2. the shopper's count of this item: a conditional upsert below the per-customer limit;
 * 3. the points: one loyalty entry `points-mall:<id>`, a conditional update never below zero;
 * 4. the item's stock: a conditional update while on the shelf, in its window and stock ≥ 1;
 * 5. the coupon (the promotion issuer, with the template's own limits) or the product's order.
 * Locks are taken in that order — the shopper's rows first, then the hot item row — so parallel
 * exchanges never wait on each other in a cycle, and the hot row is held only for the last steps.
 */
export function createExchange(db: Db, ports: MallPorts, items: MallItems) {
  async function byKey(q: Q, customerId: string, key: string): Promise<ExchangeRow | undefined> {
    const [r] = await db.rows<ExchangeRow>(sql`select * from points_mall_exchanges where customer_id = ${customerId} and idempotency_key = ${key}`, q);
    return r;
  }

  return async function exchange(customerId: string, input: { itemId: string; addressId?: string; idempotencyKey?: string }): Promise<TMallExchangeResult> {
    const key = input.idempotencyKey ?? newId();
    const item = await items.one(input.itemId);
    const now = clock.now();
    if (item.kind === 'product' && !input.addressId) {
      throw new KoiError('points_mall.address_required', {}, { fieldErrors: [{ path: 'body.addressId', message: 'required for a product', code: 'points_mall.address_required' }] });
    }
    const done = await db.tx(async (q) => {
      const id = newId();
      const fresh = await db.rows<ExchangeRow>(sql`insert into points_mall_exchanges
          (id, customer_id, item_id, kind, title, image, points, status, idempotency_key, created_at)
        values (${id}, ${customerId}, ${item.id}, ${item.kind}, ${item.title || item.refName}, ${item.image}, ${item.pointsPrice}, 'completed', ${key}, ${now})
        on conflict (customer_id, idempotency_key) do nothing returning *`, q);
      if (!fresh.length) {
        const old = await byKey(q, customerId, key);
        if (!old || old.item_id !== item.id) throw new KoiError('points_mall.idempotency_conflict');
        return old;
      }
      if (!onShelfAt(shelfOf(item), now)) throw new KoiError('points_mall.unavailable');

      const counted = await db.rows(sql`insert into points_mall_counts (item_id, customer_id, count) values (${item.id}, ${customerId}, 1)
        on conflict (item_id, customer_id) do update set count = points_mall_counts.count + 1
        where points_mall_counts.count < ${item.perCustomerLimit} returning count`, q);
      if (!counted.length) throw new KoiError('points_mall.limit_reached', { limit: item.perCustomerLimit });

      const ref = `points-mall:${id}`;
      await ports.spendPoints(q, { customerId, key: ref, amount: item.pointsPrice, memo: `积分商城兑换：${item.title || item.refName}`, ref });

      const taken = await db.rows<{ points_price: number; per_customer_limit: number }>(sql`update points_mall_items
        set stock = stock - 1, exchanged_count = exchanged_count + 1, updated_at = ${now}
        where id = ${item.id} and deleted_at is null and on_shelf and stock >= 1
          and (valid_from is null or valid_from <= ${now}) and (valid_until is null or valid_until > ${now})
          and points_price = ${item.pointsPrice} and per_customer_limit = ${item.perCustomerLimit}
        returning points_price, per_customer_limit`, q);
      if (!taken.length) {
        // Sold out, or the operator changed the item between our read and now: say which.
        const [cur] = await db.rows<{ stock: number }>(sql`select stock from points_mall_items where id = ${item.id}`, q);
        throw new KoiError(cur && Number(cur.stock) <= 0 ? 'points_mall.sold_out' : 'points_mall.unavailable');
      }

      let couponId: string | null = null;
      let orderId: string | null = null;
      if (item.kind === 'coupon') {
        const issued = await ports.issueCoupon(q, { templateId: item.refId, customerId, key: ref });
        if (!issued.ok) throw new KoiError(ISSUE_ERRORS[issued.reason] ?? 'points_mall.coupon_unavailable');
        couponId = issued.couponId;
      } else {
        orderId = (await ports.placeProductOrder(q, { customerId, skuId: item.refId, addressId: input.addressId!, exchangeId: id, points: item.pointsPrice, title: item.title || item.refName })).orderId;
      }
      const [row] = await db.rows<ExchangeRow>(sql`update points_mall_exchanges set coupon_id = ${couponId}, order_id = ${orderId} where id = ${id} returning *`, q);
      return row!;
    });
    return { ...presentExchange(done), balance: await ports.pointsBalance(customerId) };
  };
}
export type Exchange = ReturnType<typeof createExchange>;
