import { sql } from 'drizzle-orm';
import type { TAfterSaleRefundedEvent, TOrderCompletedEvent, TOrderPaidEvent } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { clawbackTarget, growthForPaid, pointsForPaid } from './points.rules.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import type { Points } from './points.ts';
import type { Members } from './members.ts';
import type { MemberBenefits } from './member-benefits.ts';

type OrderRow = { order_id: string; customer_id: string; paid_fen: string | number; refunded_fen: string | number; fully_refunded: boolean;
  points_earned: string | number; points_clawed: string | number; growth_added: string | number; growth_removed: string | number; earned_at: Date | null;
  points_multiplier_pct: number | null };
const n = (v: string | number) => Number(v);

/**
 * What orders do to points and growth (reacting to order and after-sale events, inside the
 * subscriber's transaction): growth at payment; points at payment or completion (the merchant's
 * choice) by the member's effective multiplier when paying (level, paid card, member day); the first-order bonus; proportional take-back on refunds.
 */
export function createOrderPoints(db: Db, deps: { config: LoyaltyConfig; points: Points; members: Members; benefits: Pick<MemberBenefits, 'benefitsOf'> }) {
  const { config, points, members } = deps;

  async function orderRow(q: Q, orderId: string): Promise<OrderRow | undefined> {
    const [row] = await db.rows<OrderRow>(sql`select * from loyalty_orders where order_id = ${orderId} for update`, q);
    return row;
  }

  async function earnFor(q: Q, orderId: string): Promise<void> {
    const row = await orderRow(q, orderId);
    if (!row || row.earned_at || row.fully_refunded) return;
    const settings = await config.settings(q);
    // The multiplier the member had when paying (level, paid card, member day), kept on the order.
    const multiplier = row.points_multiplier_pct ?? (await deps.benefits.benefitsOf(row.customer_id, clock.now(), q)).pointsMultiplierPct;
    const amount = pointsForPaid(n(row.paid_fen) - n(row.refunded_fen), settings.points.perYuan, multiplier);
    await points.earn(q, { customerId: row.customer_id, key: `order:${orderId}`, kind: 'order', amount, ref: `order:${orderId}`,
      memo: '购物得积分', expiry: settings.points.expiry });
    await db.rows(sql`update loyalty_orders set points_earned = ${amount}, earned_at = ${clock.now()} where order_id = ${orderId}`, q);
  }

  return {
    async onPaid(q: Q, e: TOrderPaidEvent): Promise<void> {
      // A 积分商城 exchange's order was paid with points (nothing in cash): no growth, points or first-order bonus.
      if (e.channel === 'points_mall') return;
      const fresh = await db.rows(sql`insert into loyalty_orders (order_id, customer_id, paid_fen, created_at)
        values (${e.orderId}, ${e.customerId}, ${e.paidFen}, ${clock.now()}) on conflict do nothing returning order_id`, q);
      if (!fresh.length) return;
      const settings = await config.settings(q);
      await members.ensure(q, e.customerId);
      const [m] = await db.rows<{ orders_paid: number }>(sql`update loyalty_members set orders_paid = orders_paid + 1 where customer_id = ${e.customerId} returning orders_paid`, q);
      const growth = growthForPaid(e.paidFen, settings.growth.perYuan);
      await db.rows(sql`update loyalty_orders set growth_added = ${growth} where order_id = ${e.orderId}`, q);
      await members.addGrowth(q, e.customerId, `order:${e.orderId}`, growth);
      const paidAt = Number.isNaN(Date.parse(e.at)) ? clock.now() : new Date(e.at);
      const { pointsMultiplierPct } = await deps.benefits.benefitsOf(e.customerId, paidAt, q);
      await db.rows(sql`update loyalty_orders set points_multiplier_pct = ${pointsMultiplierPct} where order_id = ${e.orderId}`, q);
      if (Number(m?.orders_paid) === 1) {
        await points.earn(q, { customerId: e.customerId, key: `first-order:${e.customerId}`, kind: 'first_order', amount: settings.points.firstOrder,
          ref: `order:${e.orderId}`, memo: '首单奖励', expiry: settings.points.expiry });
      }
      if (settings.points.earnAt === 'paid') await earnFor(q, e.orderId);
    },

    async onCompleted(q: Q, e: TOrderCompletedEvent): Promise<void> {
      await db.rows(sql`update loyalty_orders set completed_at = ${clock.now()} where order_id = ${e.orderId} and completed_at is null`, q);
      const settings = await config.settings(q);
      if (settings.points.earnAt === 'completed') await earnFor(q, e.orderId);
    },

    /** A refund reached the shopper: growth and earned points come back in proportion (or all, on a full refund). */
    async onRefunded(q: Q, e: TAfterSaleRefundedEvent): Promise<void> {
      const row = await orderRow(q, e.orderId);
      if (!row) return; // paid before loyalty knew of it: nothing was given
      const paid = n(row.paid_fen);
      const refunded = Math.min(paid, n(row.refunded_fen) + e.amountFen);
      const fully = row.fully_refunded || e.orderFullyRefunded || refunded >= paid;
      await db.rows(sql`update loyalty_orders set refunded_fen = ${refunded}, fully_refunded = ${fully} where order_id = ${e.orderId}`, q);

      const added = n(row.growth_added);
      const growthTarget = fully ? added : Math.floor((added * refunded) / Math.max(1, paid));
      const growthDelta = growthTarget - n(row.growth_removed);
      if (growthDelta > 0) {
        await members.addGrowth(q, row.customer_id, `refund:${e.afterSaleId}`, -growthDelta);
        await db.rows(sql`update loyalty_orders set growth_removed = growth_removed + ${growthDelta} where order_id = ${e.orderId}`, q);
      }
      if (!row.earned_at) return; // not credited yet: the credit will count only what was not refunded
      const settings = await config.settings(q);
      const target = clawbackTarget(settings.points.clawback, n(row.points_earned), paid, refunded, fully);
      const delta = target - n(row.points_clawed);
      if (delta <= 0) return;
      await points.takeBack(q, { customerId: row.customer_id, key: `clawback:${e.afterSaleId}`, amount: delta, ref: `order:${e.orderId}`,
        memo: `退款扣回积分（售后单 ${e.afterSaleNo}）` });
      // What could not be taken (already spent) is forgiven, but counts as settled so a later refund does not ask again.
      await db.rows(sql`update loyalty_orders set points_clawed = points_clawed + ${delta} where order_id = ${e.orderId}`, q);
    },
  };
}
export type OrderPoints = ReturnType<typeof createOrderPoints>;
