import { ZTagInput, type TSegmentRule } from '@koi/contracts';
import type { Koi } from '../app.ts';
import { DEMO_SHOPPERS } from './seed.ts';

/**
 * Tags demo slice (issue 7 §4): manual tag groups the shop's staff use (兴趣偏好, 服务), two rule
 * tags, a few customers tagged by 陈小满 (customer service) with a note, and one full pass so the
 * demo customers show their RFM group, lifecycle stage and spend level — each with its reason.
 */
export async function seedTags(koi: Pick<Koi, 'audience' | 'identity' | 'catalog' | 'bus'>): Promise<void> {
  // The audience facts follow the seeded orders and profiles through the outbox: deliver them first.
  while ((await koi.bus.dispatchOnce()) > 0);
  const { catalog, assign, recompute } = koi.audience.tags;

  const interest = await catalog.saveGroup(null, { name: '兴趣偏好', color: '#8b5cf6', sort: 1, kind: 'manual' });
  const service = await catalog.saveGroup(null, { name: '服务', color: '#0ea5e9', sort: 2, kind: 'manual' });
  const manual = async (name: string, groupId: string, description: string) =>
    catalog.createTag(ZTagInput.parse({ name, kind: 'manual', groupId, description }));
  const zishaFan = await manual('紫砂壶爱好者', interest.id, '聊天或到店时表现出对紫砂壶的兴趣');
  const greenTea = await manual('绿茶', interest.id, '偏好龙井、碧螺春等绿茶');
  const callBack = await manual('需回访', service.id, '售后或咨询后需要客服再联系');

  const zisha = (await koi.catalog.categories.adminTree()).find((c) => c.name === '紫砂壶');
  const rules: Array<[string, string, TSegmentRule]> = [
    ['年消费满 2000', '近 365 天实付满 ¥2,000', { type: 'group', op: 'and', items: [{ type: 'order_spend', withinDays: 365, cmp: 'gte', valueFen: 200_000 }] }],
    ['全网老客', '从淘宝、京东或抖音导入的客户', { type: 'group', op: 'and', items: [{ type: 'source_channel', in: ['taobao', 'jd', 'douyin'] }] }],
  ];
  if (zisha) {
    rules.push(['紫砂壶复购', '买过两次及以上紫砂壶', { type: 'group', op: 'and', items: [{ type: 'category_purchase', categoryId: zisha.id, minTimes: 2, withinDays: null }] }]);
  }
  for (const [name, description, rule] of rules) await catalog.createTag(ZTagInput.parse({ name, kind: 'rule', rule, description }));

  // The seed acts as the merchant (every store) to find who tagged: 陈小满 of customer service.
  const seeder = { kind: 'staff' as const, id: '', sessionId: '', role: 'owner', storeId: null, permissions: new Set<string>() };
  const staff = (await koi.identity.staff.list(seeder, 1, 100)).items.find((s) => s.email === 'service@koi.demo');
  const by = { id: staff?.id ?? '00000000-0000-0000-0000-000000000000', name: staff?.name ?? '陈小满' };
  const shopper = async (i: number) => koi.identity.shoppers.ensureByPhone(DEMO_SHOPPERS[i]!.phone, DEMO_SHOPPERS[i]!.nickname);
  await assign.tagCustomer(await shopper(0), [zishaFan.id, greenTea.id], by, '到店试了朱泥西施壶，常买明前龙井');
  await assign.tagCustomer(await shopper(2), [greenTea.id], by);
  await assign.tagCustomer(await shopper(3), [callBack.id], by, '茶盘到货有划痕，已补发，下周回访');

  await recompute.recomputeAll('all');
}
