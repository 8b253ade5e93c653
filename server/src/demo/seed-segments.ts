import type { TSegmentRule } from '@koi/contracts';
import type { Koi } from '../app.ts';

/**
 * Segments demo slice (issue 7 §5): three 人群 an operator of a tea shop would save. Runs after the
 * tags seed, so the system tags (RFM group, lifecycle stage) exist and carry ids; the facts come from
 * the demo's orders and imports through the outbox. 高价值沉睡客户 is the example
 * ("RFM 重要价值 and lifecycle dormant"); without those system tags it falls back to order facts
 * (spent ≥ ¥1,000 in two years and no order in 90 days).
 */
export async function seedSegments(koi: Pick<Koi, 'audience' | 'bus' | 'catalog'>): Promise<void> {
  while ((await koi.bus.dispatchOnce()) > 0);
  const tags = (await koi.audience.tags.catalog.list({ kind: 'system' })).items;
  const byCode = (code: string) => tags.find((t) => t.code === code)?.id ?? null;
  const important = byCode('rfm:important_value');
  const dormant = byCode('lifecycle:dormant');
  const teaware = (await koi.catalog.categories.adminTree()).find((c) => c.name === '茶具');

  const sleepingVip: TSegmentRule = important && dormant
    ? { type: 'group', op: 'and', items: [{ type: 'tag', op: 'has', tagId: important }, { type: 'tag', op: 'has', tagId: dormant }] }
    : { type: 'group', op: 'and', items: [
      { type: 'order_spend', withinDays: 730, cmp: 'gte', valueFen: 100_000 },
      { type: 'order_count', withinDays: 90, cmp: 'eq', value: 0 },
    ] };
  const segments: Array<{ name: string; description: string; rule: TSegmentRule }> = [
    { name: '高价值沉睡客户', description: 'RFM 重要价值客户且已沉睡：发专属券唤醒', rule: sleepingVip },
    {
      name: '江浙沪爱逛未买', description: '近 30 天浏览商品 ≥ 3 次、近 90 天没有下单的江浙沪客户',
      rule: { type: 'group', op: 'and', items: [
        { type: 'group', op: 'or', items: [{ type: 'region', prefix: '31' }, { type: 'region', prefix: '32' }, { type: 'region', prefix: '33' }] },
        { type: 'event_count', eventType: 'product_view', withinDays: 30, cmp: 'gte', value: 3 },
        { type: 'order_count', withinDays: 90, cmp: 'eq', value: 0 },
      ] },
    },
  ];
  if (teaware) {
    segments.push({
      name: '茶具老客', description: '买过茶具、近一年消费满 ¥500 的客户：新茶具上架时通知',
      rule: { type: 'group', op: 'and', items: [
        { type: 'category_purchase', categoryId: teaware.id, minTimes: 1, withinDays: null },
        { type: 'order_spend', withinDays: 365, cmp: 'gte', valueFen: 50_000 },
      ] },
    });
  }
  for (const s of segments) await koi.audience.segments.create(s, null);
}
