import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { TIssueSkipReason } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { promotionCouponTemplates, promotionCoupons } from './coupon.tables.ts';
import { isUuid, type TemplateRow } from './coupon-templates.ts';
import type { CouponRow } from './coupon-wallet.ts';
import { couponCode, couponValidity } from './promotion-state.rules.ts';
import { issuableNow } from './coupon-issue.rules.ts';

export type IssueOutcome = { ok: true; coupon: CouponRow } | { ok: false; reason: TIssueSkipReason };

/**
 * Issues one coupon from a template to a customer, once per `key`, inside the caller's transaction.
 * The same conditional writes as claiming, in the same order (the shopper's claim row, then the
 * template), so issuance and claims never wait on each other in a cycle and neither limit can be
 * passed however many run at once. A refusal undoes what this call wrote (compensating updates on
 * rows it holds locked), so the caller's transaction stays usable: a list job skips and goes on.
 */
export function createCouponIssuer(db: Db) {
  async function issueOne(q: Q, t: TemplateRow, customerId: string, key: string, now = clock.now()): Promise<IssueOutcome> {
    if (!issuableNow(t, now)) return { ok: false, reason: 'not_issuable' };
    const fresh = await db.rows(sql`insert into promotion_coupon_issues (key, template_id, customer_id, coupon_id, created_at)
      values (${key}, ${t.id}, ${customerId}, ${newId()}, ${now}) on conflict (key) do nothing returning key`, q);
    if (!fresh.length) return { ok: false, reason: 'already_issued' };
    const counted = await db.rows(sql`
      insert into promotion_coupon_claims (template_id, customer_id, count) values (${t.id}, ${customerId}, 1)
      on conflict (template_id, customer_id) do update set count = promotion_coupon_claims.count + 1
      where promotion_coupon_claims.count < ${t.perCustomerLimit} returning count`, q);
    if (!counted.length) {
      await db.rows(sql`delete from promotion_coupon_issues where key = ${key}`, q);
      return { ok: false, reason: 'limit_reached' };
    }
    const issued = await db.rows(sql`
      update promotion_coupon_templates set issued_count = issued_count + 1, updated_at = ${now}
      where id = ${t.id} and status = 'active' and (total_quantity is null or issued_count < total_quantity) returning issued_count`, q);
    if (!issued.length) {
      await db.rows(sql`update promotion_coupon_claims set count = count - 1 where template_id = ${t.id} and customer_id = ${customerId}`, q);
      await db.rows(sql`delete from promotion_coupon_claims where template_id = ${t.id} and customer_id = ${customerId} and count = 0`, q);
      await db.rows(sql`delete from promotion_coupon_issues where key = ${key}`, q);
      return { ok: false, reason: 'sold_out' };
    }
    const { from, until } = couponValidity(t.validity, now);
    const [c] = await q.insert(promotionCoupons).values({
      id: newId(), templateId: t.id, customerId, code: couponCode(randomBytes(12)), kind: t.kind, name: t.name, args: t.args, scope: t.scope,
      status: 'available', validFrom: from, validUntil: until, claimedAt: now, updatedAt: now,
    }).returning();
    await db.rows(sql`update promotion_coupon_issues set coupon_id = ${c!.id} where key = ${key}`, q);
    return { ok: true, coupon: c! };
  }

  async function template(id: string, q?: Q): Promise<TemplateRow | null> {
    if (!isUuid(id)) return null;
    const run = <T>(fn: (x: Q) => Promise<T>) => (q ? fn(q) : db.run(fn));
    const [t] = await run((x) => x.select().from(promotionCouponTemplates).where(eq(promotionCouponTemplates.id, id)));
    return t ?? null;
  }

  return {
    issueOne,
    template,
    /** One issuance in its own transaction (rewards and list entries). */
    async issue(templateId: string, customerId: string, key: string): Promise<IssueOutcome> {
      return db.tx(async (q) => {
        const t = await template(templateId, q);
        if (!t) return { ok: false, reason: 'not_issuable' } as const;
        return issueOne(q, t, customerId, key);
      });
    },
  };
}
export type CouponIssuer = ReturnType<typeof createCouponIssuer>;
