import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ADDRESS_BOOK_LIMIT } from '@koi/contracts';
import { call, DB_KINDS, shopperToken, startKoi, type TestKoi } from './harness.ts';
import { KoiError } from '../src/platform/errors.ts';
import { clock } from '../src/platform/clock.ts';

const XIHU = { provinceCode: '330000', cityCode: '330100', districtCode: '330106' };
const address = (over: Record<string, unknown> = {}) => ({ recipient: '张雅琴', mobile: '13916880001', ...XIHU, detail: '南山路 218 号 3 幢 201', ...over });

describe.each(DB_KINDS)('shopper addresses on %s', (kind) => {
  let koi: TestKoi;
  let phone = 13800138100;
  /** A fresh shopper: their token and id. */
  async function shopper() {
    const token = await shopperToken(koi, String(phone++));
    const me = await call(koi, 'GET', '/api/shop/me', undefined, { token });
    return { token, id: me.body.id as string };
  }
  const defaults = async (customerId: string) =>
    (await koi.db.rows<{ id: string }>(sql`select id from customer_addresses where customer_id = ${customerId} and is_default`)).map((r) => r.id);

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
  });
  afterAll(async () => koi.dispose());

  it('saves an address with the region names derived from the codes, the first one as the default', async () => {
    const { token } = await shopper();
    const res = await call(koi, 'POST', '/api/shop/addresses', address({ label: '家' }), { token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ provinceName: '浙江省', cityName: '杭州市', districtName: '西湖区', label: '家', isDefault: true, mobile: '13916880001' });
    // Names are never taken from the client: the strict schema refuses them.
    const named = await call(koi, 'POST', '/api/shop/addresses', address({ provinceName: '火星' }), { token });
    expect(named.status).toBe(400);
    expect(named.body.code).toBe('http.validation_failed');
  });

  it('takes municipalities, 省直辖县级 and cities without districts', async () => {
    const { token } = await shopper();
    const cases = [
      [{ provinceCode: '110000', cityCode: '110100', districtCode: '110105' }, ['北京市', '北京市', '朝阳区']],
      [{ provinceCode: '500000', cityCode: '500200', districtCode: '500229' }, ['重庆市', '县', '城口县']],
      [{ provinceCode: '410000', cityCode: '419000', districtCode: '419001' }, ['河南省', '省直辖县', '济源市']],
      [{ provinceCode: '440000', cityCode: '441900', districtCode: '441904' }, ['广东省', '东莞市', '长安镇']],
    ] as const;
    for (const [codes, names] of cases) {
      const res = await call(koi, 'POST', '/api/shop/addresses', address(codes), { token });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect([res.body.provinceName, res.body.cityName, res.body.districtName]).toEqual(names);
    }
  });

  it('names every bad field: a wrong mobile, a district of another city, an unknown province', async () => {
    const { token } = await shopper();
    const mobile = await call(koi, 'POST', '/api/shop/addresses', address({ mobile: '12345678901', detail: '' }), { token });
    expect(mobile.status).toBe(400);
    expect(mobile.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.detail', 'body.mobile']);

    const mismatch = await call(koi, 'POST', '/api/shop/addresses', address({ districtCode: '320508' }), { token, lang: 'en' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.headers['content-type']).toContain('application/problem+json');
    expect(mismatch.body).toMatchObject({ code: 'customer.address_region_invalid', errors: [{ path: 'body.districtCode', code: 'region_mismatch' }] });

    const unknown = await call(koi, 'POST', '/api/shop/addresses', address({ provinceCode: '990000', cityCode: '320500', districtCode: '320508' }), { token });
    expect(unknown.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([['body.provinceCode', 'region_unknown']]);
    // A city of another province.
    const wrongCity = await call(koi, 'POST', '/api/shop/addresses', address({ cityCode: '320500', districtCode: '320508' }), { token });
    expect(wrongCity.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([['body.cityCode', 'region_mismatch']]);
    expect((await call(koi, 'GET', '/api/shop/addresses', undefined, { token })).body.items).toEqual([]);
  });

  it('shows, changes and deletes only the shopper\'s own addresses: another shopper\'s id is a 404', async () => {
    const a = await shopper();
    const b = await shopper();
    const mine = (await call(koi, 'POST', '/api/shop/addresses', address(), { token: a.token })).body;
    for (const [method, url, body] of [
      ['GET', `/api/shop/addresses/${mine.id}`, undefined],
      ['PUT', `/api/shop/addresses/${mine.id}`, address({ recipient: '王浩然' })],
      ['POST', `/api/shop/addresses/${mine.id}/default`, undefined],
      ['DELETE', `/api/shop/addresses/${mine.id}`, undefined],
    ] as const) {
      const res = await call(koi, method, url, body, { token: b.token });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.code).toBe('resource.not_found');
    }
    expect((await call(koi, 'GET', '/api/shop/addresses', undefined, { token: b.token })).body.items).toEqual([]);
    expect((await call(koi, 'GET', `/api/shop/addresses/${mine.id}`, undefined, { token: a.token })).body.recipient).toBe('张雅琴');
    expect((await call(koi, 'GET', '/api/shop/addresses/not-a-uuid', undefined, { token: a.token })).status).toBe(404);
    expect((await call(koi, 'GET', '/api/shop/addresses')).status).toBe(401);
    // The checkout service refuses another shopper's address the same way.
    await expect(koi.customer.addressFor(b.id, mine.id)).rejects.toBeInstanceOf(KoiError);
    expect(await koi.customer.addressFor(a.id, mine.id)).toEqual({
      addressId: mine.id, recipient: '张雅琴', mobile: '13916880001', provinceCode: '330000', province: '浙江省', cityCode: '330100', city: '杭州市',
      districtCode: '330106', district: '西湖区', detail: '南山路 218 号 3 幢 201',
    });
  });

  it('keeps exactly one default: moving it, keeping it on isDefault false, handing it on when deleted', async () => {
    const { token, id } = await shopper();
    // A second between writes, so "most recently changed" does not hinge on two writes sharing a millisecond.
    const save = async (body: object) => {
      clock.advance(1000);
      return (await call(koi, 'POST', '/api/shop/addresses', body, { token })).body;
    };
    const first = await save(address({ isDefault: false }));
    const second = await save(address({ recipient: '二号', isDefault: true }));
    const third = await save(address({ recipient: '三号' }));
    clock.advance(1000);
    expect([first.isDefault, second.isDefault, third.isDefault]).toEqual([true, true, false]);
    expect(await defaults(id)).toEqual([second.id]);

    const kept = await call(koi, 'PUT', `/api/shop/addresses/${second.id}`, address({ recipient: '二号改', isDefault: false }), { token });
    expect(kept.body).toMatchObject({ recipient: '二号改', isDefault: true });
    clock.advance(1000);
    expect((await call(koi, 'POST', `/api/shop/addresses/${first.id}/default`, undefined, { token })).body.isDefault).toBe(true);
    expect(await defaults(id)).toEqual([first.id]);

    const list = (await call(koi, 'GET', '/api/shop/addresses', undefined, { token })).body;
    expect(list.limit).toBe(ADDRESS_BOOK_LIMIT);
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([first.id, second.id, third.id]);

    expect((await call(koi, 'DELETE', `/api/shop/addresses/${first.id}`, undefined, { token })).body).toEqual({ ok: true });
    // The most recently changed of the rest (二号 was edited after 三号 was added) becomes the default.
    expect(await defaults(id)).toEqual([second.id]);
    expect((await call(koi, 'GET', '/api/shop/addresses/default', undefined, { token })).body.address.id).toBe(second.id);
    expect((await koi.customer.defaultAddress(id))?.addressId).toBe(second.id);

    await call(koi, 'DELETE', `/api/shop/addresses/${second.id}`, undefined, { token });
    await call(koi, 'DELETE', `/api/shop/addresses/${third.id}`, undefined, { token });
    expect((await call(koi, 'GET', '/api/shop/addresses/default', undefined, { token })).body).toEqual({ address: null });
    expect(await koi.customer.defaultAddress(id)).toBeNull();
  });

  it('keeps one default under 20 concurrent "make me the default" creates and 20 concurrent switches', async () => {
    const { token, id } = await shopper();
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      call(koi, 'POST', '/api/shop/addresses', address({ recipient: `并发${i}`, isDefault: true }), { token })));
    expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(await defaults(id)).toHaveLength(1);

    const switched = await Promise.all(created.map((r) => call(koi, 'POST', `/api/shop/addresses/${r.body.id}/default`, undefined, { token })));
    expect(switched.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await defaults(id)).toHaveLength(1);

    // Deleting concurrently, including the default, always leaves one default while any address is left.
    const doomed = created.slice(0, 10).map((r) => r.body.id as string);
    await Promise.all(doomed.map((a) => call(koi, 'DELETE', `/api/shop/addresses/${a}`, undefined, { token })));
    expect(await defaults(id)).toHaveLength(1);
  });

  it(`holds the cap of ${ADDRESS_BOOK_LIMIT} under concurrent creates`, async () => {
    const { token, id } = await shopper();
    for (let i = 0; i < ADDRESS_BOOK_LIMIT - 5; i++) {
      expect((await call(koi, 'POST', '/api/shop/addresses', address({ recipient: `收件人${i}` }), { token })).status).toBe(201);
    }
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => call(koi, 'POST', '/api/shop/addresses', address({ recipient: `抢${i}` }), { token })));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(5);
    const refused = burst.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(25).fill([422, 'customer.address_limit']));
    const [{ n }] = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from customer_addresses where customer_id = ${id}`) as [{ n: number }];
    expect(n).toBe(ADDRESS_BOOK_LIMIT);
  });
});

describe.each(DB_KINDS)('region data on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
  });
  afterAll(async () => koi.dispose());

  it('serves the whole tree, cacheable, and answers 304 to its ETag', async () => {
    const res = await call(koi, 'GET', '/api/shop/regions');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age=86400');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"vant-area-data@[\d.]+-[\w-]+"$/);
    expect(res.body.provinces).toHaveLength(34);
    const zj = res.body.provinces.find((p: { code: string }) => p.code === '330000');
    expect(zj.children.find((c: { code: string }) => c.code === '330100').children.map((d: { name: string }) => d.name)).toContain('西湖区');
    const again = await call(koi, 'GET', '/api/shop/regions', undefined, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves one level at a time, municipalities included', async () => {
    const root = await call(koi, 'GET', '/api/shop/regions/children');
    expect(root.body.items[0]).toEqual({ code: '110000', name: '北京市', level: 'province', leaf: false });
    const bj = await call(koi, 'GET', '/api/shop/regions/children?parent=110000');
    expect(bj.body.items).toEqual([{ code: '110100', name: '北京市', level: 'city', leaf: false }]);
    const districts = await call(koi, 'GET', '/api/shop/regions/children?parent=110100');
    expect(districts.body.items.every((d: { leaf: boolean }) => d.leaf)).toBe(true);
    expect((await call(koi, 'GET', '/api/shop/regions/children?parent=999999')).status).toBe(404);
    expect((await call(koi, 'GET', '/api/shop/regions/children?parent=abc')).status).toBe(400);
  });
});
