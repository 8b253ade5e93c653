import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { CustomerEvents, type TSegmentRule } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { writeSampleExport } from '../src/modules/customer-import/sample-export.ts';

/**
 * Issue 7 §2/§4: an import's batches mark their `customer.profiles_changed` with `deferTags`, the
 * audience's tag handler skips those (the import's closing pass recomputes once), ordinary profile
 * changes still recompute, and the closing pass reads current profile facts even when none of the
 * batches' events has been delivered yet.
 */
describe.each(DB_KINDS)('import tag recompute once on %s', (kind) => {
  let koi: TestKoi;
  let dir: string;
  let tagId: string;
  const drain = async () => { while (await koi.bus.dispatchOnce()) { /* until the outbox is empty */ } };
  const tagged = async (customerId: string) => (await koi.db.rows(sql`select 1 from audience_customer_tags where tag_id = ${tagId} and customer_id = ${customerId}`)).length === 1;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'koi-cimport-tags-'));
    koi = await startKoi(kind, { seed: false, env: { KOI_DATA_DIR: dir } });
    await koi.jobs.start({ work: false });
    await koi.identity.staff.create(null, { email: 'owner@koi.demo', name: '店主', password: 'koi-demo-2026', role: 'owner', storeId: null });
    const owner = await staffToken(koi, 'owner@koi.demo');
    const rule: TSegmentRule = { type: 'group', op: 'and', items: [{ type: 'source_channel', in: ['taobao'] }] };
    const res = await call(koi, 'POST', '/api/admin/tags', { name: '淘宝来的', kind: 'rule', rule }, { token: owner });
    expect(res.status).toBe(200);
    tagId = res.body.id;
  }, 120_000);
  afterAll(async () => {
    await koi?.jobs.stop();
    await koi?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips deferred profile events and still recomputes on ordinary ones', async () => {
    const [deferred] = await koi.customer.resolveCustomers([{ identities: [{ kind: 'taobao', value: 'tb_deferred' }], profile: { name: '甲', sourceChannel: 'taobao' } }], undefined, { deferTags: true });
    const [ordinary] = await koi.customer.resolveCustomers([{ identities: [{ kind: 'taobao', value: 'tb_ordinary' }], profile: { name: '乙', sourceChannel: 'taobao' } }]);
    const events = await koi.db.rows<{ payload: { deferTags?: boolean; profiles: { customerId: string }[] } }>(sql`select payload from outbox_events
      where topic = ${CustomerEvents.profilesChanged} and dispatched_at is null order by id`);
    expect(events.map((e) => [e.payload.profiles[0]!.customerId, e.payload.deferTags ?? null])).toEqual([[deferred!.customerId, true], [ordinary!.customerId, null]]);
    await drain();
    // Both profile copies arrived (the facts handler ignores the marker) …
    const copies = await koi.db.rows<{ source_channel: string }>(sql`select source_channel from audience_customers where customer_id in (${deferred!.customerId}, ${ordinary!.customerId})`);
    expect(copies.map((c) => c.source_channel)).toEqual(['taobao', 'taobao']);
    // … but only the ordinary change recomputed tags.
    expect(await tagged(ordinary!.customerId)).toBe(true);
    expect(await tagged(deferred!.customerId)).toBe(false);
    // Whoever deferred recomputes: then the customer has the tag.
    await koi.audience.recomputeTagsFor([deferred!.customerId]);
    expect(await tagged(deferred!.customerId)).toBe(true);
  });

  it('an import tags its buyers in the closing pass before any of its events is delivered', async () => {
    const file = path.join(dir, 'taobao.csv');
    await writeSampleExport(file, { platform: 'taobao', rows: 40, seed: 7, format: 'csv', encoding: 'gbk' });
    const preview = await koi.customerImport.imports.upload(createReadStream(file), 'taobao.csv', null);
    await koi.customerImport.imports.start(preview.id, { platform: preview.platform, mapping: preview.mapping });
    await koi.customerImport.run(preview.id, 10);
    const buyers = (await koi.db.rows<{ c: string }>(sql`select distinct customer_id as c from customer_imported_orders where import_id = ${preview.id}`)).map((r) => r.c);
    expect(buyers.length).toBeGreaterThan(3);
    const pending = await koi.db.rows<{ payload: { deferTags?: boolean } }>(sql`select payload from outbox_events
      where topic = ${CustomerEvents.profilesChanged} and dispatched_at is null`);
    expect(pending.length).toBeGreaterThanOrEqual(4); // one per batch of 10 rows, none delivered
    expect(pending.every((e) => e.payload.deferTags === true)).toBe(true);
    for (const b of buyers) expect(await tagged(b), b).toBe(true);
    // Delivering the batches' events afterwards recomputes nothing and changes nothing.
    const before = await koi.db.rows(sql`select customer_id, set_at from audience_customer_tags where tag_id = ${tagId} order by customer_id`);
    await drain();
    expect(await koi.db.rows(sql`select customer_id, set_at from audience_customer_tags where tag_id = ${tagId} order by customer_id`)).toEqual(before);
  });
});
