import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS, call, startKoi, type TestKoi } from './harness.ts';
import { clock } from '../src/platform/clock.ts';
import { rfmThresholdsSql } from '../src/modules/audience/system-tags-sql.ts';
import { DEFAULT_TAG_SETTINGS } from '../src/modules/audience/system-tags.rules.ts';
import { NOW, staffOfRole, expectedSystemTags, loadCustomers, randomCustomers, storedSystemTags, type FixtureCustomer } from './tags-fixtures.ts';

/**
 * System tags (issue 7 §4): the set-based SQL pass gives every customer exactly the RFM group,
 * lifecycle stage and spend level the pure rules give, with thresholds from the merchant's own
 * quantiles, explanations that carry the facts, and no tag lost or doubled when passes race.
 */
describe.each(DB_KINDS)('system tags on %s', (kind) => {
  let koi: TestKoi;
  let token: string;
  let customers: FixtureCustomer[];

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    clock.set(NOW);
    token = await staffOfRole(koi, 'owner');
    customers = randomCustomers(7, 150);
    await loadCustomers(koi, customers);
  }, 120_000);
  afterAll(async () => koi?.dispose());

  it('takes the RFM cut points from the data: SQL percentiles equal the reference quantiles', async () => {
    const sqlCuts = await rfmThresholdsSql(koi.db, DEFAULT_TAG_SETTINGS.rfm, NOW);
    const { thresholds } = expectedSystemTags(customers, DEFAULT_TAG_SETTINGS);
    expect(thresholds).not.toBeNull();
    for (const axis of ['recency', 'frequency', 'monetary'] as const) {
      expect(sqlCuts![axis].value).toBeCloseTo(thresholds![axis].value, 6);
      expect(sqlCuts![axis].sampleSize).toBe(thresholds![axis].sampleSize);
      expect(sqlCuts![axis].source).toBe('quantile');
    }
    // Another quantile and a fixed override move the cuts as configured.
    const other = { ...DEFAULT_TAG_SETTINGS.rfm, monetary: { quantile: 0.8, fixed: null }, frequency: { quantile: 0.5, fixed: 3 } };
    const moved = await rfmThresholdsSql(koi.db, other, NOW);
    expect(moved!.monetary.value).toBeCloseTo(expectedSystemTags(customers, { ...DEFAULT_TAG_SETTINGS, rfm: other }).thresholds!.monetary.value, 6);
    expect(moved!.frequency).toMatchObject({ value: 3, source: 'fixed' });
  });

  it('a full pass gives every customer the tags the pure rules give, with progress', async () => {
    const run = await koi.audience.tags.recompute.recomputeAll('system');
    expect(run).toMatchObject({ status: 'done', total: customers.length, processed: customers.length });
    const want = expectedSystemTags(customers, DEFAULT_TAG_SETTINGS).tags;
    const got = await storedSystemTags(koi);
    for (const c of customers) expect([...(got.get(c.id) ?? [])].sort(), c.id).toEqual([...want.get(c.id)!].sort());
  });

  it('explains each system tag with its facts, cut points, config and when it was set', async () => {
    const payer = customers.find((c) => c.orders.some((o) => o.refundedFen < o.totalFen && o.paidAt <= NOW))!;
    const res = await call(koi, 'GET', `/api/admin/customers/${payer.id}/tags`, undefined, { token });
    expect(res.status).toBe(200);
    const by = (k: string) => res.body.items.find((i: { explanation: { kind: string } }) => i.explanation.kind === k);
    const rfm = by('rfm');
    expect(rfm.setBy).toBe('system');
    expect(rfm.code).toBe(`rfm:${rfm.explanation.group}`);
    expect(rfm.explanation.facts).toMatchObject({ windowDays: 365 });
    expect(rfm.explanation.thresholds.recency).toMatchObject({ source: 'quantile', quantile: 0.5 });
    expect(rfm.explanation.score).toMatch(/^[HL]{3}$/);
    const lc = by('lifecycle');
    expect(lc.explanation.config).toMatchObject({ dormantAfterDays: 90, churnedAfterDays: 180 });
    expect(typeof lc.explanation.facts.daysSinceLastTouch).toBe('number');
    expect(new Date(lc.setAt).getTime()).toBe(NOW.getTime());
  });

  it('follows the settings: a lower high-spend band moves customers up on the next pass', async () => {
    const settings = { ...DEFAULT_TAG_SETTINGS, spend: { windowDays: 365, highFromFen: 20_000, midFromFen: 5_000 } };
    expect((await call(koi, 'PUT', '/api/admin/tags/settings', settings, { token })).status).toBe(200);
    expect((await call(koi, 'PUT', '/api/admin/tags/settings', { ...settings, spend: { windowDays: 365, highFromFen: 1, midFromFen: 5 } }, { token })).status).toBe(400);
    await koi.audience.tags.recompute.recomputeAll('system');
    const want = expectedSystemTags(customers, settings).tags;
    const got = await storedSystemTags(koi);
    for (const c of customers) expect([...(got.get(c.id) ?? [])].sort()).toEqual([...want.get(c.id)!].sort());
    await call(koi, 'PUT', '/api/admin/tags/settings', DEFAULT_TAG_SETTINGS, { token });
  });

  it('two passes at once neither double nor lose a tag', async () => {
    await Promise.all([
      koi.audience.tags.recompute.recomputeAll('all'),
      koi.audience.tags.recompute.recomputeAll('system'),
      koi.audience.recomputeTagsFor(customers.slice(0, 40).map((c) => c.id)),
    ]);
    const want = expectedSystemTags(customers, DEFAULT_TAG_SETTINGS).tags;
    const got = await storedSystemTags(koi);
    for (const c of customers) expect([...(got.get(c.id) ?? [])].sort()).toEqual([...want.get(c.id)!].sort());
    const [dups] = await koi.db.rows<{ n: number | string }>(sql`select count(*) as n from (select customer_id from audience_customer_tags ct
      join audience_tags t on t.id = ct.tag_id where t.kind = 'system' group by customer_id, split_part(t.code, ':', 1) having count(*) > 1) x`);
    expect(Number(dups!.n)).toBe(0);
  });

});

describe.each(DB_KINDS)('the recompute job on %s', (kind) => {
  let koi: TestKoi;
  afterAll(async () => koi?.dispose());

  it('runs a queued recompute as a durable job and reports its progress', async () => {
    koi = await startKoi(kind, { seed: false, workers: true });
    clock.set(NOW);
    const token = await staffOfRole(koi, 'owner');
    const customers = randomCustomers(11, 60);
    await loadCustomers(koi, customers);
    const res = await call(koi, 'POST', '/api/admin/tags/recompute', { scope: 'all' }, { token });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('queued');
    let run = res.body;
    for (let i = 0; i < 200 && run.status !== 'done' && run.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await call(koi, 'GET', `/api/admin/tags/runs/${res.body.id}`, undefined, { token })).body;
    }
    expect(run).toMatchObject({ status: 'done', processed: customers.length, total: customers.length });
    expect(run.thresholds.monetary.sampleSize).toBeGreaterThan(0);
    expect((await call(koi, 'GET', '/api/admin/tags/runs/latest', undefined, { token })).body.run.id).toBe(res.body.id);
    const want = expectedSystemTags(customers, DEFAULT_TAG_SETTINGS).tags;
    const got = await storedSystemTags(koi);
    for (const c of customers) expect([...(got.get(c.id) ?? [])].sort()).toEqual([...want.get(c.id)!].sort());
    // A shopping guide may look but not start a pass.
    const guide = await staffOfRole(koi, 'shopping_guide');
    expect((await call(koi, 'GET', '/api/admin/tags', undefined, { token: guide })).status).toBe(200);
    expect((await call(koi, 'POST', '/api/admin/tags/recompute', { scope: 'all' }, { token: guide })).status).toBe(403);
  }, 300_000);
});
