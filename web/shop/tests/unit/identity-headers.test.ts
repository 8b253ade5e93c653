// Run: node --import tsx --test tests/unit/*.test.ts (from web/shop; see README)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZBehaviourBatch, ZOk } from '@koi/contracts';
import { anonymousId } from '../../src/api/anonymous-id.ts';
import { beaconBody } from '../../src/api/behaviour.ts';
import { configureRequest, request } from '../../src/api/request.ts';

/**
 * Which device and which shopper a request speaks for: every request carries `X-Anonymous-Id`, and a
 * beacon (no headers possible) carries the anonymous id and the session token in its body.
 * `uni` is faked: storage keeps the id, uni.request records what would leave.
 */
const storage = new Map<string, unknown>();
const sent: { url: string; header: Record<string, string> }[] = [];
const fakeUni = {
  getStorageSync: (k: string) => storage.get(k) ?? '',
  setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
  request: (o: { url: string; header: Record<string, string>; success: (r: { statusCode: number; data: unknown }) => void }) => {
    sent.push({ url: o.url, header: o.header });
    o.success({ statusCode: 200, data: { ok: true } });
  },
};
// Read only when a function runs, so setting them after the imports is in time.
Object.assign(globalThis, { uni: fakeUni, __KOI_API_BASE__: '' });

const events = [{ type: 'page_view' as const, props: {} }];

describe('the device and the shopper on every call', () => {
  it('sends the same stored anonymous id on every request, signed in or not', async () => {
    let token: string | null = null;
    configureRequest({ token: () => token, locale: () => 'zh-CN', onUnauthorized: () => undefined });
    await request('/api/shop/search', { query: { q: '龙井' }, schema: ZOk });
    token = 'ksh_abcdefghijklmnopqrstuvwxyz';
    await request('/api/shop/events', { method: 'POST', body: {}, schema: ZOk });
    const id = anonymousId();
    assert.match(id, /^anon_[a-z0-9]{8,}/);
    assert.equal(storage.get('koi.anonymousId'), id);
    assert.deepEqual(sent.map((s) => s.header['X-Anonymous-Id']), [id, id]);
    assert.equal(sent[0]!.header.Authorization, undefined);
    assert.equal(sent[1]!.header.Authorization, `Bearer ${token}`);
  });

  it('puts the anonymous id, and the session token when signed in, in a beacon\'s body, as the contract takes it', () => {
    const signedIn = beaconBody(events, 'ksh_abcdefghijklmnopqrstuvwxyz');
    assert.deepEqual(signedIn, { anonymousId: anonymousId(), events, token: 'ksh_abcdefghijklmnopqrstuvwxyz' });
    assert.equal(ZBehaviourBatch.safeParse(signedIn).success, true);
    const guest = beaconBody(events, null);
    assert.equal('token' in guest, false);
    assert.equal(ZBehaviourBatch.safeParse(guest).success, true);
    // Without an explicit token it asks the request context, like a header would.
    configureRequest({ token: () => 'ksh_fromthesessionstore000000', locale: () => 'zh-CN', onUnauthorized: () => undefined });
    assert.equal(beaconBody(events).token, 'ksh_fromthesessionstore000000');
  });
});
