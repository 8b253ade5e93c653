import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, lastSmsCode, shopperToken, startKoi, type TestKoi } from './harness.ts';
import { clock } from '../src/platform/clock.ts';

describe.each(DB_KINDS)('shopper sign-in on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind);
  });
  afterAll(async () => koi.dispose());

  it('signs in with phone + code, and the same phone is the same shopper next time', async () => {
    const t1 = await shopperToken(koi, '13900000001');
    const me1 = await call(koi, 'GET', '/api/shop/me', undefined, { token: t1 });
    expect(me1.status).toBe(200);
    expect(me1.body.phone).toBe('139****0001');
    clock.advance(61_000);
    const t2 = await shopperToken(koi, '13900000001');
    const me2 = await call(koi, 'GET', '/api/shop/me', undefined, { token: t2 });
    expect(me2.body.id).toBe(me1.body.id);
  });

  it('a seeded member signing in lands on their existing account', async () => {
    clock.advance(61_000);
    const token = await shopperToken(koi, '13916880001', '10.3.3.3');
    const me = await call(koi, 'GET', '/api/shop/me', undefined, { token });
    expect(me.body.nickname).toBe('张雅琴');
  });

  it('refuses an expired code', async () => {
    const phone = '13900000002';
    await call(koi, 'POST', '/api/shop/auth/otp', { phone });
    const code = await lastSmsCode(koi, phone);
    clock.advance(5 * 60_000 + 1000);
    const res = await call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('identity.otp_expired');
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('allows five tries, then refuses even the right code', async () => {
    clock.advance(61_000);
    const phone = '13900000003';
    await call(koi, 'POST', '/api/shop/auth/otp', { phone });
    const code = await lastSmsCode(koi, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code: wrong }, { lang: 'en' }));
    expect(answers.map((a) => a.body.code)).toEqual(Array(5).fill('identity.otp_invalid'));
    expect(answers[0]!.body.title).toBe('Wrong code; 4 tries left');
    expect(answers[4]!.body.title).toBe('Wrong code; 0 tries left');
    const sixth = await call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code });
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('identity.otp_too_many_attempts');
  });

  it('parallel guesses cannot exceed five tries', async () => {
    clock.advance(61_000);
    const phone = '13900000004';
    await call(koi, 'POST', '/api/shop/auth/otp', { phone });
    const code = await lastSmsCode(koi, phone);
    const guesses = Array.from({ length: 30 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(guesses.map((g) => call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code: g })));
    expect(results.filter((r) => r.body.code === 'identity.otp_invalid')).toHaveLength(5);
    expect(results.filter((r) => r.body.code === 'identity.otp_too_many_attempts')).toHaveLength(25);
  });

  it('a code works once', async () => {
    clock.advance(61_000);
    const phone = '13900000005';
    await call(koi, 'POST', '/api/shop/auth/otp', { phone });
    const code = await lastSmsCode(koi, phone);
    const [a, b] = await Promise.all([
      call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code }),
      call(koi, 'POST', '/api/shop/auth/login/phone', { phone, code }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 422]);
  });

  it('rate-limits sends per phone (1 a minute) and per client address', async () => {
    clock.set('2026-11-23T10:00:05Z');
    const phone = '13900000006';
    expect((await call(koi, 'POST', '/api/shop/auth/otp', { phone }, { ip: '10.9.9.9' })).status).toBe(200);
    const again = await call(koi, 'POST', '/api/shop/auth/otp', { phone }, { ip: '10.9.9.9' });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('http.rate_limited');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(60_000);
    expect((await call(koi, 'POST', '/api/shop/auth/otp', { phone }, { ip: '10.9.9.9' })).status).toBe(200);

    const ip = '10.8.8.8';
    const statuses = [];
    for (let i = 0; i < 42; i++) statuses.push((await call(koi, 'POST', '/api/shop/auth/otp', { phone: `137${String(i).padStart(8, '0')}` }, { ip })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.slice(40)).toEqual([429, 429]);
  });

  it('first sign-ins racing for one new person make one shopper', async () => {
    const codes = await Promise.all(
      Array.from({ length: 8 }, () => call(koi, 'POST', '/sim/wechat/mp/login', { user: 'racer-1', nickname: '赛跑者' }).then((r) => r.body.code as string)),
    );
    const logins = await Promise.all(codes.map((code) => call(koi, 'POST', '/api/shop/auth/login/wechat', { kind: 'mp', code })));
    expect(logins.map((l) => l.status)).toEqual(Array(8).fill(200));
    expect(new Set(logins.map((l) => l.body.shopper.id)).size).toBe(1);
  });

  it('WeChat mini-program and H5 OAuth logins of one person meet at the unionid', async () => {
    const mpCode = (await call(koi, 'POST', '/sim/wechat/mp/login', { user: 'tea-lover' })).body.code;
    const mp = await call(koi, 'POST', '/api/shop/auth/login/wechat', { kind: 'mp', code: mpCode });
    expect(mp.status).toBe(200);
    expect(mp.body.shopper.wechatBound).toBe(true);

    const url = (await call(koi, 'GET', `/api/shop/auth/wechat/oauth-url?redirect=${encodeURIComponent('http://127.0.0.1:3000/#/pages/login/login')}`)).body.url as string;
    const page = await koi.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('爱喝茶的小林');
    const confirm = await koi.app.inject({ method: 'GET', url: `/sim/wechat/connect/oauth2/confirm?${new URL(url, 'http://x').searchParams}&user=tea-lover` });
    expect(confirm.statusCode).toBe(302);
    const code = new URL(String(confirm.headers.location)).searchParams.get('code')!;
    const h5 = await call(koi, 'POST', '/api/shop/auth/login/wechat', { kind: 'oauth', code });
    expect(h5.status).toBe(200);
    expect(h5.body.shopper.id).toBe(mp.body.shopper.id);
    expect(h5.body.shopper.nickname).toBe('爱喝茶的小林');

    const reused = await call(koi, 'POST', '/api/shop/auth/login/wechat', { kind: 'oauth', code });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('identity.wechat_code_invalid');
  });

  it('refuses OAuth redirects to another site', async () => {
    const res = await call(koi, 'GET', `/api/shop/auth/wechat/oauth-url?redirect=${encodeURIComponent('https://evil.example/steal')}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('identity.redirect_not_allowed');
  });

  it('a shopper sees only their own devices, and signing out ends the session', async () => {
    clock.advance(3600_000);
    const alice = await shopperToken(koi, '13900000011');
    const bob = await shopperToken(koi, '13900000012');
    const bobDevices = await call(koi, 'GET', '/api/shop/me/devices', undefined, { token: bob });
    const bobSession = bobDevices.body.items[0].id;
    const aliceDevices = await call(koi, 'GET', '/api/shop/me/devices', undefined, { token: alice });
    expect(aliceDevices.body.items.map((d: { id: string }) => d.id)).not.toContain(bobSession);

    const steal = await call(koi, 'DELETE', `/api/shop/me/devices/${bobSession}`, undefined, { token: alice });
    expect(steal.status).toBe(404);
    expect(steal.body.code).toBe('resource.not_found');
    expect((await call(koi, 'GET', '/api/shop/me', undefined, { token: bob })).status).toBe(200);

    expect((await call(koi, 'POST', '/api/shop/auth/logout', undefined, { token: bob })).status).toBe(200);
    const after = await call(koi, 'GET', '/api/shop/me', undefined, { token: bob });
    expect(after.status).toBe(401);
  });

  it('an expired session says so', async () => {
    const token = await shopperToken(koi, '13900000013', '10.2.2.2');
    clock.advance(31 * 86400_000);
    const res = await call(koi, 'GET', '/api/shop/me', undefined, { token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.session_expired');
  });
});

describe('client addresses', () => {
  it('a forged X-Forwarded-For does not reset the per-address OTP limit', async () => {
    const koi = await startKoi('pglite', { seed: false });
    try {
      const statuses = [];
      for (let i = 0; i < 41; i++) {
        const res = await call(koi, 'POST', '/api/shop/auth/otp', { phone: `136${String(i).padStart(8, '0')}` }, { ip: '10.7.7.7', headers: { 'x-forwarded-for': `203.0.113.${i}` } });
        statuses.push(res.status);
      }
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await koi.dispose();
    }
  });
});
