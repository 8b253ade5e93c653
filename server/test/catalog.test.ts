import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogEvents } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { gaiwan, makeCategory, outbox } from './catalog-fixtures.ts';

describe.each(DB_KINDS)('catalog products on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  let cat: { rootId: string; leafId: string };
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
    cat = await makeCategory(koi, owner);
  });
  afterAll(async () => koi.dispose());

  it('creates a product with its SKU matrix, sanitises the description and sets stock at the default warehouse', async () => {
    const res = await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId), { token: owner });
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({ status: 'on_sale', priceMinFen: 16800, priceMaxFen: 18800, stockTotal: 37, sales: 0, categoryName: expect.stringContaining('子') });
    expect(p.description).toBe('<p>汝窑<strong>天青</strong></p>');
    expect(p.skus.map((s: { stock: number }) => s.stock)).toEqual([20, 5, 0, 12]);
    const again = await call(koi, 'GET', `/api/admin/catalog/products/${p.id}`, undefined, { token: owner });
    expect(again.body).toEqual(p);
    const levels = await koi.inventory.levels(p.skus.map((s: { id: string }) => s.id));
    expect([...levels.values()].map((l) => l.available)).toEqual([20, 5, 0, 12]);
  });

  it('answers bad input with problem+json and stable codes', async () => {
    const negative = gaiwan(cat.leafId);
    negative.skus[0]!.priceFen = -1;
    const r1 = await call(koi, 'POST', '/api/admin/catalog/products', negative, { token: owner });
    expect(r1.status).toBe(400);
    expect(r1.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r1.body.code).toBe('http.validation_failed');
    expect(r1.body.errors.map((e: { path: string }) => e.path)).toContain('body.skus.0.priceFen');

    const float = gaiwan(cat.leafId);
    float.skus[1]!.priceFen = 188.5;
    const r2 = await call(koi, 'POST', '/api/admin/catalog/products', float, { token: owner });
    expect(r2.status).toBe(400);
    expect(r2.body.errors.map((e: { path: string }) => e.path)).toContain('body.skus.1.priceFen');

    const dupInProduct = gaiwan(cat.leafId);
    dupInProduct.skus[1]!.code = dupInProduct.skus[0]!.code;
    const r3 = await call(koi, 'POST', '/api/admin/catalog/products', dupInProduct, { token: owner });
    expect(r3.status).toBe(422);
    expect(r3.body.code).toBe('catalog.sku_code_duplicate');

    const first = await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId), { token: owner });
    const clash = gaiwan(cat.leafId);
    clash.skus[2]!.code = first.body.skus[0].code;
    const r4 = await call(koi, 'POST', '/api/admin/catalog/products', clash, { token: owner, lang: 'en' });
    expect(r4.status).toBe(409);
    expect(r4.body.code).toBe('catalog.sku_code_taken');
    expect(r4.body.title).toContain(first.body.skus[0].code);

    const missing = gaiwan(cat.leafId);
    missing.skus.pop();
    const r5 = await call(koi, 'POST', '/api/admin/catalog/products', missing, { token: owner });
    expect(r5.status).toBe(422);
    expect(r5.body).toMatchObject({ code: 'catalog.spec_combination_missing', errors: [{ path: 'body.skus', code: 'catalog.spec_combination_missing' }] });
    expect(r5.body.title).toContain('月白 / 200ml');

    const listBelow = gaiwan(cat.leafId);
    listBelow.skus[0]!.listPriceFen = 100;
    expect((await call(koi, 'POST', '/api/admin/catalog/products', listBelow, { token: owner })).body.code).toBe('catalog.list_price_below_price');
    expect((await call(koi, 'POST', '/api/admin/catalog/products', gaiwan('0190a0a0-0000-7000-8000-000000000000'), { token: owner })).body.code).toBe('catalog.category_unknown');
  });

  it('puts a taken SKU code at the field of every SKU using it, in the request\'s language', async () => {
    const first = (await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId), { token: owner })).body;
    const clash = gaiwan(cat.leafId);
    clash.skus[2]!.code = first.skus[0].code;
    clash.skus[3]!.code = first.skus[1].code;
    const zh = await call(koi, 'POST', '/api/admin/catalog/products', clash, { token: owner });
    expect(zh.status).toBe(409);
    expect(zh.body.code).toBe('catalog.sku_code_taken');
    expect(zh.body.errors).toEqual([
      { path: 'body.skus.2.code', code: 'catalog.sku_code_taken', message: `SKU 编码 ${first.skus[0].code} 已被其他商品使用` },
      { path: 'body.skus.3.code', code: 'catalog.sku_code_taken', message: `SKU 编码 ${first.skus[1].code} 已被其他商品使用` },
    ]);
    // Editing a product keeps the path; the English message names the code too.
    const other = (await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId), { token: owner })).body;
    const edit = gaiwan(cat.leafId);
    edit.skus = other.skus.map((s: { code: string; specValues: string[]; priceFen: number }) => ({ code: s.code, specValues: s.specValues, priceFen: s.priceFen, stock: 1 }));
    edit.skus[1]!.code = first.skus[3].code;
    const en = await call(koi, 'PUT', `/api/admin/catalog/products/${other.id}`, edit, { token: owner, lang: 'en' });
    expect(en.status).toBe(409);
    expect(en.body.errors).toEqual([{ path: 'body.skus.1.code', code: 'catalog.sku_code_taken', message: `SKU code ${first.skus[3].code} is already used by another product` }]);
  });

  it('lets only one of two parallel creates take a SKU code', async () => {
    for (let i = 0; i < 3; i++) {
      const a = gaiwan(cat.leafId);
      const b = gaiwan(cat.leafId);
      b.skus[3]!.code = a.skus[0]!.code;
      const results = await Promise.all([a, b].map((body) => call(koi, 'POST', '/api/admin/catalog/products', body, { token: owner })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body).toMatchObject({
        code: 'catalog.sku_code_taken', title: expect.stringContaining(a.skus[0]!.code),
        errors: [{ path: results[0]!.status === 409 ? 'body.skus.0.code' : 'body.skus.3.code', code: 'catalog.sku_code_taken' }],
      });
    }
  });

  it('replaces a product: SKUs matched by code, missing codes removed with their stock', async () => {
    const input = gaiwan(cat.leafId);
    const created = (await call(koi, 'POST', '/api/admin/catalog/products', input, { token: owner })).body;
    const next = { ...input, title: '汝窑盖碗 改', specs: [{ name: '颜色', values: ['天青'] }, { name: '容量', values: ['150ml', '200ml'] }], skus: input.skus.slice(0, 2) };
    next.skus[0] = { ...next.skus[0]!, priceFen: 15800, stock: 7 };
    const res = await call(koi, 'PUT', `/api/admin/catalog/products/${created.id}`, next, { token: owner });
    expect(res.status).toBe(200);
    expect(res.body.skus.map((s: { id: string }) => s.id)).toEqual(created.skus.slice(0, 2).map((s: { id: string }) => s.id));
    expect(res.body).toMatchObject({ title: '汝窑盖碗 改', priceMinFen: 15800, stockTotal: 12 });
    const gone = await koi.inventory.levels([created.skus[3].id]);
    expect(gone.get(created.skus[3].id)).toEqual({ onHand: 0, reserved: 0, available: 0 });
    expect((await call(koi, 'PUT', '/api/admin/catalog/products/0190a0a0-0000-7000-8000-000000000000', next, { token: owner })).status).toBe(404);
  });

  it('lets a guide view products but not create them', async () => {
    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    expect((await call(koi, 'GET', '/api/admin/catalog/products', undefined, { token: guide })).status).toBe(200);
    const res = await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId), { token: guide });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
    expect((await call(koi, 'POST', '/api/admin/catalog/categories', { name: '不行' }, { token: guide })).status).toBe(403);
    expect((await call(koi, 'GET', '/api/admin/catalog/products')).status).toBe(401);
  });

  it('publishes the whole document with a growing revision for saves, status, price and stock changes', async () => {
    const created = (await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId), { token: owner })).body;
    const docs = async () => (await outbox(koi, CatalogEvents.productSaved)).map((e) => e.payload).filter((d) => d.productId === created.id);
    const [first] = await docs();
    expect(first).toMatchObject({
      productId: created.id, revision: 1, title: '汝窑天青开片盖碗', status: 'on_sale', tags: ['新品', '送礼'],
      specTerms: ['颜色', '天青', '月白', '容量', '150ml', '200ml'], skuCodes: created.skus.map((s: { code: string }) => s.code),
      image: '/media/demo-x.webp', priceMinFen: 16800, priceMaxFen: 18800, listPriceFen: 23800, inStock: true, stockTotal: 37, sales: 0, rating: null,
    });
    expect(first.categoryPath.map((c: { id: string }) => c.id)).toEqual([cat.rootId, cat.leafId]);

    await call(koi, 'POST', '/api/admin/catalog/products/batch-status', { ids: [created.id], status: 'off_shelf' }, { token: owner });
    await call(koi, 'POST', '/api/admin/catalog/products/batch-price', { ids: [created.id], mode: 'percent', value: -10 }, { token: owner });
    await koi.db.tx((q) => koi.inventory.reserve(q, [{ skuId: created.skus[0].id, qty: 3 }]));
    while ((await koi.bus.dispatchOnce()) > 0);
    await call(koi, 'PATCH', `/api/admin/catalog/categories/${cat.leafId}`, { name: '改名类目' }, { token: owner });

    const all = await docs();
    expect(all.map((d) => d.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(all[1]).toMatchObject({ status: 'off_shelf' });
    expect(all[2]).toMatchObject({ priceMinFen: 15120, priceMaxFen: 16920 });
    expect(all[3]).toMatchObject({ stockTotal: 34, inStock: true });
    expect(all[4].categoryPath.at(-1)).toEqual({ id: cat.leafId, name: '改名类目' });

    const held = await call(koi, 'DELETE', `/api/admin/catalog/products/${created.id}`, undefined, { token: owner });
    expect(held.status).toBe(409);
    expect(held.body).toMatchObject({ code: 'catalog.sku_reserved', title: expect.stringContaining(created.skus[0].code) });
    await koi.db.tx((q) => koi.inventory.release(q, [{ skuId: created.skus[0].id, qty: 3 }]));
    const del = await call(koi, 'DELETE', `/api/admin/catalog/products/${created.id}`, undefined, { token: owner });
    expect(del.body).toEqual({ ok: true });
    const removed = (await outbox(koi, CatalogEvents.productRemoved)).map((e) => e.payload).filter((d) => d.productId === created.id);
    expect(removed).toEqual([{ productId: created.id, revision: 6 }]);
    expect((await call(koi, 'GET', `/api/admin/catalog/products/${created.id}`, undefined, { token: owner })).status).toBe(404);
  });

  it('changes prices in batches exactly, and refuses a batch that would break a rule', async () => {
    const a = (await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId), { token: owner })).body;
    expect((await call(koi, 'POST', '/api/admin/catalog/products/batch-price', { ids: [a.id], mode: 'delta', value: -1000 }, { token: owner })).body).toEqual({ updated: 1 });
    const after = (await call(koi, 'GET', `/api/admin/catalog/products/${a.id}`, undefined, { token: owner })).body;
    expect(after.skus.map((s: { priceFen: number }) => s.priceFen)).toEqual([15800, 17800, 15800, 17800]);
    const over = await call(koi, 'POST', '/api/admin/catalog/products/batch-price', { ids: [a.id], mode: 'set', value: 30000 }, { token: owner });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('catalog.batch_price_invalid');
    const neg = await call(koi, 'POST', '/api/admin/catalog/products/batch-price', { ids: [a.id], mode: 'delta', value: -20000 }, { token: owner });
    expect(neg.body.code).toBe('catalog.batch_price_invalid');
    expect((await call(koi, 'GET', `/api/admin/catalog/products/${a.id}`, undefined, { token: owner })).body.priceMinFen).toBe(15800);
  });

  it('lists a page in a fixed number of statements whatever its size', async () => {
    for (let i = 0; i < 6; i++) await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId, { title: `列表商品 ${i}` }), { token: owner });
    const count = async (pageSize: number) => {
      await call(koi, 'GET', `/api/admin/catalog/products?pageSize=${pageSize}`, undefined, { token: owner }); // warm the session cache
      const before = koi.db.stats.statements;
      const res = await call(koi, 'GET', `/api/admin/catalog/products?pageSize=${pageSize}`, undefined, { token: owner });
      expect(res.body.items.length).toBe(Math.min(pageSize, res.body.total));
      return koi.db.stats.statements - before;
    };
    const small = await count(2);
    const big = await count(40);
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(4);

    const filtered = await call(koi, 'GET', `/api/admin/catalog/products?q=${encodeURIComponent('列表商品')}&categoryId=${cat.rootId}&status=on_sale&pageSize=4`, undefined, { token: owner });
    expect(filtered.body.total).toBe(6);
    expect(filtered.body.items[0]).toMatchObject({ title: '列表商品 5', skuCount: 4, stockTotal: 37, mainImage: '/media/demo-x.webp', priceMinFen: 16800 });
    const byCode = (await call(koi, 'GET', `/api/admin/catalog/products/${filtered.body.items[0].id}`, undefined, { token: owner })).body.skus[0].code;
    expect((await call(koi, 'GET', `/api/admin/catalog/products?q=${byCode}`, undefined, { token: owner })).body.items.map((r: { id: string }) => r.id)).toEqual([filtered.body.items[0].id]);
    expect((await call(koi, 'GET', '/api/admin/catalog/products?q=%25', undefined, { token: owner })).body.total).toBe(0);
  });

  it('lists exactly the products named by `ids` (comma-separated or repeated), capped and checked', async () => {
    const made: { id: string }[] = [];
    for (let i = 0; i < 3; i++) made.push((await call(koi, 'POST', '/api/admin/catalog/products', gaiwan(cat.leafId, { title: `挑选商品 ${i}` }), { token: owner })).body);
    const removed = made[2]!;
    await call(koi, 'DELETE', `/api/admin/catalog/products/${removed.id}`, undefined, { token: owner });
    const titles = (body: { items: { title: string }[] }) => body.items.map((r) => r.title).sort();

    const comma = await call(koi, 'GET', `/api/admin/catalog/products?ids=${made.map((p) => p.id).join(',')}&pageSize=100`, undefined, { token: owner });
    expect(comma.status).toBe(200);
    expect(comma.body.total).toBe(2); // the removed one is not there: a picker shows it as missing
    expect(titles(comma.body)).toEqual(['挑选商品 0', '挑选商品 1']);
    const repeated = await call(koi, 'GET', `/api/admin/catalog/products?ids=${made[0]!.id}&ids=${made[1]!.id}`, undefined, { token: owner });
    expect(titles(repeated.body)).toEqual(['挑选商品 0', '挑选商品 1']);
    // Combined with the other filters; an empty list finds nothing.
    expect((await call(koi, 'GET', `/api/admin/catalog/products?ids=${made[0]!.id}&status=draft`, undefined, { token: owner })).body.total).toBe(0);
    expect((await call(koi, 'GET', '/api/admin/catalog/products?ids=', undefined, { token: owner })).body.total).toBe(0);

    // One request whatever the number of ids.
    const before = koi.db.stats.statements;
    await call(koi, 'GET', `/api/admin/catalog/products?ids=${made.map((p) => p.id).join(',')}`, undefined, { token: owner });
    expect(koi.db.stats.statements - before).toBeLessThanOrEqual(4);

    const bad = await call(koi, 'GET', `/api/admin/catalog/products?ids=${made[0]!.id},nope`, undefined, { token: owner, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'http.validation_failed', errors: [{ path: 'querystring.ids.1', code: 'invalid_format' }] });
    const tooMany = Array.from({ length: 101 }, () => made[0]!.id).join(',');
    const capped = await call(koi, 'GET', `/api/admin/catalog/products?ids=${tooMany}`, undefined, { token: owner });
    expect(capped.status).toBe(400);
    expect(capped.body.errors[0]).toMatchObject({ path: 'querystring.ids', code: 'too_big', message: '最多 100 项' });
  });
});
