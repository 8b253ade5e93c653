import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';

describe.each(DB_KINDS)('staff, roles and store scope on %s', (kind) => {
  let koi: TestKoi;
  let stores: { id: string; name: string }[];
  beforeAll(async () => {
    koi = await startKoi(kind);
    stores = await koi.stores.list();
  });
  afterAll(async () => koi.dispose());
  const hz = () => stores.find((s) => s.name.includes('杭州'))!.id;
  const sh = () => stores.find((s) => s.name.includes('上海'))!.id;

  it('signs staff in and out, and refuses wrong passwords without saying which part was wrong', async () => {
    const bad = await call(koi, 'POST', '/api/admin/auth/login', { email: 'owner@koi.demo', password: 'wrong' });
    const unknown = await call(koi, 'POST', '/api/admin/auth/login', { email: 'nobody@koi.demo', password: 'wrong' });
    expect(bad.status).toBe(401);
    expect(unknown.body.code).toBe(bad.body.code);
    const token = await staffToken(koi, 'Owner@Koi.demo');
    const me = await call(koi, 'GET', '/api/admin/me', undefined, { token });
    expect(me.body.role).toBe('owner');
    expect(me.body.permissions).toContain('staff:manage');
    expect((await call(koi, 'POST', '/api/admin/auth/logout', undefined, { token })).status).toBe(200);
    expect((await call(koi, 'GET', '/api/admin/me', undefined, { token })).status).toBe(401);
  });

  it('denies by default: a guide may not list staff, a shopper token is no staff token', async () => {
    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    const res = await call(koi, 'GET', '/api/admin/staff', undefined, { token: guide });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
    expect((await call(koi, 'GET', '/api/admin/jobs/dead', undefined, { token: guide })).status).toBe(403);
    const shopper = await shopperToken(koi, '13700000001');
    expect((await call(koi, 'GET', '/api/admin/staff', undefined, { token: shopper })).status).toBe(401);
    expect((await call(koi, 'GET', '/api/admin/staff')).status).toBe(401);
  });

  it('an operator may view staff but not manage them', async () => {
    const operator = await staffToken(koi, 'operator@koi.demo');
    expect((await call(koi, 'GET', '/api/admin/staff', undefined, { token: operator })).status).toBe(200);
    const create = await call(koi, 'POST', '/api/admin/staff', { email: 'x@koi.demo', name: 'x', password: 'password-1', role: 'finance', storeId: null }, { token: operator });
    expect(create.status).toBe(403);
  });

  it('a store manager sees and manages only their own store', async () => {
    const manager = await staffToken(koi, 'manager.hz@koi.demo');
    const list = await call(koi, 'GET', '/api/admin/staff?pageSize=100', undefined, { token: manager });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((s: { storeId: string }) => s.storeId === hz())).toBe(true);
    expect((await call(koi, 'GET', '/api/admin/stores', undefined, { token: manager })).body.items.map((s: { id: string }) => s.id)).toEqual([hz()]);

    const ok = await call(koi, 'POST', '/api/admin/staff', { email: 'guide2.hz@koi.demo', name: '新导购', password: 'password-1', role: 'shopping_guide', storeId: hz() }, { token: manager });
    expect(ok.status).toBe(200);
    const otherStore = await call(koi, 'POST', '/api/admin/staff', { email: 'g.sh@koi.demo', name: 'x', password: 'password-1', role: 'shopping_guide', storeId: sh() }, { token: manager });
    expect(otherStore.status).toBe(403);
    expect(otherStore.body.code).toBe('auth.store_scope');
    const promote = await call(koi, 'POST', '/api/admin/staff', { email: 'op2@koi.demo', name: 'x', password: 'password-1', role: 'operator', storeId: hz() }, { token: manager });
    expect(promote.body.code).toBe('identity.staff_role_not_assignable');

    const owner = await staffToken(koi, 'owner@koi.demo');
    const all = (await call(koi, 'GET', '/api/admin/staff?pageSize=100', undefined, { token: owner })).body.items;
    const shGuide = all.find((s: { email: string }) => s.email === 'guide.sh@koi.demo');
    const touch = await call(koi, 'PATCH', `/api/admin/staff/${shGuide.id}`, { name: '改名' }, { token: manager });
    expect(touch.status).toBe(404);
  });

  it('disabling a staff member ends their sessions at once, and is audited', async () => {
    const owner = await staffToken(koi, 'owner@koi.demo');
    const guide = await staffToken(koi, 'guide.sz@koi.demo');
    const all = (await call(koi, 'GET', '/api/admin/staff?pageSize=100', undefined, { token: owner })).body.items;
    const target = all.find((s: { email: string }) => s.email === 'guide.sz@koi.demo');
    const res = await call(koi, 'PATCH', `/api/admin/staff/${target.id}`, { disabled: true }, { token: owner });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);
    expect((await call(koi, 'GET', '/api/admin/me', undefined, { token: guide })).status).toBe(401);
    const again = await call(koi, 'POST', '/api/admin/auth/login', { email: 'guide.sz@koi.demo', password: 'koi-demo-2026' });
    expect(again.body.code).toBe('identity.staff_disabled');
  });

  it('validates staff input with every bad field', async () => {
    const owner = await staffToken(koi, 'owner@koi.demo');
    const res = await call(koi, 'POST', '/api/admin/staff', { email: 'bad', name: '', password: 'short', role: 'boss' }, { token: owner });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.name', 'body.password', 'body.role']);
    const noStore = await call(koi, 'POST', '/api/admin/staff', { email: 'g@koi.demo', name: 'g', password: 'password-1', role: 'shopping_guide', storeId: null }, { token: owner });
    expect(noStore.status).toBe(422);
    expect(noStore.body.code).toBe('identity.staff_store_required');
    const badStore = await call(koi, 'POST', '/api/admin/staff', { email: 'g@koi.demo', name: 'g', password: 'password-1', role: 'shopping_guide', storeId: '01a20000-0000-7000-8000-000000000000' }, { token: owner });
    expect(badStore.body.code).toBe('identity.store_unknown');
  });

  it('rate-limits staff sign-in attempts per account', async () => {
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await call(koi, 'POST', '/api/admin/auth/login', { email: 'finance@koi.demo', password: `guess-${i}` }));
    expect(results.slice(0, 10).every((r) => r.status === 401)).toBe(true);
    expect(results.slice(10).every((r) => r.status === 429)).toBe(true);
  });
});

describe('who you are comes before what you sent', () => {
  it('a stranger posting a bad body gets 401, not our field list', async () => {
    const koi = await startKoi('pglite', { seed: false });
    try {
      const res = await call(koi, 'POST', '/api/admin/staff', { nonsense: true });
      expect(res.status).toBe(401);
      expect(res.body.errors).toBeUndefined();
    } finally {
      await koi.dispose();
    }
  });
});
