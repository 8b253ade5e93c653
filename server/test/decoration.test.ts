import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogEvents } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { CAT, collection, collectionEvent, publishEvents, saved, teaShop, startReadSide } from './search-fixtures.ts';
import { seedDecoration } from '../src/demo/decoration.seed.ts';

type Block = { kind: string; id: string; [k: string]: unknown };

describe.each(DB_KINDS)('decoration on %s', (kind) => {
  let koi: TestKoi;
  let shop: ReturnType<typeof teaShop>;
  let owner: string;
  let gifts: ReturnType<typeof collectionEvent>;
  const admin = (method: string, url: string, body?: unknown) => call(koi, method, `/api/admin/decoration${url}`, body, { token: owner });
  const blocks = (): Block[] => [
    { kind: 'banner', id: 'b1', items: [{ image: '/media/banner-1.webp', title: '春茶上新', link: { type: 'collection', id: gifts.collectionId } }] },
    { kind: 'notice', id: 'n1', text: '新人注册即送 20 元茶礼券' },
    { kind: 'category_nav', id: 'c1', items: [{ categoryId: CAT.pot.id }, { categoryId: CAT.green.id, label: '春茶' }] },
    { kind: 'product_grid', id: 'g1', title: '店长推荐', limit: 2, source: { type: 'products', productIds: [shop.longjing.productId, shop.draftPot.productId, shop.cups.productId, shop.xishi.productId] } },
    { kind: 'product_grid', id: 'g2', title: '送礼精选', columns: 3, source: { type: 'collection', collectionId: gifts.collectionId } },
    { kind: 'rich_text', id: 'r1', html: '<p onclick="steal()">品牌故事<script>alert(1)</script></p>' },
    { kind: 'coupon', id: 'k1', title: '领券中心', templateIds: ['tpl-later'] },
    { kind: 'activity', id: 'a1', activity: 'flash_sale', ids: [] },
  ];

  beforeAll(async () => {
    koi = await startReadSide(kind);
    shop = teaShop();
    gifts = collectionEvent({ name: '送礼精选', productIds: [shop.giftbox.productId, shop.qinghua.productId] });
    await publishEvents(koi, [...Object.values(shop).map(saved), collection(gifts)]);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => koi.dispose());

  it('has a home page from the start, empty for shoppers until published', async () => {
    const list = await admin('GET', '/pages');
    expect(list.body.items[0]).toMatchObject({ slug: 'home', publishedVersion: null, dirty: false });
    const page = await call(koi, 'GET', '/api/shop/pages/home');
    expect(page.body).toEqual({ slug: 'home', title: '首页', version: null, blocks: [] });
    expect((await call(koi, 'GET', '/api/shop/pages/nope')).status).toBe(404);
  });

  it('saves a draft, sanitises rich text, and previews it resolved as the shop will see it', async () => {
    const created = await admin('POST', '/pages', { slug: 'spring-tea', title: '春茶节' });
    expect(created.status).toBe(200);
    expect((await admin('POST', '/pages', { slug: 'spring-tea', title: '又一个' })).body.code).toBe('decoration.slug_taken');
    const id = created.body.id;
    const draft = await admin('PUT', `/pages/${id}/draft`, { title: '春茶节', blocks: blocks() });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.dirty).toBe(true);
    expect(draft.body.draft.find((b: Block) => b.id === 'r1').html).toBe('<p>品牌故事</p>');
    // Not published yet: shoppers cannot see it.
    expect((await call(koi, 'GET', '/api/shop/pages/spring-tea')).status).toBe(404);

    const preview = await admin('GET', `/pages/${id}/preview`);
    expect(preview.status).toBe(200);
    const byId = Object.fromEntries(preview.body.blocks.map((b: Block) => [b.id, b]));
    expect(byId.g1.kind).toBe('product_grid_resolved');
    expect(byId.g1.products.map((p: { id: string }) => p.id)).toEqual([shop.longjing.productId, shop.cups.productId]);
    expect(byId.g2).toMatchObject({ kind: 'product_grid_resolved', title: '送礼精选', columns: 3 });
    expect(byId.g2.products.map((p: { title: string }) => p.title)).toEqual([shop.giftbox.title, shop.qinghua.title]);
    expect(byId.c1).toEqual({ kind: 'category_nav_resolved', id: 'c1', columns: 4, items: [
      { categoryId: CAT.pot.id, label: '紫砂壶', icon: null },
      { categoryId: CAT.green.id, label: '春茶', icon: null },
    ] });
    expect(byId.k1).toEqual({ kind: 'coupon', id: 'k1', title: '领券中心', templateIds: ['tpl-later'] });
    expect(byId.a1).toMatchObject({ kind: 'activity', activity: 'flash_sale', ids: [] });
    expect(byId.n1).toMatchObject({ kind: 'notice', text: '新人注册即送 20 元茶礼券' });
  });

  it('refuses links to things that do not exist, naming the block, and unsafe addresses', async () => {
    const home = (await admin('GET', '/pages')).body.items[0].id;
    const put = (b: Block[]) => admin('PUT', `/pages/${home}/draft`, { title: '首页', blocks: b });
    const cases: [Block, string, string][] = [
      [{ kind: 'product_grid', id: 'grid-x', source: { type: 'products', productIds: [shop.cups.productId, 'no-such-product'] } }, 'grid-x', 'body.blocks.0.source.productIds.1'],
      [{ kind: 'product_grid', id: 'grid-y', source: { type: 'collection', collectionId: 'no-such-collection' } }, 'grid-y', 'body.blocks.0.source.collectionId'],
      [{ kind: 'category_nav', id: 'nav-x', items: [{ categoryId: 'no-such-category' }] }, 'nav-x', 'body.blocks.0.items.0.categoryId'],
      [{ kind: 'notice', id: 'notice-x', text: '去看看', link: { type: 'page', slug: 'no-such-page' } }, 'notice-x', 'body.blocks.0.link.slug'],
      [{ kind: 'notice', id: 'notice-y', text: '去看看', link: { type: 'product', id: shop.offPot.productId + 'x' } }, 'notice-y', 'body.blocks.0.link.id'],
    ];
    for (const [block, name, field] of cases) {
      const res = await put([block]);
      expect(res.status, name).toBe(422);
      expect(res.body.code).toBe('decoration.link_unknown');
      expect(res.body.detail).toContain(name);
      expect(res.body.errors[0].path).toBe(field);
    }
    const js = await put([{ kind: 'image_hotspot', id: 'hot-x', image: '/media/a.webp', hotspots: [{ x: 0, y: 0, w: 10, h: 10, link: { type: 'url', url: 'javascript:alert(1)' } }] }]);
    expect(js.body.code).toBe('decoration.url_unsafe');
    expect(js.body.detail).toContain('hot-x');
    const twice = await put([{ kind: 'notice', id: 'same', text: 'a' }, { kind: 'notice', id: 'same', text: 'b' }]);
    expect(twice.body.code).toBe('decoration.block_id_repeated');
    const unknownKind = await put([{ kind: 'video', id: 'v' }]);
    expect(unknownKind.status).toBe(400);
    // A draft product or an off-shelf one exists: linking it is allowed (it just does not show).
    expect((await put([{ kind: 'notice', id: 'ok', text: '下架款', link: { type: 'product', id: shop.offPot.productId } }])).status).toBe(200);
  });

  it('publishes versions, keeps the old ones, and rolls back by republishing one', async () => {
    const id = (await admin('GET', '/pages')).body.items.find((p: { slug: string }) => p.slug === 'spring-tea').id;
    const v1 = await admin('POST', `/pages/${id}/publish`);
    expect(v1.body).toMatchObject({ publishedVersion: 1, dirty: false });
    expect(v1.body.versions[0].publishedBy).toBeTruthy();
    const live = await call(koi, 'GET', '/api/shop/pages/spring-tea');
    expect(live.body).toMatchObject({ slug: 'spring-tea', title: '春茶节', version: 1 });
    expect(live.body.blocks.find((b: Block) => b.id === 'g1').kind).toBe('product_grid_resolved');

    const edited = await admin('PUT', `/pages/${id}/draft`, { title: '春茶节 · 第二波', blocks: [{ kind: 'notice', id: 'n2', text: '第二波上新' }] });
    expect(edited.body.dirty).toBe(true);
    expect((await call(koi, 'GET', '/api/shop/pages/spring-tea')).body.version).toBe(1);
    await admin('POST', `/pages/${id}/publish`);
    expect((await call(koi, 'GET', '/api/shop/pages/spring-tea')).body).toMatchObject({ version: 2, title: '春茶节 · 第二波', blocks: [{ id: 'n2' }] });

    const back = await admin('POST', `/pages/${id}/rollback`, { version: 1 });
    expect(back.body).toMatchObject({ publishedVersion: 3, dirty: false, title: '春茶节' });
    expect(back.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(back.body.draft.map((b: Block) => b.id)).toEqual(blocks().map((b) => b.id));
    const restored = await call(koi, 'GET', '/api/shop/pages/spring-tea');
    expect(restored.body).toMatchObject({ version: 3, title: '春茶节' });
    expect(restored.body.blocks).toHaveLength(8);
    // Saving the same content as the live version is not a change.
    expect((await admin('PUT', `/pages/${id}/draft`, { title: '春茶节', blocks: back.body.draft })).body.dirty).toBe(false);
    expect((await admin('POST', `/pages/${id}/rollback`, { version: 9 })).body.code).toBe('decoration.version_unknown');
  });

  it('resolves at read time: a product off the shelf leaves the grids; publishing re-checks links', async () => {
    await publishEvents(koi, [saved({ ...shop.longjing, revision: 2, status: 'off_shelf' })]);
    const live = await call(koi, 'GET', '/api/shop/pages/spring-tea');
    expect(live.body.blocks.find((b: Block) => b.id === 'g1').products.map((p: { id: string }) => p.id)).toEqual([shop.cups.productId, shop.xishi.productId]);
    await publishEvents(koi, [{ topic: CatalogEvents.productRemoved, payload: { productId: shop.cups.productId, revision: 2 } }]);
    const id = (await admin('GET', '/pages')).body.items.find((p: { slug: string }) => p.slug === 'spring-tea').id;
    const publish = await admin('POST', `/pages/${id}/publish`);
    expect(publish.status).toBe(422);
    expect(publish.body.code).toBe('decoration.link_unknown');
    expect(publish.body.detail).toContain('g1');
  });

  it('lets only marketing staff decorate', async () => {
    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    expect((await call(koi, 'GET', '/api/admin/decoration/pages', undefined, { token: guide })).status).toBe(403);
    const operator = await staffToken(koi, 'operator@koi.demo');
    expect((await call(koi, 'POST', '/api/admin/decoration/pages', { slug: 'ops', title: '运营页' }, { token: operator })).status).toBe(200);
    expect((await call(koi, 'POST', '/api/admin/decoration/pages', { slug: 'Bad Slug', title: 'x' }, { token: operator })).status).toBe(400);
  });

  it('seeds the demo home page from the read model, once', async () => {
    const news = collectionEvent({ name: '新品上架', mode: 'rule', rule: { categoryId: null, tag: null, priceMinFen: null, priceMaxFen: null, sort: 'newest', limit: 20 } });
    const hot = collectionEvent({ name: '热销榜', mode: 'rule', rule: { categoryId: null, tag: null, priceMinFen: null, priceMaxFen: null, sort: 'sales', limit: 20 } });
    await publishEvents(koi, [collection(news), collection(hot)]);
    expect(await seedDecoration(koi)).toBe(true);
    expect(await seedDecoration(koi)).toBe(false);
    const home = (await call(koi, 'GET', '/api/shop/pages/home')).body;
    expect(home.version).toBe(1);
    expect(home.blocks.map((b: Block) => b.kind)).toEqual([
      'banner', 'notice', 'category_nav_resolved', 'product_grid_resolved', 'product_grid_resolved', 'product_grid_resolved', 'rich_text',
    ]);
    const banner = home.blocks[0] as { items: { image: string; link: { type: string } }[] };
    expect(banner.items).toHaveLength(3);
    for (const item of banner.items) expect(existsSync(path.join(koi.config.dataDir, item.image))).toBe(true);
    expect(home.blocks[1].text).toBe('新人注册即送 20 元茶礼券');
    // Only three second-level categories still have products on sale here, so the nav shows the roots.
    expect(home.blocks[2].items.map((i: { label: string }) => i.label).sort()).toEqual(['茶具', '茶叶', '茶礼'].sort());
    expect(home.blocks.slice(3, 6).map((b: { title: string }) => b.title)).toEqual(['新品上架', '热销榜 TOP', '送礼精选']);
    // 热销榜 by sales among what is still on sale (the cups were removed and the 龙井 shelved above).
    expect(home.blocks[4].products.map((p: { title: string }) => p.title)).toEqual([shop.qinghua.title, shop.xishi.title, shop.ruyao.title, shop.baimudan.title, shop.shipiao.title, shop.giftbox.title]);
    expect((await call(koi, 'GET', '/api/shop/search/hot-words')).body.items.map((w: { word: string }) => w.word)).toEqual(['紫砂壶', '盖碗', '龙井', '白茶', '茶礼']);
    expect((await call(koi, 'GET', `/api/shop/search?q=${encodeURIComponent('宜兴壶')}`)).body.total).toBe(2);
  });
});

describe.each(DB_KINDS)('the demo shop window on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind); // the whole demo merchant, catalog included
    while ((await koi.bus.dispatchOnce()) > 0);
  });
  afterAll(async () => koi.dispose());

  it('decorates the home page from the demo catalog\'s events, and finds its products by Chinese, pinyin and initials', async () => {
    // seedDemo already decorated the home page after the catalog's events; a second seeding does nothing.
    expect(await seedDecoration(koi)).toBe(false);
    const home = (await call(koi, 'GET', '/api/shop/pages/home')).body;
    expect(home.version).toBe(1);
    const grids = home.blocks.filter((b: Block) => b.kind === 'product_grid_resolved');
    expect(grids.map((g: { title: string }) => g.title)).toEqual(['新品上架', '热销榜 TOP', '送礼精选']);
    for (const g of grids) expect(g.products.length, g.title).toBeGreaterThan(0);
    expect(home.blocks.find((b: Block) => b.kind === 'category_nav_resolved').items.length).toBeGreaterThanOrEqual(4);
    const chinese = (await call(koi, 'GET', `/api/shop/search?q=${encodeURIComponent('紫砂壶')}`)).body;
    expect(chinese.total).toBeGreaterThan(0);
    expect((await call(koi, 'GET', '/api/shop/search?q=zishahu')).body.total).toBe(chinese.total);
    // Initials are ambiguous (zsh is also 紫砂… and 正山红…): they find at least every 紫砂壶.
    const initials = (await call(koi, 'GET', '/api/shop/search?q=zsh&pageSize=50')).body;
    const all = (await call(koi, 'GET', `/api/shop/search?q=${encodeURIComponent('紫砂壶')}&pageSize=50`)).body;
    expect(initials.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(all.items.map((p: { id: string }) => p.id)));
  });
});
