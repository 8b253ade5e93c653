import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { seedDemo } from '../src/demo/seed.ts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';

describe.each(DB_KINDS)('the demo catalog on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  let seconds = 0;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'koi-seed-'));
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false, env: { KOI_DATA_DIR: dataDir } });
    const started = Date.now();
    expect(await seedDemo(koi)).toBe(true);
    seconds = (Date.now() - started) / 1000;
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => {
    await koi.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // How long seeding takes is printed, not asserted: speed targets belong in benchmarks.
  it('seeds pictures included, and only once', async () => {
    console.info(`[koi] demo seed took ${seconds.toFixed(1)} s on ${kind}`);
    expect(await seedDemo(koi)).toBe(false);
  });

  it('has a two-level tree of tea-ware categories with products', async () => {
    const tree = (await call(koi, 'GET', '/api/shop/catalog/categories')).body.items;
    expect(tree.map((c: { name: string }) => c.name)).toEqual(['茶具', '紫砂壶', '茶叶', '茶礼']);
    expect(tree[1].children.map((c: { name: string }) => c.name)).toEqual(['朱泥', '紫泥', '段泥']);
    expect(tree.every((c: { productCount: number }) => c.productCount > 0)).toBe(true);
  });

  it('has a believable range: specs, list prices, low and sold-out stock, drafts and off-shelf items', async () => {
    const all = (await call(koi, 'GET', '/api/admin/catalog/products?pageSize=100', undefined, { token: owner })).body;
    expect(all.total).toBeGreaterThanOrEqual(36);
    const by = (status: string) => all.items.filter((p: { status: string }) => p.status === status).length;
    // Off the shelf: one product, and the 满赠 茶巾 (a gift only, never sold on its own).
    expect([by('draft'), by('off_shelf')]).toEqual([2, 2]);
    expect(all.items.filter((p: { stockTotal: number }) => p.stockTotal === 0).length).toBe(2);
    expect(all.items.some((p: { sales: number }) => p.sales > 1000)).toBe(true);

    const pot = all.items.find((p: { title: string }) => p.title === '宜兴原矿朱泥西施壶 220cc');
    const detail = (await call(koi, 'GET', `/api/shop/catalog/products/${pot.id}`)).body;
    expect(detail).toMatchObject({ priceMinFen: 88000, priceMaxFen: 98000, listPriceMaxFen: 118000, purchaseLimit: 2, specs: [{ name: '容量', values: ['180cc', '220cc'] }] });
    expect(detail.skus.map((s: { stockState: string }) => s.stockState)).toEqual(['in_stock', 'low']);
  });

  it('draws a WebP picture with a thumbnail for every product', async () => {
    const first = (await call(koi, 'GET', '/api/admin/catalog/products?pageSize=1', undefined, { token: owner })).body.items[0];
    expect(first.mainImage).toMatch(/^\/media\/demo-[a-z0-9-]+\.webp$/);
    const img = await koi.app.inject({ method: 'GET', url: first.mainImage });
    expect(img.statusCode).toBe(200);
    expect((await sharp(img.rawPayload).metadata()).width).toBe(800);
    const thumb = await koi.app.inject({ method: 'GET', url: first.mainImage.replace('/media/', '/media/thumbs/') });
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(400);
  });

  it('has the three collections the home page shows', async () => {
    const items = (await call(koi, 'GET', '/api/admin/catalog/collections', undefined, { token: owner })).body.items;
    expect(items.map((c: { name: string; mode: string }) => [c.name, c.mode])).toEqual([['新品上架', 'manual'], ['热销榜', 'rule'], ['送礼精选', 'rule']]);
    expect(items.every((c: { productCount: number }) => c.productCount >= 4)).toBe(true);
  });
});
