import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';

type SeedKoi = Pick<Koi, 'identity' | 'catalog' | 'orders' | 'payment' | 'bus' | 'config' | 'app' | 'db' | 'reviews'>;

/** Products that get reviews (by title) and a related product whose picture a shopper "photographed". */
const PRODUCTS = [
  { title: '汝窑天青开片盖碗 150ml', alsoPhoto: '汝窑品茗杯 60ml' },
  { title: '德化白瓷羊脂玉盖碗', alsoPhoto: '青花斗笠杯' },
  { title: '汝窑公道杯 匀杯', alsoPhoto: '汝窑天青开片盖碗 150ml' },
];

type Said = { rating: number; text: string; photos?: 1 | 2; anonymous?: boolean; reply?: string; pin?: boolean; followUp?: string; hide?: string };

/** Per shopper: one order of the three products, received `daysAgo` days ago, and what they said of each (null: not yet). */
const VOICES: { phone: string; daysAgo: number; said: (Said | null)[] }[] = [
  { phone: '13916880002', daysAgo: 24, said: [
    { rating: 5, text: '釉色是很正的天青色，光线下有一点点蓝，拿在手里温润。用了一周已经开出细细的冰裂纹了，越养越好看。', photos: 2, pin: true,
      reply: '谢谢您的喜欢！汝窑开片是釉层在冷热变化中自然形成的，坚持用同一种茶养，纹路会慢慢染色哦～', followUp: '一个月后来追评：开片已经很明显了，泡普洱染成了浅浅的茶色，特别有成就感。' },
    { rating: 5, text: '胎很薄，对着光能看见手指的影子。出汤很快，边沿不烫手，新手也能用。', photos: 1 },
    { rating: 4, text: '断水不错，不挂壁。就是容量比想象中小一点，三四个人喝要倒两次。' },
  ] },
  { phone: '13916880003', daysAgo: 18, said: [
    { rating: 5, text: '送给爸爸的生日礼物，包装很用心，泡沫和礼盒都很厚实，一点没磕碰。爸爸说手感比他原来那个好多了。', photos: 1, reply: '祝叔叔生日快乐！有任何使用问题随时找我们～' },
    { rating: 4, text: '白得很干净，洗起来方便不挂茶渍。扣一星是因为盖子有点紧，用久了应该会好。', anonymous: true },
    null,
  ] },
  { phone: '13916880004', daysAgo: 12, said: [
    { rating: 3, text: '东西本身挺好，但是快递太慢了，等了五天才到，希望商家换个快递。', reply: '非常抱歉让您久等了！我们已经和杭州仓沟通，之后江浙沪优先发顺丰。' },
    { rating: 5, text: '第二次回购了，这次买来给公司会客用，同事都问链接。', anonymous: true },
    { rating: 2, text: '收到的公道杯底部有一个小气泡，联系客服说是正常现象，还是有点介意。', photos: 1,
      reply: '您好，气泡是手工拉坯烧制时偶尔出现的，不影响使用。如果您介意，可以申请售后为您换一只。' },
  ] },
  { phone: '13916880005', daysAgo: 7, said: [
    { rating: 5, text: '颜值很高，拍照很出片！泡绿茶看着汤色特别舒服。', photos: 2, anonymous: true },
    { rating: 1, text: '什么垃圾东西，客服态度也差，傻逼商家别买！！', hide: '含辱骂内容，已联系顾客处理售后' },
    { rating: 5, text: '和盖碗一起买的，一套下来很整齐，推荐。' },
  ] },
  // 13916880001 received theirs yesterday and has not rated yet: the demo's "评价" button.
  { phone: '13916880001', daysAgo: 1, said: [null, null, null] },
];

/**
 * Reviews on a few demo products, written the way they happen: each shopper's order is placed and
 * paid (WeChat Pay simulator), shipped and received through the order service in the past, then
 * rated a day later; the merchant replies, pins one and hides an abusive one.
 *
 * Shipping uses `orders.lifecycle.ship` directly (the order turns `shipped`) — these orders have no
 * parcel in the shipment module, so their detail page shows no tracking timeline.
 */
export async function seedReviews(koi: SeedKoi): Promise<number> {
  const { items } = await koi.catalog.list({ status: 'on_sale' }, 1, 100);
  const byTitle = new Map(items.map((p) => [p.title, p]));
  const picked = PRODUCTS.map((p) => ({ product: byTitle.get(p.title), also: byTitle.get(p.alsoPhoto) }));
  if (picked.some((p) => !p.product)) return 0;
  const skus: string[] = [];
  const photos: { url: string; thumbUrl: string }[][] = [];
  for (const p of picked) {
    const doc = await koi.catalog.products.get(p.product!.id);
    const sku = doc.skus.find((s) => s.stock >= 5);
    if (!sku) return 0;
    skus.push(sku.id);
    const urls = [...doc.images.slice(0, 1), ...(p.also ? (await koi.catalog.products.get(p.also.id)).images.slice(0, 1) : [])];
    photos.push(urls.map((url) => ({ url, thumbUrl: url.replace(/^\/media\/([^/]+)\.\w+$/, '/media/thumbs/$1.webp') })));
  }
  // The replies are the owner's (the seed acts as an unscoped owner to find the account).
  const seedActor = { kind: 'staff' as const, id: '', sessionId: '', role: 'owner', storeId: null, permissions: new Set<string>() };
  const owner = (await koi.identity.staff.list(seedActor, 1, 100)).items.find((s) => s.email === 'owner@koi.demo');
  if (!owner) return 0;
  const moderator = { id: owner.id, name: owner.name };

  let written = 0;
  for (const v of VOICES) {
    let moved = 0;
    const move = (ms: number) => { clock.advance(ms); moved += ms; };
    move(-(v.daysAgo + 3) * 86_400_000);
    try {
      const customerId = await koi.identity.shoppers.ensureByPhone(v.phone, '');
      const orderId = await koi.orders.submit(customerId, { items: skus.map((skuId) => ({ skuId, quantity: 1 })), couponIds: [], remark: '' }, 'zh-CN');
      if (!(await payBySimulator(koi, orderId, customerId))) continue;
      await koi.db.tx((q) => koi.orders.lifecycle.ship(q, orderId));
      move(2 * 86_400_000);
      await koi.orders.lifecycle.confirmReceipt(orderId, customerId);
      move(86_400_000 - 3_600_000 * (written % 7));
      const { lines } = await koi.orders.queries.one(orderId, customerId);
      for (const [i, s] of v.said.entries()) {
        if (!s || !lines[i]) continue;
        const r = await koi.reviews.submit(customerId, { orderId, lineId: lines[i]!.id, rating: s.rating, content: s.text, photoUrls: [], anonymous: !!s.anonymous },
          s.photos ? photos[i]!.slice(0, s.photos) : []);
        written++;
        move(7 * 60_000); // a shopper writes one card after another
        if (s.reply) await koi.reviews.moderation.reply(r.id, moderator, s.reply);
        if (s.pin) await koi.reviews.moderation.pin(r.id, moderator);
        if (s.hide) await koi.reviews.moderation.hide(r.id, moderator, s.hide);
        if (s.followUp) {
          const later = Math.min(v.daysAgo - 1, 20) * 86_400_000;
          move(later);
          await koi.reviews.followUp(customerId, r.id, { content: s.followUp, photoUrls: [] });
          move(-later);
        }
      }
    } finally {
      clock.advance(-moved);
    }
  }
  while ((await koi.bus.dispatchOnce()) > 0);
  return written;
}

/** Pays like a shopper: the simulator's cashier, then its signed callback through the outbox. */
async function payBySimulator(koi: SeedKoi, orderId: string, customerId: string): Promise<boolean> {
  const sims = koi.payment.simulators;
  if (!sims) return false;
  const action = await koi.orders.pay(orderId, customerId, 'wechat_h5', '127.0.0.1', `${koi.config.publicUrl}/#/pages/order/detail?id=${orderId}`);
  if (action.kind !== 'redirect') return false;
  const opened = new URL(action.url);
  await koi.app.inject({ method: 'GET', url: `${opened.pathname}${opened.search}` });
  const [intent] = (await koi.payment.paymentsOf('order', orderId)).intents;
  const trade = intent && (await sims.trades.byNo('wechatpay', koi.config.payment.wechatpay.mchid, intent.outTradeNo));
  if (!trade) return false;
  const paid = await sims.wechatpay.pay(trade.handle);
  if (paid.notificationId) await sims.notifications.deliver(paid.notificationId);
  while ((await koi.bus.dispatchOnce()) > 0);
  return (await koi.orders.queries.one(orderId, customerId)).order.status === 'paid';
}
