import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { DB_KINDS, call, shopperToken, startKoi, type TestKoi } from './harness.ts';
import { bulkShoppers, ownerOf, template, walletCount } from './coupon-issue-fixtures.ts';
import { CustomerEvents, type TSegmentRule } from '@koi/contracts';
import { checkSymbol } from '../src/modules/promotion/coupon-codes.rules.ts';
import { publish } from '../src/platform/events.ts';
import { clock } from '../src/platform/clock.ts';

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function multipart(file: Buffer, name = 'list.xlsx') {
  const boundary = '----koi' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  return { body: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

/** The job runs on the queue's worker; its progress is what the admin polls. */
async function settled(koi: TestKoi, id: string) {
  for (let i = 0; i < 600; i++) {
    const s = await koi.promotion.issueJobs.status(id);
    if (s.status === 'done' || s.status === 'failed') return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`issue job ${id} did not finish`);
}

/** Events are delivered by the running bus: wait until `read` gives `want` (or fail after 15 s). */
async function eventually<T>(read: () => Promise<T>, want: T): Promise<T> {
  let got = await read();
  for (let i = 0; i < 150 && got !== want; i++) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  return got;
}

describe.each(DB_KINDS)('coupon issuance on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false, workers: true });
    owner = await ownerOf(koi);
  });
  afterAll(async () => koi.dispose());

  it('generates unique codes within what is left, downloads them, and redeems each once', async () => {
    const t = await template(koi, { totalQuantity: 10, claimable: false });
    const over = await call(koi, 'POST', '/api/admin/coupon-code-batches', { type: 'unique', templateId: t.id, count: 11 }, { token: owner });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('promotion.codes_exceed_quantity');
    const batch = await call(koi, 'POST', '/api/admin/coupon-code-batches', { type: 'unique', templateId: t.id, count: 6 }, { token: owner });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ type: 'unique', count: 6, redeemed: 0 });
    // Codes already out count as issued-to-be: only 4 more may be generated.
    const five = await call(koi, 'POST', '/api/admin/coupon-code-batches', { type: 'unique', templateId: t.id, count: 5 }, { token: owner, lang: 'en' });
    expect(five.body).toMatchObject({ code: 'promotion.codes_exceed_quantity', detail: expect.stringContaining('Only 4 coupons') });

    const file = await koi.app.inject({ method: 'GET', url: `/api/admin/coupon-code-batches/${batch.body.id}/codes.xlsx`, headers: { authorization: `Bearer ${owner}` } });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const codes = wb.worksheets[0]!.getColumn(1).values.slice(2).map(String);
    expect(codes).toHaveLength(6);
    expect(new Set(codes).size).toBe(6);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{3}$/);

    const a = await shopperToken(koi, '13900000001', '10.7.0.1');
    const b = await shopperToken(koi, '13900000002', '10.7.0.2');
    const typed = ` ${codes[0]!.toLowerCase()} `;
    const ok = await call(koi, 'POST', '/api/shop/coupons/redeem', { code: typed }, { token: a });
    expect(ok.status).toBe(200);
    expect(ok.body.coupon).toMatchObject({ templateId: t.id, status: 'available', amountFen: 1000 });
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: codes[0] }, { token: a })).body.code).toBe('promotion.code_already_redeemed');
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: codes[0] }, { token: b })).body.code).toBe('promotion.code_used_up');
    // A typo is caught by the check symbol; an unknown well-formed code is not found either.
    const raw = codes[1]!.replace(/-/g, '');
    const typo = raw.slice(0, 3) + (raw[3] === 'A' ? 'B' : 'A') + raw.slice(4);
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: typo }, { token: b })).status).toBe(404);
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: `AAAAAAAAAA${checkSymbol('AAAAAAAAAA')}` }, { token: b })).body.code).toBe('promotion.code_invalid');
    const tpl = await call(koi, 'GET', `/api/admin/coupon-templates/${t.id}`, undefined, { token: owner });
    expect(tpl.body.issuedCount).toBe(1);
    const listed = await call(koi, 'GET', `/api/admin/coupon-code-batches?templateId=${t.id}`, undefined, { token: owner });
    expect(listed.body.items[0]).toMatchObject({ id: batch.body.id, redeemed: 1 });
  }, 180_000);

  it('limits guessing: the 11th try in a minute is refused with 429', async () => {
    const c = await shopperToken(koi, '13900000003', '10.7.0.3');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: `GUESS${1000 + i}` }, { token: c, ip: '10.9.9.9' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  }, 180_000);

  it('a shared code: each shopper once, no more than its limit', async () => {
    const t = await template(koi, { totalQuantity: null, claimable: false, perCustomerLimit: 5 });
    const batch = await call(koi, 'POST', '/api/admin/coupon-code-batches', { type: 'shared', templateId: t.id, code: 'teaday', limit: 2 }, { token: owner });
    expect(batch.body).toMatchObject({ sharedCode: 'TEADAY', count: 2 });
    expect((await call(koi, 'POST', '/api/admin/coupon-code-batches', { type: 'shared', templateId: t.id, code: 'TEADAY', limit: 2 }, { token: owner })).body.code).toBe('promotion.code_taken');
    const [x, y, z] = await Promise.all(['13900000011', '13900000012', '13900000013'].map((p, i) => shopperToken(koi, p, `10.7.1.${i}`)));
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: 'TeaDay' }, { token: x })).status).toBe(200);
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: 'TEADAY' }, { token: x })).body.code).toBe('promotion.code_already_redeemed');
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: 'TEADAY' }, { token: y })).status).toBe(200);
    expect((await call(koi, 'POST', '/api/shop/coupons/redeem', { code: 'TEADAY' }, { token: z })).body.code).toBe('promotion.code_used_up');
  }, 180_000);

  it('issues to a pasted list as a job: phones and ids, skipped ones with their reasons, limits held, idempotent', async () => {
    const t = await template(koi, { totalQuantity: 4, claimable: true, perCustomerLimit: 1 });
    const people = await bulkShoppers(koi, 6, '1371');
    // One already claimed hers in the coupon centre: the per-customer limit holds.
    await koi.promotion.claim(people[0]!.id, t.id);
    const entries = [people[0]!.phone, `+86 ${people[1]!.phone}`, people[2]!.id, people[1]!.phone, '13799999999', 'not-a-customer', people[3]!.phone, people[4]!.phone, people[5]!.phone];
    const job = await call(koi, 'POST', '/api/admin/coupon-issue-jobs/list', { templateId: t.id, customers: entries }, { token: owner });
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ status: 'queued', total: 9, processed: 0 });
    await settled(koi, job.body.id);
    const done = await call(koi, 'GET', `/api/admin/coupon-issue-jobs/${job.body.id}`, undefined, { token: owner });
    // Total 4: one claimed, three issued (people 1, 2, 3), then sold out for people 4 and 5.
    expect(done.body).toMatchObject({ status: 'done', processed: 9, issued: 3, skipped: 6 });
    expect(done.body.skippedSample).toEqual([
      { customer: people[0]!.phone, reason: 'limit_reached' },
      { customer: people[1]!.phone, reason: 'duplicate' },
      { customer: '13799999999', reason: 'not_found' },
      { customer: 'not-a-customer', reason: 'invalid' },
      { customer: people[4]!.phone, reason: 'sold_out' },
      { customer: people[5]!.phone, reason: 'sold_out' },
    ]);
    expect(await walletCount(koi, people[1]!.id, t.id)).toBe(1);
    expect(await walletCount(koi, people[4]!.id, t.id)).toBe(0);
    expect((await call(koi, 'GET', `/api/admin/coupon-templates/${t.id}`, undefined, { token: owner })).body.issuedCount).toBe(4);
    // The coupon centre counts issued coupons too: 已抢 100%, none left.
    const centre = await call(koi, 'GET', '/api/shop/coupons/claimable');
    expect(centre.body.items.find((x: { id: string }) => x.id === t.id)).toMatchObject({ remaining: 0, claimedPercent: 100, canClaim: false });
    // Run again (a retried job): nothing more is issued.
    await koi.db.rows(sql`update promotion_coupon_issue_jobs set status = 'running', processed = 0 where id = ${job.body.id}`);
    await koi.promotion.issueJobs.run(job.body.id);
    expect(await walletCount(koi, people[1]!.id, t.id)).toBe(1);
    const report = await koi.app.inject({ method: 'GET', url: done.body.reportUrl, headers: { authorization: `Bearer ${owner}` } });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
  }, 180_000);

  it('issues to the first column of an uploaded .xlsx', async () => {
    const t = await template(koi, { totalQuantity: null });
    const people = await bulkShoppers(koi, 3, '1372');
    const form = multipart(await xlsx([['手机号'], ...people.map((p) => [p.phone])]));
    const res = await koi.app.inject({ method: 'POST', url: `/api/admin/coupon-issue-jobs/upload?templateId=${t.id}`, payload: form.body, headers: { authorization: `Bearer ${owner}`, 'content-type': form.type } });
    expect(res.statusCode).toBe(200);
    const job = res.json() as { id: string; total: number };
    expect(job.total).toBe(3);
    expect(await settled(koi, job.id)).toMatchObject({ status: 'done', issued: 3, skipped: 0 });
    const bad = multipart(Buffer.from('not a workbook'));
    const refused = await koi.app.inject({ method: 'POST', url: `/api/admin/coupon-issue-jobs/upload?templateId=${t.id}`, payload: bad.body, headers: { authorization: `Bearer ${owner}`, 'content-type': bad.type } });
    expect(refused.statusCode).toBe(400);
  }, 180_000);

  it('issues to a saved segment of the audience module, through the link as the app wires it', async () => {
    const t = await template(koi, { totalQuantity: null });
    const people = await bulkShoppers(koi, 4, '1374');
    const now = clock.now();
    const profile = (customerId: string, regionCode: string) => ({ customerId, gender: 'female', birthday: null, regionCode, sourceChannel: 'shop', firstSeenAt: now.toISOString(), lastSeenAt: now.toISOString() });
    await koi.db.tx((q) => publish(q, CustomerEvents.profilesChanged, { at: now.toISOString(), profiles: [
      profile(people[0]!.id, '330106'), profile(people[1]!.id, '330102'), profile(people[2]!.id, '110101'), profile(people[3]!.id, '330110'),
    ] }));
    while ((await koi.bus.dispatchOnce()) > 0);
    const rule: TSegmentRule = { type: 'group', op: 'and', items: [{ type: 'region', prefix: '3301' }] };
    const seg = await koi.audience.segments.create({ name: '杭州客户', description: '', rule }, null);
    const job = await call(koi, 'POST', '/api/admin/coupon-issue-jobs/segment', { templateId: t.id, segmentId: seg.id }, { token: owner });
    expect(job.status).toBe(200);
    const done = await settled(koi, job.body.id);
    expect(done).toMatchObject({ status: 'done', source: 'segment', segmentId: seg.id });
    // Exactly the Hangzhou three of ours (other tests' shoppers have no profile in this region).
    for (const p of [people[0]!, people[1]!, people[3]!]) expect(await walletCount(koi, p.id, t.id)).toBe(1);
    expect(await walletCount(koi, people[2]!.id, t.id)).toBe(0);
  }, 180_000);

  it('issues to a segment through the audience port: snapshot, members by cursor', async () => {
    const t = await template(koi, { totalQuantity: null });
    const people = await bulkShoppers(koi, 5, '1373');
    const asked: (string | null)[] = [];
    koi.promotion.bindIssuance({
      customers: koi.identity.lookup,
      audience: {
        snapshotSegment: async (segmentId) => ({ snapshotId: `snap-${segmentId}` }),
        snapshotMembers: async (snapshotId, cursor) => {
          asked.push(cursor);
          expect(snapshotId).toBe('snap-seg-1');
          const from = cursor ? Number(cursor) : 0;
          return { customerIds: people.slice(from, from + 2).map((p) => p.id), nextCursor: from + 2 < people.length ? String(from + 2) : null };
        },
      },
    });
    const job = await call(koi, 'POST', '/api/admin/coupon-issue-jobs/segment', { templateId: t.id, segmentId: 'seg-1' }, { token: owner });
    expect(job.status).toBe(200);
    expect(await settled(koi, job.body.id)).toMatchObject({ status: 'done', source: 'segment', total: 5, issued: 5 });
    expect(asked).toEqual([null, '2', '4']);
  }, 180_000);

  it('rewards: a new shopper once, a level reached once, birthdays once a year', async () => {
    const welcome = await template(koi, { name: '新客券', claimable: false, totalQuantity: 1000 });
    const up = await call(koi, 'POST', '/api/admin/coupon-templates', { kind: 'no_threshold', name: '升级礼', args: { amountFen: 500 }, validity: { type: 'relative', days: 30 }, perCustomerLimit: 10, totalQuantity: null, claimable: false, status: 'active' }, { token: owner });
    expect(up.status).toBe(200);
    const bday = await template(koi, { name: '生日券', claimable: false, totalQuantity: null, perCustomerLimit: 100 });
    const set = await call(koi, 'PUT', '/api/admin/coupon-rewards', { new_customer: welcome.id, birthday: bday.id, level_up: up.body.id }, { token: owner });
    expect(set.body).toEqual({ new_customer: welcome.id, birthday: bday.id, level_up: up.body.id });

    const token = await shopperToken(koi, '13900000021', '10.7.0.4');
    const me = (await call(koi, 'GET', '/api/shop/me', undefined, { token })).body.id as string;
    expect(await eventually(() => walletCount(koi, me, welcome.id), 1)).toBe(1);
    // The event again (a redelivery) issues nothing.
    expect(await koi.db.tx((q) => koi.promotion.rewards.onRegistered(q, me))).toEqual({ ok: false, reason: 'already_issued' });
    // Finding the account again is not registering.
    expect(await koi.identity.shoppers.ensureByPhone('13900000021', '顾客')).toBe(me);
    while ((await koi.bus.dispatchOnce()) > 0);
    expect(await walletCount(koi, me, welcome.id)).toBe(1);

    const silver = await koi.loyalty.config.saveLevel(null, { name: '银卡', threshold: 100, benefits: { discountPercent: 0, freeShipping: false, pointsMultiplierPct: 100, birthdayGift: '' } });
    await koi.db.tx((q) => koi.loyalty.members.addGrowth(q, me, 'test:g1', 150));
    await koi.db.tx((q) => koi.loyalty.members.addGrowth(q, me, 'test:g2', 10));
    expect(await eventually(() => walletCount(koi, me, up.body.id), 1)).toBe(1);
    while ((await koi.bus.dispatchOnce()) > 0);
    expect(await walletCount(koi, me, up.body.id)).toBe(1);
    expect(await koi.db.tx((q) => koi.promotion.rewards.onLevelUp(q, me, silver.id))).toEqual({ ok: false, reason: 'already_issued' });

    // The birthday comes from the shopper's own profile (我的资料), through the app's real link.
    while ((await koi.bus.dispatchOnce()) > 0);
    const profile = await call(koi, 'PUT', '/api/shop/me/profile', { name: '生日客', gender: 'female', birthday: '1990-03-15', regionCode: null }, { token });
    expect(profile.status).toBe(200);
    expect(await koi.customer.birthdaysOn('03-15', null, 10)).toEqual([me]);
    const day = new Date('2026-03-15T02:00:00Z');
    expect(await koi.promotion.rewards.birthdays(day)).toEqual({ issued: 1, skipped: 0 });
    expect(await koi.promotion.rewards.birthdays(day)).toEqual({ issued: 0, skipped: 1 });
    expect(await koi.promotion.rewards.birthdays(new Date('2027-03-15T02:00:00Z'))).toEqual({ issued: 1, skipped: 0 });
    expect(await walletCount(koi, me, bday.id)).toBe(2);
  }, 180_000);

  it('refuses issuing from a template that is not active', async () => {
    const t = await template(koi, { status: 'draft' });
    const res = await call(koi, 'POST', '/api/admin/coupon-issue-jobs/list', { templateId: t.id, customers: ['13900000001'] }, { token: owner });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('promotion.template_not_issuable');
  }, 180_000);
});
