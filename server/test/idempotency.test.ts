import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { clock } from '../src/platform/clock.ts';

describe.each(DB_KINDS)('Idempotency-Key on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => koi.dispose());

  const newStaff = (email: string) => ({ email, name: '试用店员', password: 'password-123', role: 'customer_service', storeId: null });

  it('replays the stored response for the same key and body', async () => {
    const headers = { 'idempotency-key': 'create-staff-1' };
    const first = await call(koi, 'POST', '/api/admin/staff', newStaff('idem1@koi.demo'), { token: owner, headers });
    const second = await call(koi, 'POST', '/api/admin/staff', newStaff('idem1@koi.demo'), { token: owner, headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
  });

  it('replays errors too', async () => {
    const headers = { 'idempotency-key': 'create-staff-dup' };
    const a = await call(koi, 'POST', '/api/admin/staff', newStaff('idem1@koi.demo'), { token: owner, headers });
    const b = await call(koi, 'POST', '/api/admin/staff', newStaff('idem1@koi.demo'), { token: owner, headers });
    expect(a.status).toBe(409);
    expect(a.body.code).toBe('identity.staff_email_taken');
    expect(b.status).toBe(409);
    expect(b.body.requestId).toBe(a.body.requestId);
  });

  it('refuses the same key with a different body', async () => {
    const headers = { 'idempotency-key': 'create-staff-2' };
    expect((await call(koi, 'POST', '/api/admin/staff', newStaff('idem2@koi.demo'), { token: owner, headers })).status).toBe(200);
    const other = await call(koi, 'POST', '/api/admin/staff', newStaff('idem3@koi.demo'), { token: owner, headers });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency.key_reused');
  });

  it('the same key sent twice at once creates one account', async () => {
    const headers = { 'idempotency-key': 'race-key' };
    const results = await Promise.all(Array.from({ length: 10 }, () => call(koi, 'POST', '/api/admin/staff', newStaff('race@koi.demo'), { token: owner, headers })));
    const created = results.filter((r) => r.status === 200 && r.headers['idempotent-replayed'] !== 'true');
    expect(created).toHaveLength(1);
    for (const r of results) expect([200, 409]).toContain(r.status);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('idempotency.in_progress');
    const list = await call(koi, 'GET', '/api/admin/staff?pageSize=100', undefined, { token: owner });
    expect(list.body.items.filter((s: { email: string }) => s.email === 'race@koi.demo')).toHaveLength(1);
  });

  it('keys are per signed-in subject and expire after 24 hours', async () => {
    const operatorCannot = await staffToken(koi, 'manager.hz@koi.demo');
    const headers = { 'idempotency-key': 'create-staff-1' };
    const stores = (await call(koi, 'GET', '/api/admin/stores', undefined, { token: operatorCannot })).body.items;
    const mine = await call(koi, 'POST', '/api/admin/staff', { ...newStaff('idem-hz@koi.demo'), storeId: stores[0].id }, { token: operatorCannot, headers });
    expect(mine.status).toBe(200);
    expect(mine.headers['idempotent-replayed']).toBeUndefined();

    clock.advance(25 * 3600_000);
    const fresh = await call(koi, 'POST', '/api/admin/staff', newStaff('idem1@koi.demo'), { token: await staffToken(koi, 'owner@koi.demo'), headers: { 'idempotency-key': 'create-staff-1' } });
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(fresh.body.code).toBe('identity.staff_email_taken');
  });

  it('rejects a malformed key', async () => {
    const token = await staffToken(koi, 'owner@koi.demo');
    const res = await call(koi, 'POST', '/api/admin/staff', newStaff('k@koi.demo'), { token, headers: { 'idempotency-key': 'has space' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('idempotency.key_invalid');
  });
});
