import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';
import { drawProduct } from './catalog-images.ts';
import { DEMO_SHOPPERS } from './seed.ts';

type SeedKoi = Pick<Koi, 'promotion' | 'catalog' | 'pointsMall' | 'loyalty' | 'identity' | 'customer' | 'bus' | 'log'>;

/** Coupon templates only the points mall hands out (not in the coupon centre: `claimable: false`). */
const COUPONS = [
  { key: 'ten', name: '¥10 无门槛券', kind: 'no_threshold', args: { amountFen: 1000 }, total: 1000, perCustomer: 5,
    item: { title: '¥10 无门槛券', pointsPrice: 1000, stock: 200, perCustomerLimit: 2, sort: 1, description: '全场通用，无门槛；领取后 30 天内有效。' } },
  { key: 'big', name: '满 ¥199 减 ¥30', kind: 'amount_off', args: { thresholdFen: 19900, amountFen: 3000 }, total: 500, perCustomer: 3,
    item: { title: '满 ¥199 减 ¥30 券', pointsPrice: 2500, stock: 100, perCustomerLimit: 1, sort: 2, description: '订单满 ¥199 可用；领取后 30 天内有效。' } },
  { key: 'ship', name: '¥10 运费券', kind: 'shipping_off', args: { thresholdFen: 0, amountFen: 1000 }, total: 1000, perCustomer: 5,
    item: { title: '¥10 运费券', pointsPrice: 500, stock: 300, perCustomerLimit: 3, sort: 4, description: '抵扣运费最多 ¥10；领取后 30 天内有效。' } },
] as const;

/**
 * 积分商城 of 青瓷小筑: three coupons and two pieces of tea ware for points — a bamboo 茶则 made for
 * the mall (also on sale for ¥68) and the 汝窑品茗杯 from the catalog — and a couple of past
 * exchanges made through the real service, so the points ledger, the wallet and the shipping queue
 * show them. Runs after the demo orders (their payments gave the shoppers points) and addresses.
 */
export async function seedPointsMall(koi: SeedKoi): Promise<void> {
  const { pointsMall } = koi;
  const ids = new Map<string, string>();
  for (const c of COUPONS) {
    const t = await koi.promotion.templates.create({
      kind: c.kind, name: c.name, args: c.args, scope: { type: 'all', ids: [], excludeProductIds: [] }, validity: { type: 'relative', days: 30 },
      perCustomerLimit: c.perCustomer, totalQuantity: c.total, claimable: false, status: 'active',
    });
    const item = await pointsMall.items.save(null, { kind: 'coupon', refId: t.id, onShelf: true, ...c.item });
    ids.set(c.key, item.id);
  }

  const tray = (await koi.catalog.categories.adminTree()).flatMap((c) => c.children).find((c) => c.name === '茶盘');
  if (tray) {
    const image = await koi.catalog.media.saveGenerated('demo-chaze', () =>
      drawProduct({ title: '竹制茶则', subtitle: '积分商城 3000 积分兑', background: '#eef3ec', shape: 'tray', colour: '#c9a86a', accent: '#55675e' }));
    const chaze = await koi.catalog.products.create({
      title: '竹制茶则 手工打磨', subtitle: '取茶赏茶 茶道六君子之一', categoryId: tray.id, shippingTemplateId: null, tags: ['新品'],
      description: '<h3>竹制茶则</h3><p>整竹手工打磨，取茶、赏茶两用。积分商城 3,000 积分可兑。</p>', images: [image.url],
      specs: [], skus: [{ code: 'QC-CHAZE', specValues: [], priceFen: 6800, listPriceFen: null, costPriceFen: 1800, weightGrams: 80, barcode: null, imageUrl: null, stock: 60 }],
      purchaseLimit: null, status: 'on_sale', scheduledOnSaleAt: null, scheduledOffSaleAt: null,
    });
    const item = await pointsMall.items.save(null, {
      kind: 'product', refId: chaze.skus[0]!.id, title: '竹制茶则', pointsPrice: 3000, stock: 30, perCustomerLimit: 1, sort: 3, onShelf: true,
      description: '整竹手工打磨，取茶赏茶两用。兑换后包邮寄出，可在“我的订单”查看物流。',
    });
    ids.set('chaze', item.id);
  }
  const cup = (await koi.catalog.list({ q: '汝窑品茗杯' }, 1, 5)).items[0];
  const cupSku = cup && (await koi.catalog.detail(cup.id)).skus[0];
  if (cupSku) {
    const until = new Date(clock.now().getTime() + 30 * 86_400_000).toISOString();
    await pointsMall.items.save(null, {
      kind: 'product', refId: cupSku.id, title: '汝窑品茗杯（限量）', pointsPrice: 6000, stock: 10, perCustomerLimit: 1, sort: 5, onShelf: true, validUntil: until,
      description: '与汝窑盖碗同款天青釉，限量 10 只，兑完即止。',
    });
  }

  // Past exchanges through the real service: 王浩然 spent his own points on the ¥10 券, then got 3,000 店庆 points
  // from the owner (an audited manual adjustment, as an operator gives them) and spent them on the 茶则 — a paid
  // order in the shipping queue; 李思琪 took a 运费券.
  const seedActor = { kind: 'staff' as const, id: '', sessionId: '', role: 'owner', storeId: null, permissions: new Set<string>() };
  const owner = (await koi.identity.staff.list(seedActor, 1, 100)).items.find((x) => x.email === 'owner@koi.demo');
  const past: { key: string; phone: string; gift?: number }[] = [
    { key: 'ten', phone: DEMO_SHOPPERS[1].phone }, { key: 'ship', phone: DEMO_SHOPPERS[2].phone }, { key: 'chaze', phone: DEMO_SHOPPERS[1].phone, gift: 3000 },
  ];
  for (const e of past) {
    const itemId = ids.get(e.key);
    if (!itemId) continue;
    const customerId = await koi.identity.shoppers.ensureByPhone(e.phone, '');
    if (e.gift && owner) await koi.loyalty.adjust(customerId, e.gift, '店庆积分赠送', owner.id);
    const address = e.key === 'chaze' ? await koi.customer.addresses.getDefault(customerId) : null;
    try {
      await pointsMall.exchange(customerId, { itemId, addressId: address?.id, idempotencyKey: `demo-${e.key}` });
    } catch (err) {
      // Not enough points from the demo orders: the item simply has no past exchange.
      koi.log.info({ err, item: e.key }, 'demo points mall exchange skipped');
    }
  }
  while ((await koi.bus.dispatchOnce()) > 0);
}
