import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.ts';
import { buildKoi, type Koi } from '../src/app.ts';
import { createLogger } from '../src/platform/log.ts';
import { openPglite } from '../src/platform/db.ts';

/** The HTTP edge, once (it does not depend on the database kind). */
describe('HTTP contract', () => {
  let koi: Koi;
  beforeAll(async () => {
    const db = await openPglite(undefined);
    koi = await buildKoi(loadConfig({ KOI_DEMO: 'false', KOI_LOG_LEVEL: 'silent' }), {
      db,
      logger: createLogger('silent'),
      extend: ({ app }) => {
        app.get('/api/test/boom', { schema: { hide: true } }, async () => {
          throw new Error('secret internal detail at /srv/koi/file.ts:42');
        });
      },
    });
  });
  afterAll(async () => {
    await koi.close();
    await koi.db.close();
  });

  it('documents every route in OpenAPI 3.1 and serves the docs UI', async () => {
    const doc = (await koi.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/shop/auth/otp', '/api/admin/staff', '/api/health']));
    expect((await koi.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    const login = doc.paths['/api/admin/auth/login'].post;
    expect(login.responses['4XX'].content['application/json'].schema.properties.code).toBeDefined();
  });

  it('every POST, PUT and PATCH answers malformed JSON with a 400 problem carrying a code', async () => {
    const doc = (await koi.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const targets: [string, string][] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of ['post', 'put', 'patch']) if (ops[method]) targets.push([method.toUpperCase(), path.replace(/\{[^}]+\}/g, '01a20000-0000-7000-8000-000000000000')]);
    }
    expect(targets.length).toBeGreaterThan(5);
    for (const [method, url] of targets) {
      const res = await koi.app.inject({ method: method as 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{"phone": "1380' });
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect(res.headers['content-type'], `${method} ${url}`).toMatch(/^application\/problem\+json/);
      expect(res.json().code, `${method} ${url}`).toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
  });

  it('lists every bad field, localised by Accept-Language', async () => {
    const res = await koi.app.inject({
      method: 'POST', url: '/api/admin/auth/login', headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ email: 'not-an-email', password: '', extra: 1 }),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('http.validation_failed');
    expect(body.title).toBe('The request has invalid fields');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body', 'body.email', 'body.password']);
    expect(body.errors.find((e: { path: string }) => e.path === 'body.email').message).toBe('Invalid email address');

    // The same mistakes in Chinese, field by field (zh-CN is also the default without the header).
    for (const lang of ['zh-CN,zh;q=0.9,en;q=0.8', undefined]) {
      const zh = await koi.app.inject({
        method: 'POST', url: '/api/admin/auth/login', headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) },
        payload: JSON.stringify({ email: 'not-an-email', password: '', extra: 1 }),
      });
      const messages = Object.fromEntries(zh.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]));
      expect(zh.json().title).toBe('请求参数有误，请检查标出的字段');
      expect(messages).toEqual({ body: '不支持的字段：extra', 'body.email': '邮箱格式不正确', 'body.password': '不能为空' });
    }
    const missing = await koi.app.inject({ method: 'POST', url: '/api/shop/auth/otp', headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' }, payload: '{}' });
    expect(missing.json().errors).toEqual([{ path: 'body.phone', code: 'invalid_type', message: '必填' }]);
    const phone = await koi.app.inject({ method: 'POST', url: '/api/shop/auth/otp', headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' }, payload: '{"phone":"123"}' });
    expect(phone.json().errors[0].message).toBe('请输入 11 位中国大陆手机号');
  });

  it('answers wrong content types, oversized bodies and unknown routes with 4xx problems', async () => {
    const wrongType = await koi.app.inject({ method: 'POST', url: '/api/shop/auth/otp', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('http.unsupported_media_type');

    const xml = await koi.app.inject({ method: 'POST', url: '/api/shop/auth/otp', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);

    const big = await koi.app.inject({ method: 'POST', url: '/api/shop/auth/otp', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ phone: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('http.payload_too_large');

    const missing = await koi.app.inject({ method: 'GET', url: '/api/shop/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('http.not_found');

    const noBody = await koi.app.inject({ method: 'POST', url: '/api/shop/auth/otp', headers: { 'content-type': 'application/json' } });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().code).toMatch(/^http\./);
  });

  it('an unexpected error is a 500 problem with a correlation id and nothing leaked', async () => {
    const res = await koi.app.inject({ method: 'GET', url: '/api/test/boom', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('http.internal');
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(body.title).toContain(body.requestId);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('file.ts');
    expect(body).not.toHaveProperty('stack');
  });

  it('a search for characters without pinyin is an answer, not an error', async () => {
    for (const q of ['𧼯㡢', '🈐', '\'"):*&|!<->']) {
      const res = await koi.app.inject({ method: 'GET', url: `/api/shop/search?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(200);
    }
  });

  it('reports health with the database check', async () => {
    const res = await koi.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true, kind: 'pglite' } });
  });
});
