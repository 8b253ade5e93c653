import { and, asc, eq, sql } from 'drizzle-orm';
import type { TCouponStatus, TPricingCoupon, TWallet, TWalletCoupon } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import type { KindRegistry } from '../pricing/index.ts';
import { promotionCoupons } from './coupon.tables.ts';
import { summaryOf } from './kind-args.ts';
import { couponStatusAt } from './promotion-state.rules.ts';

export type CouponRow = typeof promotionCoupons.$inferSelect;

const uuidArray = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const STATUS_ORDER: Record<TCouponStatus, number> = { available: 0, frozen: 1, used: 2, expired: 3 };

/** Money fields every coupon kind so far has (amount_off); null for kinds without them. */
function moneyOf(args: Record<string, unknown>): { thresholdFen: number | null; amountFen: number | null } {
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  return { thresholdFen: n(args.thresholdFen), amountFen: n(args.amountFen) };
}

export function walletCoupon(registry: KindRegistry, r: CouponRow, now: Date): TWalletCoupon {
  return {
    id: r.id, templateId: r.templateId, code: r.code, kind: r.kind, name: r.name, summary: summaryOf(registry, 'coupon', r.kind, r.args).summary,
    ...moneyOf(r.args), scope: r.scope, status: couponStatusAt(r.status, r.validUntil, now), validFrom: r.validFrom.toISOString(),
    validUntil: r.validUntil.toISOString(), claimedAt: r.claimedAt.toISOString(), usedAt: r.usedAt?.toISOString() ?? null,
  };
}

export function pricingCoupon(r: CouponRow, now: Date): TPricingCoupon {
  return {
    id: r.id, templateId: r.templateId, kind: r.kind, name: r.name, args: r.args, scope: r.scope,
    status: couponStatusAt(r.status, r.validUntil, now), validFrom: r.validFrom.toISOString(), validUntil: r.validUntil.toISOString(),
  };
}

/** A shopper's coupons: the wallet page, and what checkout hands the pricing engine. One statement each. */
export function createCouponWallet(db: Db, registry: KindRegistry) {
  return {
    /** Available first (soonest to expire first), then held, used, expired. */
    async walletFor(customerId: string, now: Date, status?: TCouponStatus): Promise<TWallet> {
      const rows = await db.run((q) => q.select().from(promotionCoupons).where(eq(promotionCoupons.customerId, customerId)).orderBy(asc(promotionCoupons.validUntil), asc(promotionCoupons.id)));
      const items = rows.map((r) => walletCoupon(registry, r, now)).filter((c) => !status || c.status === status);
      return { items: items.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]) };
    },

    /** The coupons the shopper chose, for the engine (it explains any that cannot be used); 404 for ids not theirs. */
    async usableFor(customerId: string, ids: readonly string[], now: Date, q?: Q): Promise<TPricingCoupon[]> {
      const unique = [...new Set(ids)];
      if (!unique.length) return [];
      const bad = unique.find((id) => !isUuid(id));
      if (bad) throw new KoiError('promotion.coupon_not_found');
      const run = <T>(fn: (x: Q) => Promise<T>) => (q ? fn(q) : db.run(fn));
      const rows = await run((x) => x.select().from(promotionCoupons).where(and(eq(promotionCoupons.customerId, customerId), sql`${promotionCoupons.id} = any(${uuidArray(unique)})`)));
      if (rows.length !== unique.length) throw new KoiError('promotion.coupon_not_found');
      return rows.map((r) => pricingCoupon(r, now)).sort((a, b) => (a.id < b.id ? -1 : 1));
    },

    /** Every coupon the shopper could use now (not yet valid ones too: the engine says from when), for "pick the best". */
    async availableFor(customerId: string, now: Date): Promise<TPricingCoupon[]> {
      const rows = await db.run((q) => q.select().from(promotionCoupons)
        .where(and(eq(promotionCoupons.customerId, customerId), eq(promotionCoupons.status, 'available'), sql`${promotionCoupons.validUntil} > ${now}`))
        .orderBy(asc(promotionCoupons.id)));
      return rows.map((r) => pricingCoupon(r, now));
    },
  };
}
export type CouponWallet = ReturnType<typeof createCouponWallet>;
