import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { upload } from './catalog-fixtures.ts';

const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#6a9f8e' } }).png().toBuffer();

describe.each(DB_KINDS)('catalog media on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'koi-media-'));
  beforeAll(async () => {
    koi = await startKoi(kind, { env: { KOI_DATA_DIR: dataDir } });
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => {
    await koi.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores an image under a new name with a 400 px WebP thumbnail, and serves both', async () => {
    const res = await upload(koi, '/api/admin/catalog/media', owner, await png(1200, 800), '../../etc/passwd.png', 'image/png');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ url: expect.stringMatching(/^\/media\/[0-9a-f-]{36}\.png$/), thumbUrl: expect.stringMatching(/^\/media\/thumbs\/[0-9a-f-]{36}\.webp$/), width: 1200, height: 800 });
    const original = await koi.app.inject({ method: 'GET', url: res.body.url });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.rawPayload.length).toBe(res.body.bytes);
    const thumb = await koi.app.inject({ method: 'GET', url: res.body.thumbUrl });
    expect(thumb.statusCode).toBe(200);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 400, 267]);
    const missing = await koi.app.inject({ method: 'GET', url: '/media/nothing.png' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });

  it('serves an uploaded photo without its camera metadata, turned the right way up', async () => {
    // A phone photo: stored sideways (orientation 6) with GPS and camera fields in its EXIF.
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#8a6f4e' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'KoiPhone', Model: 'Tea 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await upload(koi, '/api/admin/catalog/media', owner, photo, 'IMG_0001.jpg', 'image/jpeg');
    expect(res.status).toBe(200);
    expect([res.body.width, res.body.height]).toEqual([400, 600]);
    const served = await koi.app.inject({ method: 'GET', url: res.body.url });
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    expect(served.rawPayload.includes(Buffer.from('KoiPhone'))).toBe(false);
  });

  it('goes by the bytes, not the name or the claimed type', async () => {
    const jpeg = await sharp(await png(300, 300)).jpeg().toBuffer();
    const named = await upload(koi, '/api/admin/catalog/media', owner, jpeg, 'photo.gif', 'text/plain');
    expect(named.status).toBe(200);
    expect(named.body.url).toMatch(/\.jpg$/);

    const html = await upload(koi, '/api/admin/catalog/media', owner, Buffer.from('<html><script>alert(1)</script></html>'), 'cute.png', 'image/png');
    expect(html.status).toBe(415);
    expect(html.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(html.body.code).toBe('catalog.media_not_image');

    const svg = await upload(koi, '/api/admin/catalog/media', owner, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg', 'image/svg+xml');
    expect(svg.body.code).toBe('catalog.media_not_image');

    // A PNG signature in front of garbage is still not an image.
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    expect((await upload(koi, '/api/admin/catalog/media', owner, fake, 'x.png', 'image/png')).body.code).toBe('catalog.media_not_image');
  });

  it('refuses files over 5 MB, requests without a file, and staff without product:manage', async () => {
    const big = Buffer.concat([await png(10, 10), Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const res = await upload(koi, '/api/admin/catalog/media', owner, big, 'big.png', 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('catalog.media_too_large');

    const json = await call(koi, 'POST', '/api/admin/catalog/media', { file: 'x' }, { token: owner });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('catalog.file_required');

    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    expect((await upload(koi, '/api/admin/catalog/media', guide, await png(10, 10), 'a.png', 'image/png')).status).toBe(403);
  });

  it('keeps multipart away from JSON routes', async () => {
    const body = await upload(koi, '/api/admin/catalog/categories', owner, Buffer.from('{}'), 'a.json', 'application/json');
    expect(body.status).toBe(415);
    expect(body.body.code).toBe('http.unsupported_media_type');
  });
});
