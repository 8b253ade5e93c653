import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TTagSettings } from '@koi/contracts';
import type { Koi } from '../src/app.ts';
import { upsertProfileFacts } from '../src/modules/audience/facts-profiles.ts';
import { DAY_MS, withinDays } from '../src/modules/audience/audience-time.ts';
import { rfmFacts, rfmThresholds, scoreRfm, type RfmThresholds } from '../src/modules/audience/rfm.rules.ts';
import { lifecycleStage } from '../src/modules/audience/lifecycle.rules.ts';
import { spendLevel } from '../src/modules/audience/system-tags.rules.ts';

export const NOW = new Date('2026-06-30T04:00:00.000Z');
export const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY_MS);

export type FixtureOrder = { ref: string; paidAt: Date; totalFen: number; refundedFen: number; categoryIds: string[] };
export type FixtureCustomer = { id: string; firstSeenAt: Date; lastSeenAt: Date; sourceChannel: string; orders: FixtureOrder[] };

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** Random customers: some never paid, some refunded in full, some with an order "paid" tomorrow (clock skew). */
export function randomCustomers(seed: number, n: number): FixtureCustomer[] {
  const r = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const firstAgo = r.int(0, 500);
    const orders: FixtureOrder[] = Array.from({ length: r.int(0, 5) }, (_, k) => {
      const totalFen = r.int(1, 60) * 1_000;
      const refund = r.next();
      return {
        ref: `fx-${seed}-${i}-${k}`,
        paidAt: r.next() < 0.05 ? new Date(NOW.getTime() + DAY_MS) : daysAgo(r.int(0, 600) + r.next()),
        totalFen,
        refundedFen: refund < 0.1 ? totalFen : refund < 0.2 ? Math.floor(totalFen / 2) : 0,
        categoryIds: r.next() < 0.4 ? ['zisha'] : ['tea'],
      };
    });
    return {
      id: randomUUID(), firstSeenAt: daysAgo(firstAgo), lastSeenAt: daysAgo(r.int(0, firstAgo)),
      sourceChannel: r.next() < 0.5 ? 'taobao' : 'shop', orders,
    };
  });
}

/** Loads the customers into the audience facts, as the segments helper's subscribers and imports would. */
export async function loadCustomers(koi: Koi, customers: readonly FixtureCustomer[]): Promise<void> {
  await koi.db.tx((q) => upsertProfileFacts(q, customers.map((c) => ({
    customerId: c.id, gender: 'unknown' as const, birthday: null, regionCode: null, sourceChannel: c.sourceChannel,
    firstSeenAt: c.firstSeenAt.toISOString(), lastSeenAt: c.lastSeenAt.toISOString(),
  }))));
  const facts = customers.flatMap((c) => c.orders.map((o) => ({
    source: 'test', orderRef: o.ref, customerId: c.id, paidAt: o.paidAt, totalFen: o.totalFen, refundedFen: o.refundedFen, categoryIds: o.categoryIds,
  })));
  for (let i = 0; i < facts.length; i += 500) await koi.audience.recordOrderFacts(facts.slice(i, i + 500));
}

/** What the pure rules say every customer's system tags are (the reference the SQL must equal). */
export function expectedSystemTags(customers: readonly FixtureCustomer[], settings: TTagSettings): {
  thresholds: RfmThresholds | null; tags: Map<string, Set<string>>;
} {
  const kept = (c: FixtureCustomer) => c.orders.filter((o) => o.refundedFen < o.totalFen)
    .map((o) => ({ paidAt: o.paidAt, totalFen: Math.max(o.totalFen - o.refundedFen, 0) }));
  const facts = customers.map((c) => ({ c, f: rfmFacts(kept(c), NOW, settings.rfm.windowDays) }));
  const thresholds = rfmThresholds(facts.map((x) => x.f), settings.rfm);
  const tags = new Map<string, Set<string>>();
  for (const { c, f } of facts) {
    const set = new Set<string>();
    const paid = kept(c).filter((o) => o.paidAt.getTime() <= NOW.getTime());
    const last = paid.reduce<Date | null>((m, o) => (m === null || o.paidAt > m ? o.paidAt : m), null);
    set.add(`lifecycle:${lifecycleStage({ firstSeenAt: c.firstSeenAt, paidOrderCount: paid.length, lastPaidOrderAt: last, lastActivityAt: c.lastSeenAt }, settings.lifecycle, NOW).stage}`);
    if (thresholds) {
      const s = scoreRfm(f, thresholds);
      if (s.group) set.add(`rfm:${s.group}`);
    }
    const spent = paid.filter((o) => withinDays(o.paidAt, NOW, settings.spend.windowDays)).reduce((a, o) => a + o.totalFen, 0);
    const level = spendLevel(spent, settings.spend);
    if (level) set.add(`spend:${level}`);
    tags.set(c.id, set);
  }
  return { thresholds, tags };
}

/** Every customer's system tag codes as stored. */
export async function storedSystemTags(koi: Koi): Promise<Map<string, Set<string>>> {
  const rows = await koi.db.rows<{ customer_id: string; code: string }>(
    sql`select ct.customer_id, t.code from audience_customer_tags ct join audience_tags t on t.id = ct.tag_id where t.kind = 'system'`);
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.customer_id, (out.get(r.customer_id) ?? new Set()).add(r.code));
  return out;
}

/** A staff token of a role (no demo seed in these tests). */
export async function staffOfRole(koi: Koi, role: 'owner' | 'customer_service' | 'shopping_guide', name = '沈青禾'): Promise<string> {
  const email = `${role}.${Math.random().toString(36).slice(2, 8)}@koi.test`;
  await koi.identity.staff.create(null, { email, name, password: 'koi-test-2026', role, storeId: null });
  const { staffToken } = await import('./harness.ts');
  return staffToken(koi, email, 'koi-test-2026');
}
