import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DB_KINDS, startKoi, type TestKoi } from './harness.ts';
import { upload } from './catalog-fixtures.ts';
import { buyer, orderOf, product, review, type Buyer } from './review-fixtures.ts';

describe.each(DB_KINDS)('review photos on %s', (kind) => {
  let koi: TestKoi;
  let alice: Buyer;
  let bob: Buyer;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'koi-review-media-'));
  beforeAll(async () => {
    koi = await startKoi(kind, { env: { KOI_DATA_DIR: dataDir } });
    alice = await buyer(koi, '13700004001');
    bob = await buyer(koi, '13700004002');
  });
  afterAll(async () => {
    await koi?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a shopper\'s photo by its bytes, drops its EXIF, and lets only its uploader use it', async () => {
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#9cc3b9' } })
      .jpeg().withExif({ IFD0: { Make: 'KoiPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1' } }).toBuffer();
    // Named .png and claimed as PNG: the bytes say JPEG, and JPEG it is.
    const up = await upload(koi, '/api/shop/reviews/photos', alice.token, photo, 'cup.png', 'image/png');
    expect(up.status).toBe(200);
    expect(up.body.url).toMatch(/^\/media\/[0-9a-f-]{36}\.jpg$/);
    const served = await koi.app.inject({ method: 'GET', url: up.body.url });
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('KoiPhone'))).toBe(false);

    const notImage = await upload(koi, '/api/shop/reviews/photos', alice.token, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.jpg', 'image/jpeg');
    expect([notImage.status, notImage.body.code]).toEqual([415, 'catalog.media_not_image']);
    const guest = await koi.app.inject({ method: 'POST', url: '/api/shop/reviews/photos' });
    expect(guest.statusCode).toBe(401);

    const p = await product(koi);
    const mine = await orderOf(koi, alice, p.skuIds);
    const theirs = await orderOf(koi, bob, p.skuIds);
    const stolen = await review(koi, bob, { orderId: theirs.orderId, lineId: theirs.lineIds[0], rating: 5, photoUrls: [up.body.url] });
    expect([stolen.status, stolen.body.code]).toEqual([400, 'review.photo_unknown']);
    const tooMany = await review(koi, alice, { orderId: mine.orderId, lineId: mine.lineIds[0], rating: 5, photoUrls: Array.from({ length: 10 }, () => up.body.url) });
    expect(tooMany.status).toBe(400);
    const ok = await review(koi, alice, { orderId: mine.orderId, lineId: mine.lineIds[0], rating: 5, content: '实物比图片还好看', photoUrls: [up.body.url] });
    expect(ok.status).toBe(201);
    expect(ok.body.photos).toEqual([{ url: up.body.url, thumbUrl: up.body.thumbUrl }]);
    const preview = await koi.app.inject({ method: 'GET', url: `/api/shop/products/${p.productId}/reviews/preview` });
    expect(preview.json().summary.tags).toContainEqual({ key: 'photos', label: '有图', count: 1 });
  });
});
