import type { TCollectionSavedEvent, TProductSavedEvent } from '@koi/contracts';

/**
 * A deterministic tea-ware catalog of any size for the search benchmark: product documents as the
 * catalog publishes them (catalog.product_saved), each with two spec dimensions × two values = 4
 * SKUs, over 6 root categories × 4 leaves, with believable titles (宜兴原矿 紫砂壶 西施 …).
 */

/** mulberry32: a small seeded PRNG, so every run loads the same catalog. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TREE: { root: string; leaves: { name: string; items: string[]; specs: [string, string[]][] }[] }[] = [
  { root: '茶壶', leaves: [
    { name: '紫砂壶', items: ['西施壶', '石瓢壶', '仿古壶', '掇球壶', '容天壶'], specs: [['泥料', ['朱泥', '紫泥', '段泥']], ['容量', ['180ml', '220ml', '260ml']]] },
    { name: '瓷壶', items: ['青花瓷壶', '粉彩壶', '白瓷壶'], specs: [['花色', ['青花', '粉彩', '甜白']], ['容量', ['200ml', '300ml']]] },
    { name: '铁壶', items: ['南部铁壶', '老铁壶', '煮水壶'], specs: [['颜色', ['黑色', '铜色']], ['容量', ['1.2L', '1.5L']]] },
    { name: '玻璃壶', items: ['耐热玻璃壶', '飘逸杯', '煮茶壶'], specs: [['款式', ['带滤网', '无滤网']], ['容量', ['500ml', '800ml']]] },
  ] },
  { root: '茶杯', leaves: [
    { name: '盖碗', items: ['三才盖碗', '青花盖碗', '汝窑盖碗', '手绘盖碗'], specs: [['花色', ['天青', '月白', '缠枝莲']], ['容量', ['120ml', '150ml']]] },
    { name: '品茗杯', items: ['主人杯', '斗笠杯', '压手杯', '铃铛杯'], specs: [['釉色', ['影青', '豆青', '梅子青']], ['规格', ['单只', '四只装']]] },
    { name: '建盏', items: ['油滴建盏', '兔毫建盏', '鹧鸪斑建盏'], specs: [['器型', ['束口', '敞口']], ['规格', ['单只', '礼盒']]] },
    { name: '公道杯', items: ['玻璃公道杯', '青瓷公道杯', '银公道杯'], specs: [['款式', ['带把', '无把']], ['容量', ['200ml', '300ml']]] },
  ] },
  { root: '茶叶', leaves: [
    { name: '绿茶', items: ['西湖龙井', '碧螺春', '黄山毛峰', '安吉白茶'], specs: [['等级', ['特级', '一级']], ['规格', ['100g', '250g']]] },
    { name: '白茶', items: ['白牡丹', '白毫银针', '寿眉', '老白茶饼'], specs: [['年份', ['2019', '2023']], ['规格', ['100g', '357g']]] },
    { name: '岩茶', items: ['大红袍', '肉桂', '水仙'], specs: [['焙火', ['中火', '足火']], ['规格', ['125g', '250g']]] },
    { name: '红茶', items: ['正山小种', '金骏眉', '滇红'], specs: [['等级', ['特级', '一级']], ['规格', ['100g', '250g']]] },
  ] },
  { root: '茶盘茶台', leaves: [
    { name: '茶盘', items: ['竹茶盘', '石茶盘', '干泡台'], specs: [['尺寸', ['小号', '大号']], ['款式', ['储水', '排水']]] },
    { name: '茶台', items: ['实木茶台', '岩板茶台'], specs: [['尺寸', ['1.2米', '1.6米']], ['颜色', ['原木', '胡桃']]] },
    { name: '茶席', items: ['棉麻茶席', '竹茶席'], specs: [['颜色', ['米白', '靛蓝']], ['尺寸', ['30x180', '35x200']]] },
    { name: '茶宠', items: ['貔貅茶宠', '金蟾茶宠', '小和尚茶宠'], specs: [['材质', ['紫砂', '陶瓷']], ['规格', ['单只', '套装']]] },
  ] },
  { root: '茶道配件', leaves: [
    { name: '茶则', items: ['竹茶则', '铜茶则'], specs: [['材质', ['竹', '铜']], ['款式', ['长柄', '短柄']]] },
    { name: '茶漏', items: ['银茶漏', '陶瓷茶漏'], specs: [['材质', ['银', '陶瓷']], ['款式', ['带托', '无托']]] },
    { name: '茶仓', items: ['锡茶仓', '陶瓷茶仓', '紫砂茶仓'], specs: [['容量', ['半斤', '一斤']], ['款式', ['圆形', '方形']]] },
    { name: '杯垫', items: ['竹杯垫', '铜杯垫'], specs: [['材质', ['竹', '铜']], ['规格', ['四只', '六只']]] },
  ] },
  { root: '茶礼', leaves: [
    { name: '茶叶礼盒', items: ['龙井礼盒', '白茶礼盒', '岩茶礼盒'], specs: [['规格', ['双罐', '四罐']], ['包装', ['木盒', '纸盒']]] },
    { name: '茶具礼盒', items: ['旅行茶具', '快客杯', '功夫茶具套装'], specs: [['颜色', ['青', '白']], ['包装', ['礼盒', '布袋']]] },
    { name: '企业定制', items: ['定制茶礼', '伴手礼'], specs: [['数量', ['10套', '50套']], ['刻字', ['刻字', '不刻字']]] },
    { name: '节日茶礼', items: ['中秋茶礼', '新春茶礼'], specs: [['规格', ['标准', '尊享']], ['包装', ['礼盒', '提袋']]] },
  ] },
];
const ORIGINS = ['宜兴原矿', '景德镇', '龙泉', '德化', '建阳', '福鼎', '杭州', '武夷山', '潮州', '安溪', '日式', '手工'];
const STYLES = ['大师手作', '新品', '限量款', '经典款', '高端', '入门款', '复古', '简约'];
const TAGS = ['送礼', '手工', '新品', '口粮茶', '收藏', '办公室', '旅行', '包邮', '限量', '老字号'];

export type BenchCatalog = { products: TProductSavedEvent[]; collections: TCollectionSavedEvent[] };

function benchId(kind: number, n: number): string {
  // UUID-shaped, stable across runs.
  return `00000000-0000-7000-${String(8000 + kind)}-${String(n).padStart(12, '0')}`;
}

export function benchCatalog(count: number, seed = 20260301): BenchCatalog {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const leaves = TREE.flatMap((r, ri) => r.leaves.map((l, li) => ({ ...l, path: [
    { id: benchId(1, ri), name: r.root },
    { id: benchId(2, ri * 10 + li), name: l.name },
  ] })));
  const products: TProductSavedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const leaf = leaves[i % leaves.length]!;
    const item = pick(leaf.items);
    const title = `${pick(ORIGINS)}${item} ${pick(STYLES)} ${leaf.name}`.slice(0, 60);
    const [[d1, v1], [d2, v2]] = leaf.specs as [[string, string[]], [string, string[]]];
    const a = v1.slice(0, 2);
    const b = v2.slice(0, 2);
    const skuCodes = a.flatMap((x, ai) => b.map((_, bi) => `QC-${String(i).padStart(5, '0')}-${ai}${bi}`));
    const base = (20 + Math.floor(rand() * 300)) * 100;
    const prices = skuCodes.map((_, k) => base + k * 1000);
    const stock = skuCodes.map(() => (rand() < 0.1 ? 0 : Math.floor(rand() * 200)));
    const created = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    products.push({
      productId: benchId(3, i),
      revision: 1,
      title,
      subtitle: `${leaf.name} · ${a.join('/')} · ${b.join('/')}`,
      status: rand() < 0.95 ? 'on_sale' : 'off_shelf',
      categoryPath: leaf.path,
      tags: [...new Set([pick(TAGS), pick(TAGS)])],
      specTerms: [d1, ...a, d2, ...b],
      skuCodes,
      barcodes: skuCodes.map((_, k) => `69${String(i).padStart(9, '0')}${k}`),
      image: `/media/bench-${i % 50}.webp`,
      priceMinFen: Math.min(...prices),
      priceMaxFen: Math.max(...prices),
      listPriceFen: rand() < 0.3 ? Math.max(...prices) + 5000 : null,
      inStock: stock.some((s) => s > 0),
      stockTotal: stock.reduce((x, y) => x + y, 0),
      sales: Math.floor(rand() ** 3 * 5000),
      rating: rand() < 0.7 ? Math.round((3.5 + rand() * 1.5) * 10) / 10 : null,
      createdAt: created,
      updatedAt: created,
    });
  }
  const collections: TCollectionSavedEvent[] = [
    { collectionId: benchId(4, 1), revision: 1, name: '热销榜', mode: 'rule', productIds: [], rule: { categoryId: null, tag: null, priceMinFen: null, priceMaxFen: null, sort: 'sales', limit: 100 } },
    { collectionId: benchId(4, 2), revision: 1, name: '送礼精选', mode: 'manual', productIds: products.filter((p) => p.tags.includes('送礼')).slice(0, 60).map((p) => p.productId), rule: null },
  ];
  return { products, collections };
}
