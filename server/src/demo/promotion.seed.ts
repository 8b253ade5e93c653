import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';
import { DEMO_SHOPPERS } from './seed.ts';

type SeedKoi = Pick<Koi, 'promotion' | 'identity' | 'catalog' | 'search'>;

/**
 * 青瓷小筑's marketing on day one: a running 满减 (满 ¥300 减 ¥30，满 ¥600 减 ¥80) and the new-customer
 * coupon 新客满 ¥200 减 ¥20 in the coupon centre, already claimed by the first two demo shoppers. Then
 * the other kinds, one each: 茶杯满 2 件 9 折 (满折 by pieces, shares 满减's exclusive group: the shopper
 * gets the better of the two), 满 ¥199 包邮, this week's 限时折扣 on one 公道杯 SKU, and 满赠 on
 * the tea: 满 ¥299 赠 茶巾一条 (the 茶巾 is a gift-only product, off the shelf, with its own stock).
 */
export async function seedPromotions(koi: SeedKoi): Promise<void> {
  const now = clock.now();
  await koi.promotion.promotions.create({
    kind: 'full_reduction', name: '春茶季满减', args: { tiers: [{ thresholdFen: 30000, discountFen: 3000 }, { thresholdFen: 60000, discountFen: 8000 }], repeat: false },
    scope: { type: 'all', ids: [], excludeProductIds: [] }, startsAt: new Date(now.getTime() - 86_400_000).toISOString(), endsAt: null, priority: 0, status: 'active',
  });
  const template = await koi.promotion.templates.create({
    kind: 'amount_off', name: '新客满 ¥200 减 ¥20', args: { thresholdFen: 20000, amountFen: 2000 }, scope: { type: 'all', ids: [], excludeProductIds: [] },
    validity: { type: 'relative', days: 30 }, perCustomerLimit: 1, totalQuantity: 1000, claimable: true, status: 'active',
  });
  await seedMoreKinds(koi, now);
  await seedGift(koi, now);
  for (const s of DEMO_SHOPPERS.slice(0, 2)) {
    const customerId = await koi.identity.shoppers.ensureByPhone(s.phone, s.nickname);
    await koi.promotion.claim(customerId, template.id);
  }
}

async function seedMoreKinds(koi: SeedKoi, now: Date): Promise<void> {
  const day = 86_400_000;
  const since = new Date(now.getTime() - day).toISOString();
  const all = { type: 'all' as const, ids: [], excludeProductIds: [] };
  const leaves = (await koi.catalog.categories.adminTree()).flatMap((c) => c.children);
  const cups = leaves.find((c) => c.name === '茶杯');
  if (cups) {
    await koi.promotion.promotions.create({
      kind: 'full_discount', name: '茶杯第二件 9 折', args: { by: 'pieces', tiers: [{ pieces: 2, rateBp: 9000 }] },
      scope: { type: 'categories', ids: [cups.id], excludeProductIds: [] }, startsAt: since, endsAt: null, priority: 0, status: 'active',
    });
  }
  await koi.promotion.promotions.create({
    kind: 'free_shipping_over', name: '满 ¥199 包邮', args: { by: 'amount', thresholdFen: 19900 }, scope: all, startsAt: since, endsAt: null, priority: 0, status: 'active',
  });
  const pitchers = leaves.find((c) => c.name === '公道杯');
  const card = pitchers ? (await koi.search.list({ categoryId: pitchers.id }, 'sales', 1, 1))?.items[0] : undefined;
  const sku = card ? (await koi.catalog.products.get(card.id))?.skus[0] : undefined;
  if (sku) {
    const week = { startsAt: since, endsAt: new Date(now.getTime() + 7 * day).toISOString() };
    await koi.promotion.promotions.create({
      kind: 'timed_discount', name: '本周限时折扣', args: { ...week, items: [{ skuId: sku.id, priceFen: 0, rateBp: 8500 }] }, scope: all, ...week, priority: 0, status: 'active',
    });
  }
}

/**
 * 满 ¥299 赠 茶巾一条 on the tea (茶叶's categories: a towel goes with tea): the gift SKU is a product
 * kept off the shelf (赠品不单独售卖) with 200 in stock.
 */
async function seedGift(koi: SeedKoi, now: Date): Promise<void> {
  const tree = await koi.catalog.categories.adminTree();
  const trays = tree.flatMap((c) => c.children).find((c) => c.name === '茶盘');
  const tea = tree.find((c) => c.name === '茶叶')?.children.map((c) => c.id) ?? [];
  if (!trays || !tea.length) return;
  const towel = await koi.catalog.products.create({
    title: '吸水棉麻茶巾', subtitle: '满 ¥299 赠品', categoryId: trays.id, shippingTemplateId: null, tags: [],
    description: '<h3>吸水棉麻茶巾</h3><p>棉麻混纺，吸水不掉毛。满 ¥299 赠品，不单独售卖。</p>', images: [],
    specs: [], skus: [{ code: 'QC-GIFT-TOWEL', specValues: [], priceFen: 2900, listPriceFen: null, costPriceFen: 800, weightGrams: 60, barcode: null, imageUrl: null, stock: 200 }],
    purchaseLimit: null, status: 'off_shelf', scheduledOnSaleAt: null, scheduledOffSaleAt: null,
  });
  await koi.promotion.promotions.create({
    kind: 'full_gift', name: '满 ¥299 赠茶巾', args: { by: 'amount', tiers: [{ thresholdFen: 29900, pieces: 0, giftSkuId: towel.skus[0]!.id, giftName: '茶巾一条', quantity: 1 }] },
    scope: { type: 'categories', ids: tea, excludeProductIds: [] }, startsAt: new Date(now.getTime() - 86_400_000).toISOString(), endsAt: null, priority: 0, status: 'active',
  });
}
