import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS, startKoi, type TestKoi } from './harness.ts';
import type { ResolveItem } from '../src/modules/customer/index.ts';

const item = (identities: ResolveItem['identities'], profile: Partial<ResolveItem['profile']> = {}): ResolveItem =>
  ({ identities, profile: { sourceChannel: 'taobao', ...profile } });

describe.each(DB_KINDS)('resolveCustomers on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => { koi = await startKoi(kind, { seed: false }); });
  afterAll(async () => koi.dispose());

  const identitiesOf = async (id: string) =>
    (await koi.db.rows<{ kind: string; value: string }>(sql`select kind, value from customer_identities where customer_id = ${id} order by kind, value`));
  const outbox = async () => (await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from outbox_events where topic = 'customer.profiles_changed'`))[0]!.n;

  it('creates, joins by a strong identity within and across batches, and publishes one event per call', async () => {
    const before = await outbox();
    const r = await koi.customer.resolveCustomers([
      item([{ kind: 'phone', value: '138 0013 0001' }, { kind: 'taobao', value: 'tb_lin' }], { name: '林晓雨', gender: 'female' }),
      item([{ kind: 'taobao', value: 'tb_lin' }], { regionCode: '330106', seenAt: new Date('2024-03-01T00:00:00Z') }),
      item([{ kind: 'jd', value: 'jd_wang' }]),
    ]);
    expect(r[0]).toEqual({ customerId: expect.any(String), created: true });
    expect(r[1]).toEqual({ customerId: r[0]!.customerId, created: false });
    expect(r[2]!.created).toBe(true);
    expect(r[2]!.customerId).not.toBe(r[0]!.customerId);
    expect(await outbox()).toBe(before + 1);
    const [p] = await koi.db.rows<{ name: string; gender: string; region_code: string; first_seen_at: Date }>(sql`select * from customer_profiles where id = ${r[0]!.customerId}`);
    expect(p).toMatchObject({ name: '林晓雨', gender: 'female', region_code: '330106' });
    expect(new Date(p!.first_seen_at).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(await identitiesOf(r[0]!.customerId)).toEqual([{ kind: 'phone', value: '13800130001' }, { kind: 'taobao', value: 'tb_lin' }]);

    const again = await koi.customer.resolveCustomers([item([{ kind: 'phone', value: '+8613800130001' }, { kind: 'douyin', value: 'dy_1' }], { name: '别名' })]);
    expect(again[0]).toEqual({ customerId: r[0]!.customerId, created: false });
    const [p2] = await koi.db.rows<{ name: string }>(sql`select name from customer_profiles where id = ${r[0]!.customerId}`);
    expect(p2!.name).toBe('林晓雨');
    expect((await identitiesOf(r[0]!.customerId)).map((i) => i.kind)).toContain('douyin');
  });

  it('keeps a masked phone but never matches two people on it', async () => {
    const r = await koi.customer.resolveCustomers([
      item([{ kind: 'phone_masked', value: '139****5678' }, { kind: 'taobao', value: 'tb_a' }]),
      item([{ kind: 'phone', value: '139****5678' }, { kind: 'taobao', value: 'tb_b' }]),
      item([{ kind: 'phone_masked', value: '139****5678' }]),
    ]);
    expect(new Set(r.map((x) => x.customerId)).size).toBe(3);
    const rows = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from customer_identities where kind = 'phone_masked' and value = '139****5678'`);
    expect(rows[0]!.n).toBe(3);
  });

  it('suggests a merge instead of merging when strong identities point at two customers', async () => {
    const [a, b] = await koi.customer.resolveCustomers([item([{ kind: 'phone', value: '13800130002' }]), item([{ kind: 'youzan', value: 'yz_9' }])]);
    const [c] = await koi.customer.resolveCustomers([item([{ kind: 'youzan', value: 'yz_9' }, { kind: 'phone', value: '13800130002' }])]);
    expect(c!.customerId).toBe(a!.customerId); // the phone outranks the buyer id
    const s = await koi.db.rows<{ a_id: string; b_id: string }>(sql`select a_id, b_id from customer_merge_suggestions`);
    expect(s.map((x) => [x.a_id, x.b_id].sort())).toContainEqual([a!.customerId, b!.customerId].sort());
    const live = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from customer_profiles where id in (${a!.customerId}, ${b!.customerId}) and merged_into is null`);
    expect(live[0]!.n).toBe(2);
  });

  it('is race-safe: concurrent batches claiming the same phones make one customer per phone', async () => {
    const phones = Array.from({ length: 40 }, (_, i) => `1370000${String(i).padStart(4, '0')}`);
    const batch = (seed: number) => phones.map((p, i) => item([{ kind: 'phone', value: p }, { kind: 'member_card', value: `mc-${seed}-${i}` }]));
    const results = await Promise.all([1, 2, 3, 4].map((s) => koi.customer.resolveCustomers(batch(s))));
    for (let i = 0; i < phones.length; i++) expect(new Set(results.map((r) => r[i]!.customerId)).size).toBe(1);
    const owners = await koi.db.rows<{ n: number }>(sql`select count(distinct customer_id)::int as n from customer_identities where kind = 'phone' and value like '1370000%'`);
    expect(owners[0]!.n).toBe(phones.length);
    const created = results.flat().filter((r) => r.created).length;
    expect(created).toBe(phones.length);
  });

  it('resolves a 1,000-row batch in a bounded number of statements', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => item([{ kind: 'phone', value: `1500000${String(i).padStart(4, '0')}` }, { kind: 'taobao', value: `bulk-${i}` }]));
    const before = koi.db.stats.statements;
    const r = await koi.customer.resolveCustomers(items);
    expect(r.filter((x) => x.created)).toHaveLength(1000);
    expect(koi.db.stats.statements - before).toBeLessThan(20);
    await expect(koi.customer.resolveCustomers([...items, ...items.slice(0, 1)])).rejects.toThrow(RangeError);
  });
});
