import type { TBlock, TLink } from '@koi/contracts';
import type { Koi } from '../app.ts';
import { drawBanner, type BannerArt } from './banner-images.ts';

/**
 * The demo merchant's home page, hot words and synonyms, built from whatever the search read model
 * holds when it runs (call it after the catalog seed and an outbox dispatch): banners drawn locally,
 * the new-member notice, a category nav of the categories with products, a grid per demo collection
 * (新品上架 / 热销榜 / 送礼精选; the best sellers when there are none) and the brand story; when the
 * coupon centre already lists coupons (the demo seeds them first), a 领券 block with two of them under the notice.
 * Idempotent: does nothing once the home page has been published.
 */

export const DEMO_HOT_WORDS = ['紫砂壶', '盖碗', '龙井', '白茶', '茶礼'];
export const DEMO_SYNONYMS = [
  ['紫砂壶', '宜兴壶', '茶壶'],
  ['盖碗', '三才碗', '盖杯'],
  ['品茗杯', '主人杯', '茶杯'],
  ['龙井', '龙井茶', '西湖龙井'],
  ['茶礼', '茶叶礼盒', '礼盒'],
];
const COLLECTION_GRIDS = [
  { key: 'new', name: '新品上架', title: '新品上架', columns: 2 as const, limit: 4 },
  { key: 'hot', name: '热销榜', title: '热销榜 TOP', columns: 3 as const, limit: 6 },
  { key: 'gifts', name: '送礼精选', title: '送礼精选', columns: 2 as const, limit: 4 },
];

const BRAND_STORY = `<h3 style="text-align:center">青瓷小筑 · 一盏好茶，一件好器</h3>
<p>2012 年，我们在杭州南山路开了第一家小店。十多年来走访宜兴、景德镇、龙泉与福鼎，只和愿意把一件器物做好的匠人合作。</p>
<p>每一把<strong>紫砂壶</strong>都附泥料与作者信息，每一罐<strong>明前龙井</strong>都标注采摘日期。门店可预约品鉴，线上下单也可到店自提。</p>`;

type SeedKoi = Pick<Koi, 'decoration' | 'search' | 'config' | 'log' | 'promotion'>;

/** The demo's 领券 block prefers these two; any two claimable coupons otherwise. */
const HOME_COUPONS = ['新客满 ¥200 减 ¥20', '会员 9 折券'];

async function couponBlock(koi: SeedKoi): Promise<TBlock | null> {
  const { items } = await koi.promotion.claimable(null);
  const preferred = HOME_COUPONS.flatMap((name) => items.filter((t) => t.name === name && t.canClaim));
  const picked = (preferred.length >= 2 ? preferred : items.filter((t) => t.canClaim)).slice(0, 2);
  return picked.length ? { kind: 'coupon', id: 'home-coupons', title: '领券更优惠', templateIds: picked.map((t) => t.id) } : null;
}

async function banners(dataDir: string, links: (TLink | null)[]): Promise<TBlock> {
  const arts: BannerArt[] = [
    { name: 'decoration-banner-1', title: '明前龙井 春茶上新', subtitle: '西湖狮峰核心产区 · 限量首发', action: '立即尝鲜', from: '#3f7d5c', to: '#9cc8a5', accent: '#e8b04a', motif: 'leaf' },
    { name: 'decoration-banner-2', title: '宜兴紫砂 匠心手作', subtitle: '原矿朱泥 · 工作室直供', action: '去看看', from: '#6b3a2a', to: '#c0825a', accent: '#2f1a12', motif: 'pot' },
    { name: 'decoration-banner-3', title: '中秋茶礼 心意之选', subtitle: '龙井 · 紫砂 · 青瓷 礼盒定制', action: '挑选茶礼', from: '#1f2f57', to: '#4a5f9a', accent: '#d9a441', motif: 'moon' },
  ];
  const items = [];
  for (const [i, art] of arts.entries()) items.push({ image: await drawBanner(dataDir, art), title: art.title, link: links[i] ?? null });
  return { kind: 'banner', id: 'home-banner', items, autoplayMs: 4000 };
}

export async function seedDecoration(koi: SeedKoi): Promise<boolean> {
  const pages = koi.decoration.pages;
  const home = (await pages.list()).items.find((p) => p.slug === 'home');
  if (!home || home.publishedVersion !== null) return false;

  if (!(await koi.search.settings.hotWords()).items.length) {
    await koi.search.settings.replaceHotWords(DEMO_HOT_WORDS.map((word, sort) => ({ word, sort })));
  }
  if (!(await koi.search.settings.synonyms()).items.length) {
    await koi.search.settings.replaceSynonyms(DEMO_SYNONYMS.map((terms) => ({ terms })));
  }

  const collections = await koi.search.collections();
  const byName = new Map(collections.map((c) => [c.name, c.id]));
  const categories = (await koi.search.categories()).filter((c) => c.productCount > 0);
  // Second-level categories read best in a nav (紫砂壶, 盖碗 …); a flat catalog uses its roots.
  const second = categories.filter((c) => c.depth === 1);
  const nav = (second.length >= 4 ? second : categories.filter((c) => c.depth === 0)).slice(0, 8);
  const categoryNamed = (name: string) => categories.find((c) => c.name.includes(name));
  const collectionLink = (name: string): TLink | null => (byName.has(name) ? { type: 'collection', id: byName.get(name)! } : null);
  const potCategory = categoryNamed('紫砂');

  const blocks: TBlock[] = [
    await banners(koi.config.dataDir, [
      collectionLink('新品上架') ?? { type: 'search', q: '龙井' },
      potCategory ? { type: 'category', id: potCategory.id } : { type: 'search', q: '紫砂壶' },
      collectionLink('送礼精选') ?? { type: 'search', q: '茶礼' },
    ]),
    { kind: 'notice', id: 'home-notice', text: '新人注册即送 20 元茶礼券', link: null },
  ];
  const coupons = await couponBlock(koi);
  if (coupons) blocks.push(coupons);
  if (nav.length) {
    blocks.push({ kind: 'category_nav', id: 'home-categories', columns: 4, items: nav.map((c) => ({ categoryId: c.id, label: '', icon: null })) });
  }
  const grids = COLLECTION_GRIDS.filter((g) => byName.has(g.name));
  for (const g of grids) {
    blocks.push({ kind: 'product_grid', id: `home-${g.key}`, title: g.title, columns: g.columns, limit: g.limit, source: { type: 'collection', collectionId: byName.get(g.name)! } });
  }
  if (!grids.length) {
    const best = await koi.search.list({}, 'sales', 1, 6);
    if (best?.items.length) {
      blocks.push({ kind: 'product_grid', id: 'home-best', title: '人气好物', columns: 2, limit: 6, source: { type: 'products', productIds: best.items.map((p) => p.id) } });
    }
  }
  blocks.push({ kind: 'rich_text', id: 'home-story', html: BRAND_STORY });

  await pages.saveDraft(home.id, { title: '青瓷小筑', blocks });
  await pages.publish(home.id, null);
  koi.log.info({ blocks: blocks.length, grids: grids.length, categories: nav.length }, 'demo home page decorated');
  return true;
}
