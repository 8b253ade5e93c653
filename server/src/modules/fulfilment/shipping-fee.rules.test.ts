import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeDestination, quoteShipping, ruleFee, type QuoteLine, type ShippingRule, type ShippingTemplate } from './shipping-fee.rules.ts';

const HANGZHOU = { provinceCode: '330000', cityCode: '330100' };
const BEIJING = { provinceCode: '110000', cityCode: '110100' };
const URUMQI = { provinceCode: '650000', cityCode: '650100' };
const HONG_KONG = { provinceCode: '810000', cityCode: '810100' };

/** The demo merchant's default template. */
const national: ShippingTemplate = {
  id: 't-national',
  name: '全国运费',
  chargeBy: 'piece',
  defaultRule: { first: 1, firstFeeFen: 800, additional: 1, additionalFeeFen: 200 },
  regionRules: [
    { regions: ['310000', '320000', '330000'], first: 1, firstFeeFen: 500, additional: 1, additionalFeeFen: 100 },
    { regions: ['650000', '540000'], first: 1, firstFeeFen: 2000, additional: 1, additionalFeeFen: 1000 },
  ],
  undeliverable: ['710000', '810000', '820000'],
  freeShipping: [{ regions: [], minAmountFen: 19900, minQuantity: null }],
  isDefault: true,
};

/** A by-weight template: first 1 kg ¥12, each further 0.5 kg ¥3. */
const heavy: ShippingTemplate = {
  id: 't-heavy',
  name: '大件按重',
  chargeBy: 'weight',
  defaultRule: { first: 1000, firstFeeFen: 1200, additional: 500, additionalFeeFen: 300 },
  regionRules: [],
  undeliverable: [],
  freeShipping: [],
  isDefault: false,
};

const line = (over: Partial<QuoteLine> = {}): QuoteLine => ({ templateId: null, quantity: 1, unitWeightGrams: 0, subtotalFen: 5000, ...over });

describe('ruleFee', () => {
  it('charges the first fee up to the first units, then whole steps of the additional fee', () => {
    const r: ShippingRule = { first: 2, firstFeeFen: 1000, additional: 3, additionalFeeFen: 400 };
    expect([0, 1, 2, 3, 5, 6].map((u) => ruleFee(r, u))).toEqual([1000, 1000, 1000, 1400, 1400, 1800]);
  });
});

describe('quoteShipping', () => {
  it('uses the region rule for 江浙沪 and the default elsewhere', () => {
    const hz = quoteShipping({ lines: [line({ quantity: 3 })], destination: HANGZHOU, templates: [national], policy: 'sum' });
    expect(hz.feeFen).toBe(500 + 2 * 100);
    expect(hz.perTemplate[0]!.rule).toMatchObject({ kind: 'region', regions: ['310000', '320000', '330000'] });
    const bj = quoteShipping({ lines: [line({ quantity: 3 })], destination: BEIJING, templates: [national], policy: 'sum' });
    expect(bj.feeFen).toBe(800 + 2 * 200);
    expect(bj.perTemplate[0]!.rule?.kind).toBe('default');
    const xj = quoteShipping({ lines: [line({ quantity: 2 })], destination: URUMQI, templates: [national], policy: 'sum' });
    expect(xj.feeFen).toBe(3000);
  });

  it('ships free over ¥199 and says how far a shopper is from it', () => {
    const free = quoteShipping({ lines: [line({ subtotalFen: 19900 })], destination: BEIJING, templates: [national], policy: 'sum' });
    expect(free.feeFen).toBe(0);
    expect(free.freeShippingReason?.zh).toBe('满 ¥199.00 包邮');
    const short = quoteShipping({ lines: [line({ subtotalFen: 18700 })], destination: BEIJING, templates: [national], policy: 'sum' });
    expect(short.feeFen).toBe(800);
    expect(short.perTemplate[0]!.freeShippingGap).toEqual({ amountFen: 1200, quantity: null });
    expect(short.explanation.zh).toContain('再买 ¥12.00 包邮');
  });

  it('lists lines that do not ship to 香港 and charges nothing for them', () => {
    const q = quoteShipping({ lines: [line(), line({ templateId: 't-heavy', unitWeightGrams: 800 })], destination: HONG_KONG, templates: [national, heavy], policy: 'sum', nameOf: (c) => (c === '810000' ? '香港特别行政区' : c) });
    expect(q.undeliverable).toEqual([{ lineIndex: 0, templateId: 't-national', reason: 'region_excluded', message: { zh: '该商品不配送至香港特别行政区', en: 'This item does not ship to 香港特别行政区' } }]);
    expect(q.feeFen).toBe(1200);
  });

  it('lets a city entry beat its province entry', () => {
    const t: ShippingTemplate = { ...national, regionRules: [...national.regionRules, { regions: ['650100'], first: 1, firstFeeFen: 1500, additional: 1, additionalFeeFen: 500 }] };
    expect(placeDestination(t, URUMQI)).toMatchObject({ kind: 'region', rule: { firstFeeFen: 1500 } });
    expect(placeDestination({ ...t, undeliverable: ['650000'] }, URUMQI)).toMatchObject({ kind: 'region', rule: { firstFeeFen: 1500 } });
    expect(placeDestination({ ...t, undeliverable: ['650100'] }, URUMQI)).toEqual({ kind: 'excluded', code: '650100' });
  });

  it('charges by weight: quantity × unit weight, first 1 kg then each 0.5 kg', () => {
    const q = quoteShipping({ lines: [line({ templateId: 't-heavy', quantity: 3, unitWeightGrams: 700 })], destination: BEIJING, templates: [national, heavy], policy: 'sum' });
    expect(q.perTemplate[0]).toMatchObject({ weightGrams: 2100, baseFeeFen: 1200 + 3 * 300 });
  });

  it('falls back to the default template for an unknown template id, and ships free without any template', () => {
    const q = quoteShipping({ lines: [line({ templateId: 'gone', quantity: 2 })], destination: BEIJING, templates: [national], policy: 'sum' });
    expect(q.perTemplate[0]!.templateId).toBe('t-national');
    const none = quoteShipping({ lines: [line()], destination: BEIJING, templates: [], policy: 'sum' });
    expect(none).toMatchObject({ feeFen: 0, undeliverable: [] });
    expect(none.perTemplate[0]!.templateId).toBeNull();
  });

  it('combines templates by sum, or by one highest first fee with the rest at the additional rate', () => {
    const lines = [line({ quantity: 2 }), line({ templateId: 't-heavy', quantity: 1, unitWeightGrams: 1500 })];
    const sum = quoteShipping({ lines, destination: BEIJING, templates: [national, heavy], policy: 'sum' });
    expect(sum.feeFen).toBe((800 + 200) + (1200 + 300));
    const maxFirst = quoteShipping({ lines, destination: BEIJING, templates: [national, heavy], policy: 'max_first' });
    // 大件按重 has the higher first fee (¥12): it pays 1200 + 300; 全国运费 pays 2 × ¥2.
    expect(maxFirst.feeFen).toBe(1500 + 2 * 200);
    expect(maxFirst.perTemplate.map((f) => f.feeFen)).toEqual([400, 1500]);
    expect(maxFirst.explanation.zh).toContain('首费已由其他模板收取');
  });

  it('applies a free-shipping condition only where it covers the destination, and needs both parts when both are set', () => {
    const t: ShippingTemplate = { ...national, freeShipping: [{ regions: ['330000'], minAmountFen: 10000, minQuantity: 2 }] };
    const at = (destination: typeof HANGZHOU, quantity: number, subtotalFen: number) => quoteShipping({ lines: [line({ quantity, subtotalFen })], destination, templates: [t], policy: 'sum' }).feeFen;
    expect(at(HANGZHOU, 2, 10000)).toBe(0);
    expect(at(HANGZHOU, 1, 10000)).toBeGreaterThan(0);
    expect(at(HANGZHOU, 2, 9999)).toBeGreaterThan(0);
    expect(at(BEIJING, 2, 10000)).toBeGreaterThan(0);
  });
});

// ---- properties --------------------------------------------------------------------------------

const PROVINCES = ['110000', '310000', '330000', '650000', '810000'];
const CITIES: Record<string, string[]> = { '110000': ['110100'], '310000': ['310100'], '330000': ['330100', '330200'], '650000': ['650100'], '810000': ['810100'] };
const arbDestination = fc.constantFrom(...PROVINCES).chain((p) => fc.constantFrom(...CITIES[p]!).map((c) => ({ provinceCode: p, cityCode: c })));
const arbRule = fc.record({
  first: fc.integer({ min: 1, max: 5000 }),
  firstFeeFen: fc.integer({ min: 0, max: 5000 }),
  additional: fc.integer({ min: 1, max: 5000 }),
  additionalFeeFen: fc.integer({ min: 0, max: 5000 }),
});
const arbCodes = fc.uniqueArray(fc.constantFrom(...PROVINCES, '330100', '650100'), { maxLength: 3 });
const arbTemplate = (id: string, withFree: boolean): fc.Arbitrary<ShippingTemplate> => fc.record({
  id: fc.constant(id),
  name: fc.constant(id),
  chargeBy: fc.constantFrom('piece' as const, 'weight' as const),
  defaultRule: arbRule,
  regionRules: fc.array(fc.record({ regions: arbCodes, first: arbRule.map((r) => r.first), firstFeeFen: fc.nat(5000), additional: fc.integer({ min: 1, max: 5000 }), additionalFeeFen: fc.nat(5000) }), { maxLength: 2 }),
  undeliverable: arbCodes,
  freeShipping: withFree
    ? fc.array(fc.record({ regions: arbCodes, minAmountFen: fc.option(fc.integer({ min: 1, max: 50000 })), minQuantity: fc.option(fc.integer({ min: 1, max: 20 })) }).filter((c) => c.minAmountFen !== null || c.minQuantity !== null), { maxLength: 2 })
    : fc.constant<ShippingTemplate['freeShipping']>([]),
  isDefault: fc.constant(id === 'a'),
});
const arbLine = fc.record({
  templateId: fc.constantFrom(null, 'a', 'b', 'missing'),
  quantity: fc.integer({ min: 1, max: 50 }),
  unitWeightGrams: fc.integer({ min: 0, max: 3000 }),
  subtotalFen: fc.integer({ min: 0, max: 100000 }),
});
const arbPolicy = fc.constantFrom('sum' as const, 'max_first' as const);

describe('quoteShipping properties', () => {
  it('never charges below zero, and the fee is the sum of the templates\' shares', () => {
    fc.assert(fc.property(fc.array(arbLine, { minLength: 1, maxLength: 6 }), arbTemplate('a', true), arbTemplate('b', true), arbDestination, arbPolicy, (lines, a, b, destination, policy) => {
      const q = quoteShipping({ lines, destination, templates: [a, b], policy });
      expect(q.feeFen).toBeGreaterThanOrEqual(0);
      expect(q.feeFen).toBe(q.perTemplate.reduce((s, f) => s + f.feeFen, 0));
      for (const f of q.perTemplate) expect(f.feeFen).toBeGreaterThanOrEqual(0);
      // Every line is either priced under one template or listed as undeliverable, never both.
      const priced = q.perTemplate.flatMap((f) => f.lineIndexes);
      const refused = q.undeliverable.map((u) => u.lineIndex);
      expect([...priced, ...refused].sort((x, y) => x - y)).toEqual(lines.map((_, i) => i));
    }), { numRuns: 500 });
  });

  it('is monotone in quantity for one template without free shipping', () => {
    fc.assert(fc.property(arbTemplate('a', false), arbLine, fc.integer({ min: 0, max: 100 }), arbDestination, arbPolicy, (t, l, more, destination, policy) => {
      const one = { ...l, templateId: 'a' };
      const fewer = quoteShipping({ lines: [one], destination, templates: [t], policy });
      const bigger = quoteShipping({ lines: [{ ...one, quantity: one.quantity + more }], destination, templates: [t], policy });
      expect(bigger.feeFen).toBeGreaterThanOrEqual(fewer.feeFen);
    }), { numRuns: 500 });
  });

  it('respects a free-shipping threshold: at or over it, that template charges nothing', () => {
    fc.assert(fc.property(arbTemplate('a', false), fc.integer({ min: 1, max: 50000 }), fc.array(arbLine, { minLength: 1, maxLength: 5 }), arbDestination, arbPolicy, (t0, threshold, ls, destination, policy) => {
      const t = { ...t0, undeliverable: [], freeShipping: [{ regions: [], minAmountFen: threshold, minQuantity: null }] };
      const lines = ls.map((l) => ({ ...l, templateId: 'a' }));
      const q = quoteShipping({ lines, destination, templates: [t], policy });
      const subtotal = lines.reduce((s, l) => s + l.subtotalFen, 0);
      if (subtotal >= threshold) {
        expect(q.feeFen).toBe(0);
        expect(q.freeShippingReason).not.toBeNull();
      } else {
        expect(q.feeFen).toBe(q.perTemplate[0]!.baseFeeFen);
        expect(q.perTemplate[0]!.freeShippingGap?.amountFen).toBe(threshold - subtotal);
      }
    }), { numRuns: 500 });
  });

  it('is deterministic and does not depend on the order templates are passed in', () => {
    fc.assert(fc.property(fc.array(arbLine, { minLength: 1, maxLength: 6 }), arbTemplate('a', true), arbTemplate('b', true), arbDestination, arbPolicy, (lines, a, b, destination, policy) => {
      const first = quoteShipping({ lines, destination, templates: [a, b], policy });
      expect(quoteShipping({ lines, destination, templates: [a, b], policy })).toEqual(first);
      expect(quoteShipping({ lines, destination, templates: [b, a], policy })).toEqual(first);
    }), { numRuns: 300 });
  });
});
