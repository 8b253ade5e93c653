import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TShippingTemplateInput } from '@koi/contracts';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';

const PASSWORD = 'shipping-test-2026';
const HANGZHOU = { provinceCode: '330000', cityCode: '330100' };
const BEIJING = { provinceCode: '110000', cityCode: '110100' };
const LHASA = { provinceCode: '540000', cityCode: '540100' };
const MACAU = { provinceCode: '820000', cityCode: '820100' };

const national = (over: Partial<TShippingTemplateInput> = {}): TShippingTemplateInput => ({
  name: '全国运费',
  chargeBy: 'piece',
  defaultRule: { first: 1, firstFeeFen: 800, additional: 1, additionalFeeFen: 200 },
  regionRules: [
    { regions: ['310000', '320000', '330000'], first: 1, firstFeeFen: 500, additional: 1, additionalFeeFen: 100 },
    { regions: ['650000', '540000'], first: 1, firstFeeFen: 2000, additional: 1, additionalFeeFen: 1000 },
  ],
  undeliverable: ['710000', '810000', '820000'],
  freeShipping: [{ regions: [], minAmountFen: 19900, minQuantity: null }],
  ...over,
});
const heavy = (over: Partial<TShippingTemplateInput> = {}): TShippingTemplateInput => ({
  name: '大件按重',
  chargeBy: 'weight',
  defaultRule: { first: 1000, firstFeeFen: 1200, additional: 500, additionalFeeFen: 300 },
  ...over,
});

describe.each(DB_KINDS)('shipping templates on %s', (kind) => {
  let koi: TestKoi;
  const tokens: Record<string, string> = {};
  const as = (role: string) => ({ token: tokens[role]! });
  const defaults = async () => (await koi.db.rows<{ name: string }>(sql`select name from shipping_templates where is_default`)).map((r) => r.name);

  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
    for (const role of ['owner', 'operator', 'customer_service', 'finance'] as const) {
      const email = `${role.replace('_', '-')}@shipping.test`;
      await koi.identity.staff.create(null, { email, name: role, password: PASSWORD, role, storeId: null });
      tokens[role] = await staffToken(koi, email, PASSWORD);
    }
  });
  afterAll(async () => koi.dispose());

  it('lets owner and operator manage templates, customer service only look, finance not at all', async () => {
    expect((await call(koi, 'GET', '/api/admin/shipping-templates', undefined, as('finance'))).status).toBe(403);
    expect((await call(koi, 'GET', '/api/admin/shipping-templates', undefined, as('customer_service'))).status).toBe(200);
    expect((await call(koi, 'POST', '/api/admin/shipping-templates', national(), as('customer_service'))).status).toBe(403);
    expect((await call(koi, 'GET', '/api/admin/shipping-templates')).status).toBe(401);
  });

  it('creates, reads, replaces and deletes; the first is the default; names are unique', async () => {
    const created = await call(koi, 'POST', '/api/admin/shipping-templates', national(), as('operator'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: '全国运费', isDefault: true, regionRules: [{ firstFeeFen: 500 }, { firstFeeFen: 2000 }] });
    const weight = await call(koi, 'POST', '/api/admin/shipping-templates', heavy(), as('owner'));
    expect(weight.body).toMatchObject({ isDefault: false, regionRules: [], undeliverable: [], freeShipping: [] });

    const dup = await call(koi, 'POST', '/api/admin/shipping-templates', heavy(), as('owner'));
    expect([dup.status, dup.body.code]).toEqual([409, 'fulfilment.template_name_taken']);
    expect((await call(koi, 'GET', `/api/admin/shipping-templates/${weight.body.id}`, undefined, as('customer_service'))).body.name).toBe('大件按重');

    const replaced = await call(koi, 'PUT', `/api/admin/shipping-templates/${weight.body.id}`, heavy({ name: '大件', isDefault: true }), as('owner'));
    expect(replaced.body).toMatchObject({ name: '大件', isDefault: true });
    expect(await defaults()).toEqual(['大件']);
    // The default stays the default when saved with isDefault false; it cannot be deleted while others exist.
    expect((await call(koi, 'PUT', `/api/admin/shipping-templates/${weight.body.id}`, heavy({ name: '大件' }), as('owner'))).body.isDefault).toBe(true);
    const refused = await call(koi, 'DELETE', `/api/admin/shipping-templates/${weight.body.id}`, undefined, as('owner'));
    expect([refused.status, refused.body.code]).toEqual([409, 'fulfilment.default_template_required']);

    expect((await call(koi, 'POST', `/api/admin/shipping-templates/${created.body.id}/default`, undefined, as('owner'))).body.isDefault).toBe(true);
    expect((await call(koi, 'DELETE', `/api/admin/shipping-templates/${weight.body.id}`, undefined, as('owner'))).status).toBe(200);
    const list = await call(koi, 'GET', '/api/admin/shipping-templates', undefined, as('owner'));
    expect(list.body).toMatchObject({ policy: 'sum', items: [{ name: '全国运费', isDefault: true }] });
    for (const method of ['GET', 'DELETE'] as const) {
      expect((await call(koi, method, `/api/admin/shipping-templates/${weight.body.id}`, undefined, as('owner'))).status).toBe(404);
    }
  });

  it('names every bad region and every bad number by its path', async () => {
    const res = await call(koi, 'POST', '/api/admin/shipping-templates', national({
      name: '有误',
      regionRules: [{ regions: ['330000', '330106'], first: 1, firstFeeFen: 500, additional: 1, additionalFeeFen: 100 }, { regions: ['330000'], first: 1, firstFeeFen: 1, additional: 1, additionalFeeFen: 1 }],
      undeliverable: ['999999'],
    }), as('owner'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('fulfilment.template_region_invalid');
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['body.regionRules.0.regions.1', 'region_level'],
      ['body.regionRules.1.regions.0', 'region_overlap'],
      ['body.undeliverable.0', 'region_unknown'],
    ]);
    const numbers = await call(koi, 'POST', '/api/admin/shipping-templates', national({ name: '负数', defaultRule: { first: 0, firstFeeFen: -1, additional: 1, additionalFeeFen: 100 } }), as('owner'));
    expect(numbers.status).toBe(400);
    expect(numbers.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.defaultRule.first', 'body.defaultRule.firstFeeFen']);
  });

  it('quotes through the service: region rules, free over ¥199, undeliverable 港澳台, one statement at most', async () => {
    const t = (await call(koi, 'GET', '/api/admin/shipping-templates', undefined, as('owner'))).body.items[0];
    const before = koi.db.stats.statements;
    const hz = await koi.fulfilment.quote([{ quantity: 3, subtotalFen: 9000 }], HANGZHOU);
    const afterFirst = koi.db.stats.statements;
    expect(afterFirst - before).toBeLessThanOrEqual(1);
    expect(hz.feeFen).toBe(700);
    expect(hz.perTemplate[0]).toMatchObject({ templateId: t.id, rule: { kind: 'region' } });
    expect(hz.explanation.zh).toContain('浙江省');

    const bj = await koi.fulfilment.quote([{ templateId: t.id, quantity: 2, subtotalFen: 9000 }], BEIJING);
    expect(bj.feeFen).toBe(1000);
    expect(koi.db.stats.statements).toBe(afterFirst); // from memory
    expect((await koi.fulfilment.quote([{ quantity: 2, subtotalFen: 19900 }], LHASA)).feeFen).toBe(0);
    expect((await koi.fulfilment.quote([{ quantity: 2, subtotalFen: 19800 }], LHASA)).feeFen).toBe(3000);

    const macau = await koi.fulfilment.quote([{ quantity: 1, subtotalFen: 100 }], MACAU);
    expect(macau).toMatchObject({ feeFen: 0, perTemplate: [], undeliverable: [{ lineIndex: 0, templateId: t.id, reason: 'region_excluded' }] });
    expect(macau.undeliverable[0]!.message.zh).toBe('该商品不配送至澳门特别行政区');
  });

  it('sees a change at once (the cache is dropped) and combines templates by the chosen policy', async () => {
    const t = (await call(koi, 'GET', '/api/admin/shipping-templates', undefined, as('owner'))).body.items[0];
    await call(koi, 'PUT', `/api/admin/shipping-templates/${t.id}`, national({ defaultRule: { first: 2, firstFeeFen: 900, additional: 2, additionalFeeFen: 300 } }), as('owner'));
    expect((await koi.fulfilment.quote([{ quantity: 3, subtotalFen: 100 }], BEIJING)).feeFen).toBe(1200);

    const w = (await call(koi, 'POST', '/api/admin/shipping-templates', heavy(), as('owner'))).body;
    const lines = [{ quantity: 3, subtotalFen: 100 }, { templateId: w.id, quantity: 2, unitWeightGrams: 800, subtotalFen: 100 }];
    expect((await koi.fulfilment.quote(lines, BEIJING)).feeFen).toBe(1200 + (1200 + 2 * 300));
    expect((await call(koi, 'PUT', '/api/admin/shipping-settings', { policy: 'max_first' }, as('customer_service'))).status).toBe(403);
    expect((await call(koi, 'PUT', '/api/admin/shipping-settings', { policy: 'max_first' }, as('operator'))).body).toEqual({ policy: 'max_first' });
    // 大件按重 has the higher first fee: it pays in full (¥18); 全国运费's 3 pieces go at ¥3 per 2 pieces (¥6).
    const combined = await koi.fulfilment.quote(lines, BEIJING);
    expect(combined).toMatchObject({ policy: 'max_first', feeFen: 1800 + 600 });
    await call(koi, 'PUT', '/api/admin/shipping-settings', { policy: 'sum' }, as('operator'));
    await call(koi, 'DELETE', `/api/admin/shipping-templates/${w.id}`, undefined, as('owner'));
  });

  it('tries a quote in the admin against a saved template or an unsaved draft', async () => {
    const saved = await call(koi, 'POST', '/api/admin/shipping-templates/quote', { destination: HANGZHOU, quantity: 2, subtotalFen: 5000 }, as('customer_service'));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.feeFen).toBe(600);
    const draft = await call(koi, 'POST', '/api/admin/shipping-templates/quote', { destination: HANGZHOU, quantity: 1, unitWeightGrams: 2500, draft: heavy() }, as('owner'));
    expect(draft.body).toMatchObject({ feeFen: 1200 + 3 * 300, perTemplate: [{ templateName: '大件按重', weightGrams: 2500 }] });
    const wrong = await call(koi, 'POST', '/api/admin/shipping-templates/quote', { destination: { provinceCode: '330000', cityCode: '110100' }, quantity: 1 }, as('owner'));
    expect([wrong.status, wrong.body.code]).toEqual([400, 'fulfilment.destination_invalid']);
    const badDraft = await call(koi, 'POST', '/api/admin/shipping-templates/quote', { destination: HANGZHOU, quantity: 1, draft: heavy({ undeliverable: ['330106'] }) }, as('owner'));
    expect(badDraft.body.errors[0].path).toBe('body.draft.undeliverable.0');
  });

  it('keeps one default template under concurrent switches', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await call(koi, 'POST', '/api/admin/shipping-templates', heavy({ name: `并发${i}` }), as('owner'))).body.id);
    const res = await Promise.all(ids.flatMap((id) => [1, 2].map(() => call(koi, 'POST', `/api/admin/shipping-templates/${id}/default`, undefined, as('owner')))));
    expect(res.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(await defaults()).toHaveLength(1);
    const fresh = await koi.fulfilment.quote([{ quantity: 1, subtotalFen: 0 }], BEIJING, { fresh: true });
    expect(fresh.perTemplate[0]!.templateName).toBe((await defaults())[0]);
  });
});
