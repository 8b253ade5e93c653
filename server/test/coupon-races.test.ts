import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { KoiError } from '../src/platform/errors.ts';
import { DB_KINDS, startKoi, type TestKoi } from './harness.ts';
import { bulkShoppers, template } from './coupon-issue-fixtures.ts';

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason instanceof KoiError ? r.reason.code : String(r.reason)) : 'ok');
function tally(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const r of results) t[codeOf(r)] = (t[codeOf(r)] ?? 0) + 1;
  return t;
}

describe.each(DB_KINDS)('coupon races on %s', (kind) => {
  let koi: TestKoi;
  let shoppers: { id: string; phone: string }[];
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    shoppers = await bulkShoppers(koi, 2000, '135');
  }, 240_000);
  afterAll(async () => koi.dispose());

  it('10,000 concurrent claims for 100 coupons: exactly 100 issued, one per shopper at most', async () => {
    const t = await template(koi, { totalQuantity: 100, perCustomerLimit: 1 });
    // 2,000 shoppers × 5 attempts each, interleaved, all in flight at once, through the claim path the route calls.
    const attempts = Array.from({ length: 10_000 }, (_, i) => shoppers[i % 2000]!.id);
    const results = await Promise.allSettled(attempts.map((id) => koi.promotion.claim(id, t.id)));
    const t2 = tally(results);
    expect(t2.ok).toBe(100);
    expect(Object.keys(t2).sort()).toEqual(['ok', 'promotion.claim_limit_reached', 'promotion.coupon_sold_out'].filter((k) => t2[k]).sort());
    const [c] = await koi.db.rows<{ n: string | number; holders: string | number; most: string | number }>(sql`select count(*) as n, count(distinct customer_id) as holders,
      coalesce(max(per), 0) as most from (select customer_id, count(*) over (partition by customer_id) as per from promotion_coupons where template_id = ${t.id}) x`);
    expect([Number(c!.n), Number(c!.holders), Number(c!.most)]).toEqual([100, 100, 1]);
    const [tpl] = await koi.db.rows<{ issued_count: number }>(sql`select issued_count from promotion_coupon_templates where id = ${t.id}`);
    expect(Number(tpl!.issued_count)).toBe(100);
    const [claims] = await koi.db.rows<{ s: string | number; most: string | number }>(sql`select sum(count) as s, max(count) as most from promotion_coupon_claims where template_id = ${t.id}`);
    expect([Number(claims!.s), Number(claims!.most)]).toEqual([100, 1]);
  }, 600_000);

  it('per-customer limits hold when quantity does not bind: 300 shoppers × 5 attempts with limit 2 → 600', async () => {
    const t = await template(koi, { totalQuantity: null, perCustomerLimit: 2 });
    const some = shoppers.slice(0, 300);
    const results = await Promise.allSettled(Array.from({ length: 1500 }, (_, i) => koi.promotion.claim(some[i % 300]!.id, t.id)));
    expect(tally(results)).toEqual({ ok: 600, 'promotion.claim_limit_reached': 900 });
    const [c] = await koi.db.rows<{ most: string | number; least: string | number }>(sql`select max(n) as most, min(n) as least from
      (select customer_id, count(*) as n from promotion_coupons where template_id = ${t.id} group by customer_id) x`);
    expect([Number(c!.most), Number(c!.least)]).toEqual([2, 2]);
  }, 600_000);

  it('the same code redeemed in parallel is redeemed once; a shared code reaches its limit exactly', async () => {
    const t = await template(koi, { totalQuantity: 1000, perCustomerLimit: 5, claimable: false });
    const batch = await koi.promotion.codes.createBatch({ type: 'unique', templateId: t.id, count: 1 }, null);
    const [row] = await koi.db.rows<{ code: string }>(sql`select code from promotion_coupon_codes where batch_id = ${batch.id}`);
    const one = await Promise.allSettled(shoppers.slice(0, 50).map((s) => koi.promotion.codes.redeem(s.id, row!.code)));
    expect(tally(one)).toEqual({ ok: 1, 'promotion.code_used_up': 49 });

    // One shopper, 30 parallel tries of a shared code: once.
    await koi.promotion.codes.createBatch({ type: 'shared', templateId: t.id, code: 'RACE2026', limit: 10 }, null);
    const same = await Promise.allSettled(Array.from({ length: 30 }, () => koi.promotion.codes.redeem(shoppers[100]!.id, 'race2026')));
    expect(tally(same)).toEqual({ ok: 1, 'promotion.code_already_redeemed': 29 });
    // 200 shoppers at once for the 9 redemptions left.
    const many = await Promise.allSettled(shoppers.slice(200, 400).map((s) => koi.promotion.codes.redeem(s.id, 'RACE2026')));
    expect(tally(many)).toEqual({ ok: 9, 'promotion.code_used_up': 191 });
    const [c] = await koi.db.rows<{ n: string | number }>(sql`select count(*) as n from promotion_coupons where template_id = ${t.id}`);
    expect(Number(c!.n)).toBe(11);
  }, 600_000);

  it('claims, list issuance and code redemptions racing for the last coupons never pass the total', async () => {
    const t = await template(koi, { totalQuantity: 50, perCustomerLimit: 1, claimable: true });
    await koi.promotion.codes.createBatch({ type: 'shared', templateId: t.id, code: 'LAST50', limit: 1000 }, null);
    const group = shoppers.slice(1000, 1300);
    // A list job issues each entry through `issuer.issue` with its per-job key: the same call, in parallel here.
    const results = await Promise.allSettled([
      ...group.slice(0, 100).map((s) => koi.promotion.issuer.issue(t.id, s.id, `list:race:${s.id}`)),
      ...group.slice(50, 200).map((s) => koi.promotion.claim(s.id, t.id)),
      ...group.slice(150, 300).map((s) => koi.promotion.codes.redeem(s.id, 'LAST50')),
    ]);
    expect(results.every((r) => r.status === 'fulfilled' || r.reason instanceof KoiError)).toBe(true);
    const [c] = await koi.db.rows<{ n: string | number; holders: string | number }>(sql`select count(*) as n, count(distinct customer_id) as holders from promotion_coupons where template_id = ${t.id}`);
    expect([Number(c!.n), Number(c!.holders)]).toEqual([50, 50]);
    const [tpl] = await koi.db.rows<{ issued_count: number }>(sql`select issued_count from promotion_coupon_templates where id = ${t.id}`);
    expect(Number(tpl!.issued_count)).toBe(50);
    // Refused issuances left nothing behind: every issue record has its coupon.
    const [orphans] = await koi.db.rows<{ n: string | number }>(sql`select count(*) as n from promotion_coupon_issues i
      where i.template_id = ${t.id} and not exists (select 1 from promotion_coupons c where c.id = i.coupon_id)`);
    expect(Number(orphans!.n)).toBe(0);
  }, 600_000);
});
