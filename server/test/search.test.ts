import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { call, DB_KINDS, shopperToken, staffToken, type TestKoi } from './harness.ts';
import { CAT, publishEvents, saved, teaShop, startReadSide } from './search-fixtures.ts';

type Card = { id: string; title: string; priceFen: number; sales: number; inStock: boolean };
type Facet = { value: string; label: string; count: number };

describe.each(DB_KINDS)('search on %s', (kind) => {
  let koi: TestKoi;
  let shop: ReturnType<typeof teaShop>;
  let owner: string;
  const titles = (body: { items: Card[] }) => body.items.map((c) => c.title);
  const search = async (query: string, opts: { token?: string; headers?: Record<string, string> } = {}) => {
    const res = await call(koi, 'GET', `/api/shop/search?${query}`, undefined, opts);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  beforeAll(async () => {
    koi = await startReadSide(kind);
    shop = teaShop();
    await publishEvents(koi, Object.values(shop).map(saved));
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => koi.dispose());

  it('finds 紫砂壶 products by the Chinese word, full pinyin, initials and a pinyin prefix', async () => {
    const pots = [shop.xishi.title, shop.shipiao.title].sort();
    for (const text of ['紫砂壶', 'zishahu', 'zsh', 'zisha', 'ZiSha']) {
      const res = await search(q(text));
      expect(titles(res).sort(), text).toEqual(pots);
    }
    expect((await search(q('zishahu'))).understood.pinyin).toBe(true);
    expect((await search(q('紫砂壶'))).understood).toEqual({ tokens: ['紫砂壶'], synonyms: [], pinyin: false });
  });

  it('never shows drafts or products off the shelf', async () => {
    const res = await search(q('紫砂壶'));
    expect(titles(res)).not.toContain(shop.draftPot.title);
    expect(titles(res)).not.toContain(shop.offPot.title);
  });

  it('finds by words of several fields together, by pinyin of a whole title, by tags, specs and SKU codes', async () => {
    expect(titles(await search(q('西湖龙井 明前')))).toEqual([shop.longjing.title]);
    expect(titles(await search(q('xihulongjing')))).toEqual([shop.longjing.title]);
    expect(titles(await search(q('xhlj')))).toEqual([shop.longjing.title]);
    expect(titles(await search(q('老白茶')))).toEqual([shop.baimudan.title]);
    expect(titles(await search(q('缠枝莲')))).toEqual([shop.qinghua.title]);
    expect(titles(await search(q('QC-GW-002')))).toEqual([shop.ruyao.title]);
    expect(titles(await search(q('qc-zs-001')))).toEqual([shop.xishi.title]);
    expect(titles(await search(q('6901234500011')))).toEqual([shop.xishi.title]);
    // A word jieba cuts differently in the title still matches as adjacent characters …
    expect(titles(await search(q('龙井配盖碗')))).toEqual([shop.giftbox.title]);
    // … but characters scattered over a title do not.
    expect((await search(q('井瓷'))).total).toBe(0);
  });

  it('ranks by relevance then sales: a title match before a category match', async () => {
    const res = await search(q('盖碗'));
    expect(titles(res)).toEqual([shop.qinghua.title, shop.ruyao.title, shop.giftbox.title]);
  });

  it('expands operator synonyms (紫砂壶 = 宜兴壶 = 茶壶)', async () => {
    expect((await search(q('茶壶'))).total).toBe(0);
    const put = await call(koi, 'PUT', '/api/admin/search/synonyms', { items: [{ terms: ['紫砂壶', '宜兴壶', '茶壶'] }, { terms: ['盖碗', '三才碗'] }] }, { token: owner });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const res = await search(q('茶壶'));
    expect(titles(res).sort()).toEqual([shop.xishi.title, shop.shipiao.title].sort());
    expect(res.understood.synonyms.sort()).toEqual(['宜兴壶', '紫砂壶']);
    expect(titles(await search(q('宜兴壶')))).toHaveLength(2);
    expect((await call(koi, 'GET', '/api/admin/search/synonyms', undefined, { token: owner })).body.items).toHaveLength(2);
    const clash = await call(koi, 'PUT', '/api/admin/search/synonyms', { items: [{ terms: ['茶壶', '紫砂壶'] }, { terms: ['茶壶', '泡茶壶'] }] }, { token: owner });
    expect(clash.status).toBe(422);
    expect(clash.body.code).toBe('search.synonym_term_repeated');
    const operator = await staffToken(koi, 'guide.hz@koi.demo');
    expect((await call(koi, 'PUT', '/api/admin/search/synonyms', { items: [] }, { token: operator })).status).toBe(403);
  });

  it('filters by category (with its descendants), price range, stock and tag', async () => {
    const teaware = await search(`categoryId=${CAT.teaware.id}&pageSize=50`);
    expect(teaware.total).toBe(5);
    expect((await search(`categoryId=${CAT.gaiwan.id}`)).total).toBe(2);
    const gaiwanInStock = await search(`categoryId=${CAT.gaiwan.id}&inStock=true`);
    expect(titles(gaiwanInStock)).toEqual([shop.qinghua.title]);
    const band = await search(`priceMinFen=10000&priceMaxFen=29999&pageSize=50`);
    expect(band.items.every((c: Card) => c.priceFen >= 10_000 && c.priceFen <= 29_999)).toBe(true);
    expect(band.total).toBe(3);
    const gifts = await search(`${q('盖碗')}&tag=${encodeURIComponent('送礼')}`);
    expect(titles(gifts)).toEqual([shop.qinghua.title, shop.giftbox.title]);
  });

  it('counts facets over the filtered result', async () => {
    const res = await search(`categoryId=${CAT.teaware.id}`);
    const cats = Object.fromEntries(res.facets.categories.map((f: Facet) => [f.label, f.count]));
    expect(cats).toEqual({ 紫砂壶: 2, 盖碗: 2, 茶杯: 1 });
    const tags = Object.fromEntries(res.facets.tags.map((f: Facet) => [f.label, f.count]));
    expect(tags).toMatchObject({ 送礼: 3, 手工: 2, 汝窑: 1 });
    expect(res.facets.priceRanges).toEqual([
      { value: '0-9999', label: '¥100 以下', count: 1 },
      { value: '10000-29999', label: '¥100–299', count: 2 },
      { value: '30000-79999', label: '¥300–799', count: 1 },
      { value: '200000-', label: '¥2000 以上', count: 1 },
    ]);
    const narrowed = await search(`categoryId=${CAT.teaware.id}&inStock=true`);
    expect(Object.fromEntries(narrowed.facets.categories.map((f: Facet) => [f.label, f.count]))).toEqual({ 紫砂壶: 2, 盖碗: 1, 茶杯: 1 });
  });

  it('sorts by sales, price both ways, newest and rating, and pages with hasMore', async () => {
    const all = 'pageSize=50';
    const bySales = (await search(`${all}&sort=sales`)).items.map((c: Card) => c.sales);
    expect(bySales).toEqual([...bySales].sort((a, b) => b - a));
    const up = (await search(`${all}&sort=price_asc`)).items.map((c: Card) => c.priceFen);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const down = (await search(`${all}&sort=price_desc`)).items.map((c: Card) => c.priceFen);
    expect(down).toEqual([...up].reverse());
    expect(titles(await search(`${all}&sort=newest`))[0]).toBe(shop.giftbox.title);
    const rated = titles(await search(`${all}&sort=rating`));
    expect(rated[0]).toBe(shop.giftbox.title);
    expect(rated.at(-1)).toBe(shop.baimudan.title);
    const p1 = await search('pageSize=3&sort=sales');
    const p3 = await search('pageSize=3&sort=sales&page=3');
    expect(p1).toMatchObject({ total: 8, page: 1, hasMore: true });
    expect(p3).toMatchObject({ total: 8, page: 3, hasMore: false });
    expect(p3.items).toHaveLength(2);
    expect(new Set([...p1.items, ...p3.items].map((c: Card) => c.id)).size).toBe(5);
  });

  it('offers alternatives instead of an empty page: close words by sound, hot words, products by sound or best sellers', async () => {
    await call(koi, 'PUT', '/api/admin/search/hot-words', { items: [{ word: '龙井', sort: 1 }, { word: '盖碗', sort: 2 }] }, { token: owner });
    const typo = await search(q('紫沙壶'));
    expect(typo.total).toBe(0);
    expect(typo.items).toEqual([]);
    expect(typo.alternatives.words).toEqual(expect.arrayContaining(['紫砂壶', '龙井', '盖碗']));
    expect(typo.alternatives.words[0]).toBe('紫砂壶');
    expect(typo.alternatives.products.map((c: Card) => c.title).sort()).toEqual([shop.xishi.title, shop.shipiao.title].sort());
    const nothing = await search(q('咖啡机'));
    expect(nothing.alternatives.words).toEqual(['龙井', '盖碗']);
    expect(nothing.alternatives.products[0].title).toBe(shop.cups.title);
    expect((await search(q('盖碗'))).alternatives).toBeNull();
  });

  it('suggests while typing: categories, product titles and tags by prefix, pinyin and initials', async () => {
    const zs = await call(koi, 'GET', `/api/shop/search/suggest?q=zs`);
    expect(zs.body.items[0]).toEqual({ text: '紫砂壶', kind: 'category' });
    expect(zs.body.items.filter((i: { kind: string }) => i.kind === 'product').map((i: { text: string }) => i.text).sort()).toEqual([shop.xishi.title, shop.shipiao.title].sort());
    // Best sellers first: 龙 is also the start of 龙泉 (the cups' subtitle).
    const long = await call(koi, 'GET', `/api/shop/search/suggest?q=${encodeURIComponent('龙')}`);
    expect(long.body.items.map((i: { text: string }) => i.text)).toEqual([shop.cups.title, shop.longjing.title, shop.giftbox.title]);
    const lj = await call(koi, 'GET', '/api/shop/search/suggest?q=lj');
    expect(lj.body.items.map((i: { text: string }) => i.text)).toEqual([shop.longjing.title, shop.giftbox.title]);
    const tag = await call(koi, 'GET', `/api/shop/search/suggest?q=${encodeURIComponent('送')}`);
    expect(tag.body.items).toContainEqual({ text: '送礼', kind: 'tag' });
    expect((await call(koi, 'GET', '/api/shop/search/suggest?q=')).status).toBe(400);
  });

  it('hot words: the operator sets them, the shop reads them in order', async () => {
    const put = await call(koi, 'PUT', '/api/admin/search/hot-words', { items: [{ word: '白茶', sort: 3 }, { word: '紫砂壶', sort: 1 }] }, { token: owner });
    expect(put.body.items.map((w: { word: string }) => w.word)).toEqual(['紫砂壶', '白茶']);
    expect((await call(koi, 'GET', '/api/shop/search/hot-words')).body.items.map((w: { word: string }) => w.word)).toEqual(['紫砂壶', '白茶']);
    const dup = await call(koi, 'PUT', '/api/admin/search/hot-words', { items: [{ word: '白茶', sort: 1 }, { word: '白茶', sort: 2 }] }, { token: owner });
    expect(dup.body.code).toBe('search.hot_word_repeated');
    expect((await call(koi, 'PUT', '/api/admin/search/hot-words', { items: [{ word: '', sort: 1 }] }, { token: owner })).status).toBe(400);
  });

  it('keeps each shopper\'s history apart: last 20, newest first, deduplicated, clearable', async () => {
    const mine = await shopperToken(koi, '13800000001');
    const theirs = await shopperToken(koi, '13800000002');
    for (const text of ['紫砂壶', '盖碗', '紫砂壶']) await search(q(text), { token: mine });
    await search(q('白茶'), { token: theirs });
    await search(`${q('龙井')}&page=2`, { token: mine }); // paging is not a new search
    const h = await call(koi, 'GET', '/api/shop/search/history', undefined, { token: mine });
    expect(h.body.items.map((i: { q: string }) => i.q)).toEqual(['紫砂壶', '盖碗']);
    for (let i = 0; i < 25; i++) await search(q(`茶${i}`), { token: mine });
    expect((await call(koi, 'GET', '/api/shop/search/history', undefined, { token: mine })).body.items).toHaveLength(20);
    expect((await call(koi, 'DELETE', '/api/shop/search/history', undefined, { token: mine })).status).toBe(200);
    expect((await call(koi, 'GET', '/api/shop/search/history', undefined, { token: mine })).body.items).toEqual([]);
    expect((await call(koi, 'GET', '/api/shop/search/history', undefined, { token: theirs })).body.items.map((i: { q: string }) => i.q)).toEqual(['白茶']);
    expect((await call(koi, 'GET', '/api/shop/search/history')).status).toBe(401);
  });

  it('records every search as a behaviour event with its query and result count', async () => {
    const token = await shopperToken(koi, '13800000003');
    await search(q('汝窑'), { token, headers: { 'x-anonymous-id': 'anon_device_0001' } });
    await search(q('不存在的东西'), { headers: { 'x-anonymous-id': 'anon_device_0002' } });
    const rows = await koi.db.rows<{ shopper_id: string | null; anonymous_id: string | null; props: { q: string; total: number } }>(sql`
      select shopper_id, anonymous_id, props from behaviour_events where type = 'search' and props->>'q' in ('汝窑', '不存在的东西') order by received_at`);
    expect(rows.map((r) => [r.props.q, r.props.total, r.anonymous_id, r.shopper_id !== null])).toEqual([
      ['汝窑', 1, 'anon_device_0001', true],
      ['不存在的东西', 0, 'anon_device_0002', false],
    ]);
  });
});
