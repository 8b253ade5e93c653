import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { call, DB_KINDS, shopperToken, staffToken, type TestKoi } from './harness.ts';
import { clock } from '../src/platform/clock.ts';
import { startReadSide } from './search-fixtures.ts';

type Stored = { customer_key: string; shopper_id: string | null; anonymous_id: string; type: string; props: Record<string, unknown>; occurred_at: Date | string; received_at: Date | string; source: string };

describe.each(DB_KINDS)('behaviour event ingest on %s', (kind) => {
  let koi: TestKoi;
  const stored = (anonymousId: string) => koi.db.rows<Stored>(sql`select customer_key, shopper_id, anonymous_id, type, props, occurred_at, received_at, source
    from behaviour_events where anonymous_id = ${anonymousId} order by occurred_at, id`);
  const post = (body: unknown, opts: { token?: string; ip?: string } = {}) => call(koi, 'POST', '/api/shop/events', body, opts);

  beforeAll(async () => {
    koi = await startReadSide(kind);
  });
  afterEach(() => clock.reset());
  afterAll(async () => koi.dispose());

  it('keeps an anonymous device\'s events, append-only, answering 202', async () => {
    const res = await post({ anonymousId: 'anon_dev_aaaa0001', events: [
      { type: 'page_view', props: { path: '/pages/index/index' } },
      { type: 'product_view', props: { productId: 'p-1', price: 58000, fromSearch: true } },
    ] });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 2 });
    const rows = await stored('anon_dev_aaaa0001');
    expect(rows.map((r) => [r.type, r.shopper_id, r.customer_key, r.source])).toEqual([
      ['page_view', null, 'anon:anon_dev_aaaa0001', 'shop'],
      ['product_view', null, 'anon:anon_dev_aaaa0001', 'shop'],
    ]);
    expect(rows[1]!.props).toEqual({ productId: 'p-1', price: 58000, fromSearch: true });
  });

  it('joins a signed-in shopper\'s events to them and still keeps the device id; a staff token joins nothing', async () => {
    const token = await shopperToken(koi, '13900000011');
    const me = await call(koi, 'GET', '/api/shop/me', undefined, { token });
    expect((await post({ anonymousId: 'anon_dev_bbbb0001', events: [{ type: 'category_view', props: { categoryId: 'c-1' } }] }, { token })).status).toBe(202);
    const [row] = await stored('anon_dev_bbbb0001');
    expect(row).toMatchObject({ shopper_id: me.body.id, customer_key: me.body.id, anonymous_id: 'anon_dev_bbbb0001' });
    const staff = await staffToken(koi, 'operator@koi.demo');
    expect((await post({ anonymousId: 'anon_dev_bbbb0002', events: [{ type: 'share', props: {} }] }, { token: staff })).status).toBe(202);
    expect((await stored('anon_dev_bbbb0002'))[0]!.shopper_id).toBeNull();
  });

  it('keeps the daily counts exactly in step with a signed-in shopper\'s events (per type and UTC day), none for anonymous ones', async () => {
    clock.set(new Date('2026-05-02T00:30:00.000Z'));
    const token = await shopperToken(koi, '13900000012');
    const me = await call(koi, 'GET', '/api/shop/me', undefined, { token });
    const batch = (events: unknown[], t?: string) => post({ anonymousId: 'anon_dev_roll0001', events }, { token: t });
    expect((await batch([
      { type: 'product_view', at: '2026-05-01T23:59:59.999Z', props: {} },
      { type: 'product_view', at: '2026-05-02T00:00:00.000Z', props: {} },
      { type: 'product_view', at: '2026-05-02T00:10:00.000Z', props: {} },
      { type: 'share', at: '2026-05-01T10:00:00.000Z', props: {} },
    ], token)).status).toBe(202);
    expect((await batch([{ type: 'product_view', at: '2026-05-02T00:20:00.000Z', props: {} }], token)).status).toBe(202);
    expect((await post({ anonymousId: 'anon_dev_roll0002', events: [{ type: 'product_view', props: {} }] })).status).toBe(202);
    const counts = await koi.db.rows<{ type: string; day: string; n: number }>(sql`select type, day::text as day, n from behaviour_daily_counts
      where customer_id = ${me.body.id}::uuid order by type, day`);
    expect(counts).toEqual([
      { type: 'product_view', day: '2026-05-01', n: 1 },
      { type: 'product_view', day: '2026-05-02', n: 3 },
      { type: 'share', day: '2026-05-01', n: 1 },
    ]);
    const raw = await koi.db.rows<{ type: string; day: string; n: number }>(sql`select type, (occurred_at at time zone 'UTC')::date::text as day, count(*)::int as n
      from behaviour_events where shopper_id = ${me.body.id}::uuid group by 1, 2 order by 1, 2`);
    expect(raw).toEqual(counts);
  });

  it('takes a beacon\'s token from the body, verified like a bearer header; never a customer id', async () => {
    const token = await shopperToken(koi, '13900000012');
    const me = (await call(koi, 'GET', '/api/shop/me', undefined, { token })).body;
    const other = await shopperToken(koi, '13900000013');
    const beacon = (anonymousId: string, body: object, opts: { token?: string } = {}) =>
      post({ anonymousId, events: [{ type: 'page_view', props: {} }], ...body }, opts);

    expect((await beacon('anon_beacon_0001', { token })).status).toBe(202);
    expect((await stored('anon_beacon_0001'))[0]).toMatchObject({ shopper_id: me.id, customer_key: me.id });
    // Unknown, malformed or staff tokens identify nobody: the events stay the device's.
    expect((await beacon('anon_beacon_0002', { token: 'ksh_notarealsessiontoken0000000000' })).status).toBe(202);
    expect((await beacon('anon_beacon_0002', { token: 'Bearer nonsense' })).status).toBe(202);
    expect((await beacon('anon_beacon_0002', { token: await staffToken(koi, 'operator@koi.demo') })).status).toBe(202);
    expect((await stored('anon_beacon_0002')).map((r) => r.shopper_id)).toEqual([null, null, null]);
    // A header always wins over the body.
    await beacon('anon_beacon_0003', { token: other }, { token });
    expect((await stored('anon_beacon_0003'))[0]!.shopper_id).toBe(me.id);
    // Whose events they are never comes from the body itself.
    const claimed = await beacon('anon_beacon_0004', { shopperId: me.id });
    expect(claimed.status).toBe(400);
    expect(claimed.body.errors[0]).toMatchObject({ path: 'body', code: 'unrecognized_keys' });
    expect(await stored('anon_beacon_0004')).toEqual([]);
    // An expired session is no identity either.
    clock.advance(31 * 24 * 3600_000);
    expect((await beacon('anon_beacon_0005', { token })).status).toBe(202);
    expect((await stored('anon_beacon_0005'))[0]!.shopper_id).toBeNull();
  });

  it('clamps the device\'s clock to [now − 24 h, now + 5 min] and stamps the receipt with ours', async () => {
    clock.set('2026-03-01T08:00:00.000Z');
    await post({ anonymousId: 'anon_dev_cccc0001', events: [
      { type: 'page_view', at: '2026-02-20T08:00:00Z', props: { n: 1 } },
      { type: 'page_view', at: '2026-03-01T15:30:00+08:00', props: { n: 2 } },
      { type: 'page_view', props: { n: 3 } },
      { type: 'page_view', at: '2026-03-02T08:00:00Z', props: { n: 4 } },
    ] });
    const rows = await stored('anon_dev_cccc0001');
    expect(rows.map((r) => [r.props.n, new Date(r.occurred_at).toISOString()])).toEqual([
      [1, '2026-02-28T08:00:00.000Z'],
      [2, '2026-03-01T07:30:00.000Z'],
      [3, '2026-03-01T08:00:00.000Z'],
      [4, '2026-03-01T08:05:00.000Z'],
    ]);
    expect(rows.every((r) => new Date(r.received_at).toISOString() === '2026-03-01T08:00:00.000Z')).toBe(true);
  });

  it('refuses more than 50 events, an unknown type, a bad time or too many properties, as problems listing the field', async () => {
    const many = await post({ anonymousId: 'anon_dev_dddd0001', events: Array.from({ length: 51 }, () => ({ type: 'page_view' })) });
    expect(many.status).toBe(400);
    expect(many.headers['content-type']).toContain('application/problem+json');
    expect(many.body.code).toBe('http.validation_failed');
    expect(many.body.errors[0].path).toBe('body.events');
    const badType = await post({ anonymousId: 'anon_dev_dddd0001', events: [{ type: 'purchase' }] });
    expect(badType.body.errors[0].path).toBe('body.events.0.type');
    const badTime = await post({ anonymousId: 'anon_dev_dddd0001', events: [{ type: 'page_view', at: 'yesterday' }] });
    expect(badTime.body.errors[0].path).toBe('body.events.0.at');
    const props = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i]));
    const wide = await post({ anonymousId: 'anon_dev_dddd0001', events: [{ type: 'page_view', props }] });
    expect(wide.status).toBe(400);
    expect(wide.body.errors[0].path).toBe('body.events.0.props');
    expect((await post({ anonymousId: 'short', events: [{ type: 'page_view' }] })).status).toBe(400);
    expect(await stored('anon_dev_dddd0001')).toEqual([]);
  });

  it('limits batches per device and per address', async () => {
    clock.set('2026-03-01T09:00:00.000Z');
    for (let i = 0; i < 60; i++) expect((await post({ anonymousId: 'anon_dev_eeee0001', events: [{ type: 'page_view' }] }, { ip: '10.9.0.1' })).status).toBe(202);
    const over = await post({ anonymousId: 'anon_dev_eeee0001', events: [{ type: 'page_view' }] }, { ip: '10.9.0.1' });
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('http.rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Another device behind the same address still gets through; the next minute the device does too.
    expect((await post({ anonymousId: 'anon_dev_eeee0002', events: [{ type: 'page_view' }] }, { ip: '10.9.0.1' })).status).toBe(202);
    clock.advance(60_000);
    expect((await post({ anonymousId: 'anon_dev_eeee0001', events: [{ type: 'page_view' }] }, { ip: '10.9.0.1' })).status).toBe(202);
    expect(await stored('anon_dev_eeee0001')).toHaveLength(61);
  });

  it('stops one address rotating device ids', async () => {
    clock.set('2026-03-01T10:00:00.000Z');
    for (let i = 0; i < 600; i++) {
      const res = await post({ anonymousId: `anon_rotating_${String(i).padStart(4, '0')}`, events: [{ type: 'page_view' }] }, { ip: '10.9.0.2' });
      if (res.status !== 202) throw new Error(`batch ${i} refused: ${res.status}`);
    }
    const over = await post({ anonymousId: 'anon_rotating_9999', events: [{ type: 'page_view' }] }, { ip: '10.9.0.2' });
    expect(over.status).toBe(429);
    expect((await post({ anonymousId: 'anon_rotating_9999', events: [{ type: 'page_view' }] }, { ip: '10.9.0.3' })).status).toBe(202);
  });
});
