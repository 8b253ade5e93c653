import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { TClaimableList, TWalletCoupon } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { KindRegistry } from '../pricing/index.ts';
import { promotionCouponClaims, promotionCouponTemplates, promotionCoupons } from './coupon.tables.ts';
import { isUuid } from './coupon-templates.ts';
import { summaryOf } from './kind-args.ts';
import { walletCoupon } from './coupon-wallet.ts';
import { claimableNow, couponCode, couponValidity } from './promotion-state.rules.ts';
import { claimedPercent } from './coupon-issue.rules.ts';

/**
 * Claiming (领券). Both limits are conditional writes, so parallel claims can never pass them: the
 * shopper's claim counter is an upsert that only increments below the per-customer limit, and the
 * template's issued count an update that only increments below the total. Always in that order (the
 * shopper's row, then the template's), so two claims never wait on each other in a cycle. Four
 * statements; any refusal rolls the others back.
 */
export function createCouponClaims(db: Db, registry: KindRegistry) {
  return {
    async claim(customerId: string, templateId: string): Promise<TWalletCoupon> {
      const now = clock.now();
      return db.tx(async (q) => {
        const [t] = isUuid(templateId) ? await q.select().from(promotionCouponTemplates).where(eq(promotionCouponTemplates.id, templateId)) : [];
        if (!t) throw new KoiError('resource.not_found', { what: 'coupon_template' });
        if (!claimableNow(t, now)) throw new KoiError('promotion.template_not_claimable');
        const counted = await db.rows(sql`
          insert into promotion_coupon_claims (template_id, customer_id, count) values (${t.id}, ${customerId}, 1)
          on conflict (template_id, customer_id) do update set count = promotion_coupon_claims.count + 1
          where promotion_coupon_claims.count < ${t.perCustomerLimit} returning count`, q);
        if (!counted.length) throw new KoiError('promotion.claim_limit_reached', { limit: t.perCustomerLimit });
        const issued = await db.rows(sql`
          update promotion_coupon_templates set issued_count = issued_count + 1, updated_at = ${now}
          where id = ${t.id} and status = 'active' and (total_quantity is null or issued_count < total_quantity) returning issued_count`, q);
        if (!issued.length) throw new KoiError('promotion.coupon_sold_out');
        const { from, until } = couponValidity(t.validity, now);
        const [c] = await q.insert(promotionCoupons).values({
          id: newId(), templateId: t.id, customerId, code: couponCode(randomBytes(12)), kind: t.kind, name: t.name, args: t.args, scope: t.scope,
          status: 'available', validFrom: from, validUntil: until, claimedAt: now, updatedAt: now,
        }).returning();
        return walletCoupon(registry, c!, now);
      });
    },

    /** The coupon centre: active, listed templates with coupons left; with the shopper's own counts when signed in. One statement. */
    async claimable(customerId: string | null): Promise<TClaimableList> {
      const now = clock.now();
      const rows = await db.run((q) => q.select({ t: promotionCouponTemplates, claimed: sql<number>`coalesce(${promotionCouponClaims.count}, 0)` })
        .from(promotionCouponTemplates)
        .leftJoin(promotionCouponClaims, sql`${promotionCouponClaims.templateId} = ${promotionCouponTemplates.id} and ${promotionCouponClaims.customerId} = ${customerId ?? '00000000-0000-0000-0000-000000000000'}`)
        .where(sql`${promotionCouponTemplates.status} = 'active' and ${promotionCouponTemplates.claimable}`)
        .orderBy(promotionCouponTemplates.createdAt, promotionCouponTemplates.id));
      const items = rows.filter(({ t }) => claimableNow(t, now)).map(({ t, claimed }) => {
        const remaining = t.totalQuantity === null ? null : t.totalQuantity - t.issuedCount;
        const n = Number(claimed);
        const money = (v: unknown) => (typeof v === 'number' ? v : null);
        return {
          id: t.id, name: t.name, kind: t.kind, summary: summaryOf(registry, 'coupon', t.kind, t.args).summary,
          thresholdFen: money(t.args.thresholdFen), amountFen: money(t.args.amountFen), scope: t.scope, validity: t.validity,
          perCustomerLimit: t.perCustomerLimit, remaining, claimedPercent: claimedPercent(t.issuedCount, t.totalQuantity), claimed: n, canClaim: (remaining === null || remaining > 0) && n < t.perCustomerLimit,
        };
      });
      return { items };
    },
  };
}
export type CouponClaims = ReturnType<typeof createCouponClaims>;
