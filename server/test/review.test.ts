import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/platform/clock.ts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';
import { buyer, orderOf, product, review, type Buyer } from './review-fixtures.ts';

describe.each(DB_KINDS)('reviews on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  let alice: Buyer;
  let bob: Buyer;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
    alice = await buyer(koi, '13700001001');
    bob = await buyer(koi, '13700001002');
  });
  afterAll(async () => koi?.dispose());

  it('only the buyer rates only lines of a completed order, once per line', async () => {
    const p = await product(koi, 2);
    const paid = await orderOf(koi, alice, [p.skuIds[0]!], 'paid');
    const early = await review(koi, alice, { orderId: paid.orderId, lineId: paid.lineIds[0], rating: 5, content: '还没收到' });
    expect([early.status, early.body.code]).toEqual([422, 'review.order_not_completed']);

    const done = await orderOf(koi, alice, p.skuIds);
    const other = await review(koi, bob, { orderId: done.orderId, lineId: done.lineIds[0], rating: 1 });
    expect([other.status, other.body.code]).toEqual([404, 'resource.not_found']);
    const foreignLine = await review(koi, alice, { orderId: done.orderId, lineId: paid.lineIds[0], rating: 5 });
    expect(foreignLine.status).toBe(404);
    const anon = await review(koi, alice, {});
    expect(anon.status).toBe(400);

    const ok = await review(koi, alice, { orderId: done.orderId, lineId: done.lineIds[0], rating: 5, content: '  <b>釉色</b>温润，\u0000很喜欢  ' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ rating: 5, content: '釉色温润，很喜欢', status: 'visible', anonymous: false, canFollowUp: true });
    const again = await review(koi, alice, { orderId: done.orderId, lineId: done.lineIds[0], rating: 1 });
    expect([again.status, again.body.code]).toEqual([409, 'review.already_reviewed']);
    const tooLong = await review(koi, alice, { orderId: done.orderId, lineId: done.lineIds[1], rating: 4, content: '好'.repeat(501) });
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'review.text_too_long']);

    const mine = await call(koi, 'GET', `/api/shop/orders/${done.orderId}/reviews`, undefined, { token: alice.token });
    expect(mine.body.canReview).toBe(true);
    expect(mine.body.lines.map((l: { review: unknown }) => l.review !== null)).toEqual([true, false]);
    expect((await call(koi, 'GET', `/api/shop/orders/${done.orderId}/reviews`, undefined, { token: bob.token })).status).toBe(404);
  });

  it('two submissions for the same line at once make one review', async () => {
    const p = await product(koi);
    const o = await orderOf(koi, bob, p.skuIds);
    const body = { orderId: o.orderId, lineId: o.lineIds[0], rating: 4, content: '同时提交' };
    const results = await Promise.all(Array.from({ length: 6 }, () => review(koi, bob, body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const page = await call(koi, 'GET', `/api/shop/products/${p.productId}/reviews`);
    expect(page.body.items).toHaveLength(1);
  });

  it('summarises exactly and never shows hidden or held reviews to the shop', async () => {
    const p = await product(koi, 1, '汝窑天青盖碗');
    const ratings = [5, 5, 4, 2, 3, 1];
    const ids: string[] = [];
    let anonAuthor: Buyer | null = null;
    for (const [i, rating] of ratings.entries()) {
      const b = await buyer(koi, `137000020${String(i).padStart(2, '0')}`);
      if (i === 1) anonAuthor = b;
      const o = await orderOf(koi, b, p.skuIds);
      const r = await review(koi, b, { orderId: o.orderId, lineId: o.lineIds[0], rating, content: i === 5 ? '商家是骗子，加微信退款' : `第${i}条评价`, anonymous: i === 1 });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    // The last one tripped the sensitive-word check: held, not dropped.
    const held = await call(koi, 'GET', `/api/admin/reviews/${ids[5]}`, undefined, { token: owner });
    expect(held.body).toMatchObject({ status: 'pending', flaggedWords: ['骗子', '加微信'] });

    const hide = await call(koi, 'POST', `/api/admin/reviews/${ids[3]}/hide`, { reason: '辱骂客服' }, { token: owner });
    expect(hide.status).toBe(200);
    expect(hide.body).toMatchObject({ status: 'hidden', hidden: { reason: '辱骂客服', staffName: '沈青禾' } });
    expect(hide.body.log).toEqual([expect.objectContaining({ action: 'hide', reason: '辱骂客服', staffName: '沈青禾', staffId: expect.any(String), at: expect.any(String) })]);
    expect((await call(koi, 'POST', `/api/admin/reviews/${ids[3]}/hide`, { reason: '' }, { token: owner })).status).toBe(400);

    // Visible: 5, 5, 4, 3 → 3 good of 4 = 75 %, mean 4.3.
    const preview = await call(koi, 'GET', `/api/shop/products/${p.productId}/reviews/preview`);
    expect(preview.body.summary).toMatchObject({ total: 4, goodCount: 3, goodRatePercent: 75, average: 4.3 });
    expect(preview.body.summary.tags).toEqual([
      { key: 'all', label: '全部', count: 4 }, { key: 'good', label: '好评', count: 3 }, { key: 'neutral', label: '中评', count: 1 },
    ]);
    expect(preview.body.items).toHaveLength(2);
    const all = await call(koi, 'GET', `/api/shop/products/${p.productId}/reviews?limit=20`);
    const shown = all.body.items.map((r: { id: string }) => r.id);
    expect(shown.sort()).toEqual([ids[0], ids[1], ids[2], ids[4]].sort());
    expect(JSON.stringify(all.body)).not.toContain('骗子');
    const anon = all.body.items.find((r: { id: string }) => r.id === ids[1]);
    // Registered by phone, the shopper has a generated nickname: anonymous shows it masked (茶**1), never whole.
    const nickname = (await call(koi, 'GET', '/api/shop/me', undefined, { token: anonAuthor!.token })).body.nickname as string;
    expect(anon).toMatchObject({ anonymous: true, avatarUrl: null });
    expect(anon.authorName).toMatch(/^.\*\*.?$/);
    expect(anon.authorName).not.toBe(nickname);
    const bad = await call(koi, 'GET', `/api/shop/products/${p.productId}/reviews?filter=bad`);
    expect(bad.body.items).toEqual([]);

    // Approving the held one and showing the hidden one bring them back into the numbers.
    expect((await call(koi, 'POST', `/api/admin/reviews/${ids[5]}/approve`, undefined, { token: owner })).body.status).toBe('visible');
    expect((await call(koi, 'POST', `/api/admin/reviews/${ids[5]}/approve`, undefined, { token: owner })).status).toBe(409);
    await call(koi, 'POST', `/api/admin/reviews/${ids[3]}/show`, undefined, { token: owner });
    const after = await call(koi, 'GET', `/api/shop/products/${p.productId}/reviews/preview`);
    expect(after.body.summary).toMatchObject({ total: 6, goodCount: 3, goodRatePercent: 50, average: 3.3 });
  });

  it('lists photos first, then pinned, then newest, by keyset pages; replies and pins are audited', async () => {
    const p = await product(koi);
    const b = await buyer(koi, '13700003001');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const o = await orderOf(koi, b, p.skuIds);
      // Photos come from the shopper's own uploads; the demo seed's path stands in for them here.
      const photos = i === 1 || i === 3 ? [{ url: `/media/demo-${i}.webp`, thumbUrl: `/media/thumbs/demo-${i}.webp` }] : undefined;
      const r = await koi.reviews.submit(b.customerId, { orderId: o.orderId, lineId: o.lineIds[0]!, rating: 5, content: `评价${i}`, photoUrls: [], anonymous: false }, photos);
      ids.push(r.id);
      clock.advance(60_000); // one a minute, so "newest" is well defined
    }
    const pin = await call(koi, 'POST', `/api/admin/reviews/${ids[0]}/pin`, undefined, { token: owner });
    expect(pin.body.pinned).toBe(true);
    const reply = await call(koi, 'POST', `/api/admin/reviews/${ids[2]}/reply`, { content: '感谢支持，期待再次光临～' }, { token: owner });
    expect(reply.body.reply).toMatchObject({ content: '感谢支持，期待再次光临～', staffName: '沈青禾' });
    expect(reply.body.log.map((l: { action: string }) => l.action)).toEqual(['reply']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string; reply: unknown }[]; nextCursor: string | null } } =
        await call(koi, 'GET', `/api/shop/products/${p.productId}/reviews?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    // With photos (3 newer than 1), then pinned 0, then 4, 2 by time.
    expect(seen).toEqual([ids[3], ids[1], ids[0], ids[4], ids[2]]);
    expect((await call(koi, 'GET', `/api/shop/products/${p.productId}/reviews?cursor=garbage`)).status).toBe(400);

    const list = await call(koi, 'GET', `/api/admin/reviews?productId=${p.productId}&replied=true`, undefined, { token: owner });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
    const photoList = await call(koi, 'GET', `/api/admin/reviews?productId=${p.productId}&hasPhotos=true`, undefined, { token: owner });
    expect(photoList.body.total).toBe(2);
  });

  it('follow-up once; staff permissions', async () => {
    const p = await product(koi);
    const o = await orderOf(koi, alice, p.skuIds);
    const r = await review(koi, alice, { orderId: o.orderId, lineId: o.lineIds[0], rating: 4, content: '先给四星' });
    const f = await call(koi, 'POST', `/api/shop/reviews/${r.body.id}/follow-up`, { content: '用了两周，杯壁开片很漂亮' }, { token: alice.token });
    expect(f.status).toBe(200);
    expect(f.body.followUp).toMatchObject({ content: '用了两周，杯壁开片很漂亮', daysAfter: 0 });
    expect((await call(koi, 'POST', `/api/shop/reviews/${r.body.id}/follow-up`, { content: '再追一次' }, { token: alice.token })).body.code).toBe('review.follow_up_exists');
    expect((await call(koi, 'POST', `/api/shop/reviews/${r.body.id}/follow-up`, { content: '冒充' }, { token: bob.token })).status).toBe(404);

    const guide = await staffToken(koi, 'guide.hz@koi.demo');
    expect((await call(koi, 'GET', '/api/admin/reviews', undefined, { token: guide })).status).toBe(403);
    const service = await staffToken(koi, 'service@koi.demo');
    const hid = await call(koi, 'POST', `/api/admin/reviews/${r.body.id}/hide`, { reason: '泄露个人信息' }, { token: service });
    expect(hid.body.hidden).toMatchObject({ staffName: '陈小满', reason: '泄露个人信息' });
    const manager = await staffToken(koi, 'manager.hz@koi.demo');
    expect((await call(koi, 'GET', '/api/admin/reviews', undefined, { token: manager })).status).toBe(200);
    expect((await call(koi, 'POST', `/api/admin/reviews/${r.body.id}/show`, undefined, { token: manager })).status).toBe(403);
  });
});
