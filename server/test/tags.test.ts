import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { TSegmentRule } from '@koi/contracts';
import { DB_KINDS, call, startKoi, type TestKoi } from './harness.ts';
import { clock } from '../src/platform/clock.ts';
import { recordBehaviour } from '../src/modules/customer/index.ts';
import { publish } from '../src/platform/events.ts';
import { CustomerEvents } from '@koi/contracts';
import { NOW, daysAgo, loadCustomers, staffOfRole, type FixtureCustomer } from './tags-fixtures.ts';

/** Manual and rule tags (issue 7 §4): each set for a reason the admin can show. */
describe.each(DB_KINDS)('manual and rule tags on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  let service: string;
  const customer = (id: string, orders: Array<[number, number, string[]]>, sourceChannel = 'shop'): FixtureCustomer => ({
    id, firstSeenAt: daysAgo(400), lastSeenAt: daysAgo(1), sourceChannel,
    orders: orders.map(([ago, fen, categoryIds], i) => ({ ref: `${id}-${i}`, paidAt: daysAgo(ago), totalFen: fen, refundedFen: 0, categoryIds })),
  });
  const big = customer(randomUUID(), [[10, 150_000, ['zisha']], [40, 60_000, ['zisha', 'tea']]]);
  const small = customer(randomUUID(), [[5, 20_000, ['zisha']]], 'douyin');
  const browser = customer(randomUUID(), [], 'douyin');

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    clock.set(NOW);
    owner = await staffOfRole(koi, 'owner');
    service = await staffOfRole(koi, 'customer_service', '陈小满');
    await loadCustomers(koi, [big, small, browser]);
    await koi.db.tx(async (q) => {
      for (let i = 0; i < 3; i++) await recordBehaviour(q, { type: 'product_view', shopperId: browser.id, anonymousId: null, props: { productId: 'p1' }, at: daysAgo(i + 1) });
    });
  }, 120_000);
  afterAll(async () => koi?.dispose());

  const tagsOf = async (id: string) => (await call(koi, 'GET', `/api/admin/customers/${id}/tags`, undefined, { token: owner })).body.items as Array<Record<string, any>>;

  it('groups and manual tags: staff tag a customer, with who, when and a note as the reason', async () => {
    const group = await call(koi, 'POST', '/api/admin/tags/groups', { name: '兴趣偏好', color: '#3b82f6' }, { token: owner });
    expect(group.status).toBe(200);
    expect((await call(koi, 'POST', '/api/admin/tags/groups', { name: '兴趣偏好' }, { token: owner })).status).toBe(409);
    const tag = await call(koi, 'POST', '/api/admin/tags', { name: '紫砂壶爱好者', kind: 'manual', groupId: group.body.id }, { token: owner });
    expect(tag.status).toBe(200);
    expect((await call(koi, 'POST', '/api/admin/tags', { name: '紫砂壶爱好者', kind: 'manual', groupId: group.body.id }, { token: owner })).status).toBe(409);
    expect((await call(koi, 'POST', '/api/admin/tags', { name: '无规则', kind: 'rule' }, { token: owner })).status).toBe(400);

    const set = await call(koi, 'POST', `/api/admin/customers/${small.id}/tags`, { tagIds: [tag.body.id], note: '到店试了三把壶' }, { token: service });
    expect(set.body).toEqual({ tagged: 1, already: 0 });
    expect((await call(koi, 'POST', `/api/admin/customers/${small.id}/tags`, { tagIds: [tag.body.id] }, { token: service })).body).toEqual({ tagged: 0, already: 1 });
    const mine = (await tagsOf(small.id)).find((t) => t.tagId === tag.body.id)!;
    expect(mine).toMatchObject({ name: '紫砂壶爱好者', kind: 'manual', setBy: 'staff', groupName: '兴趣偏好', setAt: NOW.toISOString() });
    expect(mine.explanation).toMatchObject({ kind: 'manual', staffName: '陈小满', note: '到店试了三把壶', at: NOW.toISOString() });

    const bulk = await call(koi, 'POST', `/api/admin/tags/${tag.body.id}/customers`, { customerIds: [small.id, big.id, browser.id] }, { token: owner });
    expect(bulk.body).toEqual({ tagged: 2, already: 1 });
    const list = await call(koi, 'GET', '/api/admin/tags?kind=manual', undefined, { token: owner });
    expect(list.body.items.find((t: { id: string }) => t.id === tag.body.id).customers).toBe(3);

    expect((await call(koi, 'DELETE', `/api/admin/customers/${big.id}/tags/${tag.body.id}`, undefined, { token: service })).status).toBe(200);
    expect((await tagsOf(big.id)).some((t) => t.tagId === tag.body.id)).toBe(false);
    expect((await call(koi, 'DELETE', `/api/admin/tags/groups/${group.body.id}`, undefined, { token: owner })).status).toBe(409);
    const guide = await staffOfRole(koi, 'shopping_guide');
    expect((await call(koi, 'POST', `/api/admin/customers/${big.id}/tags`, { tagIds: [tag.body.id] }, { token: guide })).status).toBe(403);
  });

  it('system tags cannot be set by hand nor edited', async () => {
    const system = (await call(koi, 'GET', '/api/admin/tags?kind=system', undefined, { token: owner })).body.items;
    expect(system.map((t: { code: string }) => t.code)).toContain('rfm:important_value');
    const dormant = system.find((t: { code: string }) => t.code === 'lifecycle:dormant');
    expect((await call(koi, 'POST', `/api/admin/customers/${big.id}/tags`, { tagIds: [dormant.id] }, { token: owner })).status).toBe(422);
    expect((await call(koi, 'PUT', `/api/admin/tags/${dormant.id}`, { name: '睡了' }, { token: owner })).status).toBe(422);
    expect((await call(koi, 'DELETE', `/api/admin/tags/${dormant.id}`, undefined, { token: owner })).status).toBe(422);
  });

  it('rule tags: membership from the compiled SQL, the reference evaluator’s tree as the reason', async () => {
    const spender: TSegmentRule = { type: 'group', op: 'and', items: [{ type: 'order_spend', withinDays: 365, cmp: 'gte', valueFen: 200_000 }] };
    const zisha: TSegmentRule = { type: 'group', op: 'and', items: [{ type: 'category_purchase', categoryId: 'zisha', minTimes: 2, withinDays: null }] };
    const douyinBrowser: TSegmentRule = { type: 'group', op: 'and', items: [
      { type: 'source_channel', in: ['douyin'] },
      { type: 'event_count', eventType: 'product_view', withinDays: 30, cmp: 'gte', value: 3 },
      { type: 'order_count', withinDays: 30, cmp: 'eq', value: 0 },
    ] };
    const made: Array<{ id: string }> = [];
    for (const [name, rule] of [['年消费满 2000', spender], ['紫砂壶复购', zisha], ['抖音来的只看不买', douyinBrowser]] as const) {
      const res = await call(koi, 'POST', '/api/admin/tags', { name, kind: 'rule', rule }, { token: owner });
      expect(res.status).toBe(200);
      made.push(res.body);
    }
    const run = await koi.audience.tags.recompute.recomputeAll('rules');
    expect(run.status).toBe('done');
    const holders = async (tagId: string) => {
      const has = await Promise.all([big, small, browser].map(async (c) => ((await tagsOf(c.id)).some((t) => t.tagId === tagId) ? c.id : null)));
      return has.filter((id): id is string => id !== null);
    };
    expect(await holders(made[0].id)).toEqual([big.id]);
    expect(await holders(made[1].id)).toEqual([big.id]);
    expect(await holders(made[2].id)).toEqual([browser.id]);

    const why = (await tagsOf(big.id)).find((t) => t.tagId === made[0].id)!;
    expect(why).toMatchObject({ kind: 'rule', setBy: 'rule' });
    expect(why.explanation.rule).toEqual(spender);
    expect(why.explanation.explanation).toMatchObject({ node: 'group', matched: true, items: [{ node: 'condition', matched: true, actual: 210_000 }] });
    const browsed = (await tagsOf(browser.id)).find((t) => t.tagId === made[2].id)!;
    expect(browsed.explanation.explanation.items.map((i: { actual: unknown }) => i.actual)).toEqual(['douyin', 3, 0]);

    // Incremental: a new order (through recordOrderFacts, as imports do) tags `small` at once and
    // clears "only browses" for the browser; a full refund takes the tag away again.
    await koi.audience.recordOrderFacts([{ source: 'test', orderRef: 'inc-1', customerId: small.id, paidAt: daysAgo(1), totalFen: 190_000, categoryIds: ['tea'] }]);
    await koi.audience.recordOrderFacts([{ source: 'test', orderRef: 'inc-2', customerId: browser.id, paidAt: daysAgo(1), totalFen: 1_000 }]);
    expect(await holders(made[0].id)).toEqual([big.id, small.id]);
    expect(await holders(made[2].id)).toEqual([]);
    await koi.audience.recordOrderFacts([{ source: 'test', orderRef: 'inc-1', customerId: small.id, paidAt: daysAgo(1), totalFen: 190_000, refundedFen: 190_000 }]);
    expect(await holders(made[0].id)).toEqual([big.id]);
    // The incremental pass gave system tags too.
    expect((await tagsOf(small.id)).some((t) => t.code?.startsWith('lifecycle:'))).toBe(true);

    // Changing the rule queues a rules pass; run it here and the membership follows the new rule.
    const lower = await call(koi, 'PUT', `/api/admin/tags/${made[0].id}`, { rule: { ...spender, items: [{ type: 'order_spend', withinDays: 365, cmp: 'gte', valueFen: 10_000 }] } }, { token: owner });
    expect(lower.status).toBe(200);
    await koi.audience.tags.recompute.recomputeAll('rules');
    expect(await holders(made[0].id)).toEqual([big.id, small.id]);
  });

  it('follows customer.merged (manual tags move, computed ones are recomputed) and customer.erased (no tag survives)', async () => {
    const tags = (await call(koi, 'GET', '/api/admin/tags?kind=manual', undefined, { token: owner })).body.items as Array<{ id: string; name: string }>;
    const fan = tags.find((x) => x.name === '紫砂壶爱好者')!;
    // `small` holds 紫砂壶爱好者 (first test); merge it into `browser`.
    await koi.db.tx((q) => publish(q, CustomerEvents.merged, { fromId: small.id, intoId: browser.id, staffId: null, reason: 'test', at: NOW.toISOString() }));
    while ((await koi.bus.dispatchOnce()) > 0);
    expect(await tagsOf(small.id)).toEqual([]);
    const merged = await tagsOf(browser.id);
    // Both held it since NOW: the one set first (here, equal: the customer's own) keeps its reason.
    expect(merged.filter((x) => x.tagId === fan.id)).toHaveLength(1);
    expect(merged.find((x) => x.tagId === fan.id)?.explanation.staffName).toBe('沈青禾');
    expect(merged.some((x) => x.code?.startsWith('lifecycle:'))).toBe(true);
    await koi.db.tx((q) => publish(q, CustomerEvents.erased, { customerId: browser.id, at: NOW.toISOString() }));
    while ((await koi.bus.dispatchOnce()) > 0);
    expect(await tagsOf(browser.id)).toEqual([]);
  });
});
