import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applySchedule, cardListPrice, cartesian, changedPrice, combinationCount, isAllowedImageUrl, priceRange, productIssues, stockView,
  type RuleProduct, type RuleSku,
} from './product.rules.ts';

const sku = (code: string, specValues: string[], priceFen = 1000, listPriceFen: number | null = null): RuleSku => ({ code, specValues, priceFen, listPriceFen, imageUrl: null });
const product = (over: Partial<RuleProduct> = {}): RuleProduct => ({
  specs: [{ name: '颜色', values: ['天青', '月白'] }, { name: '容量', values: ['150ml', '200ml'] }],
  skus: [sku('A1', ['天青', '150ml']), sku('A2', ['天青', '200ml']), sku('A3', ['月白', '150ml']), sku('A4', ['月白', '200ml'])],
  images: ['/media/0190.webp', 'https://cdn.example/x.jpg'],
  scheduledOnSaleAt: null,
  scheduledOffSaleAt: null,
  ...over,
});
const codes = (p: RuleProduct) => productIssues(p).map((i) => i.code);

describe('productIssues', () => {
  it('accepts a full matrix and a product without specs', () => {
    expect(productIssues(product())).toEqual([]);
    expect(productIssues(product({ specs: [], skus: [sku('ONE', [])] }))).toEqual([]);
  });

  it('requires exactly one value per dimension, from that dimension', () => {
    const p = product();
    p.skus[0] = sku('A1', ['天青']);
    p.skus[1] = sku('A2', ['天青', '300ml']);
    const issues = productIssues(p);
    expect(issues.filter((i) => i.code === 'catalog.spec_values_mismatch').map((i) => i.path)).toEqual(['skus.0.specValues', 'skus.1.specValues']);
    expect(issues.find((i) => i.path === 'skus.1.specValues')!.params.reason).toContain('300ml');
  });

  it('refuses a duplicate combination and a duplicate code, naming them', () => {
    const p = product();
    p.skus[3] = sku('A1', ['月白', '150ml']);
    const issues = productIssues(p);
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(['catalog.sku_code_duplicate', 'catalog.spec_combination_duplicate', 'catalog.spec_combination_missing']));
    expect(issues.find((i) => i.code === 'catalog.sku_code_duplicate')!.params.code).toBe('A1');
    expect(issues.find((i) => i.code === 'catalog.spec_combination_missing')!.params).toEqual({ combination: '月白 / 200ml', count: 1 });
  });

  it('requires the whole cartesian product when specs exist', () => {
    const p = product();
    p.skus.pop();
    expect(codes(p)).toEqual(['catalog.spec_combination_missing']);
    expect(codes(product({ specs: [], skus: [sku('X', []), sku('Y', [])] }))).toContain('catalog.spec_combination_duplicate');
  });

  it('refuses repeated spec names or values, list prices below the price, bad images and a backwards schedule', () => {
    expect(codes(product({ specs: [{ name: '颜色', values: ['天青', '天青'] }], skus: [sku('A', ['天青'])] }))).toContain('catalog.spec_invalid');
    expect(codes(product({ specs: [{ name: '颜色', values: ['a'] }, { name: '颜色', values: ['b'] }], skus: [sku('A', ['a', 'b'])] }))).toContain('catalog.spec_invalid');
    expect(codes(product({ specs: [], skus: [sku('A', [], 1000, 999)] }))).toEqual(['catalog.list_price_below_price']);
    expect(codes(product({ specs: [], skus: [sku('A', [], 1000, 1000)] }))).toEqual([]);
    expect(codes(product({ images: ['javascript:alert(1)'] }))).toEqual(['catalog.image_url_invalid']);
    expect(codes(product({ scheduledOnSaleAt: '2026-05-02T00:00:00Z', scheduledOffSaleAt: '2026-05-01T00:00:00Z' }))).toEqual(['catalog.schedule_invalid']);
  });

  it('refuses matrices beyond the SKU limit without enumerating them', () => {
    const big = Array.from({ length: 50 }, (_, i) => `v${i}`);
    expect(codes(product({ specs: [{ name: 'a', values: big }, { name: 'b', values: big }], skus: [sku('A', ['v0', 'v0'])] }))).toEqual(['catalog.too_many_combinations']);
  });

  it('finds no issue in any complete matrix, and exactly the missing ones when SKUs are dropped', () => {
    const dims = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 3 });
    fc.assert(
      fc.property(dims, fc.nat(), (valueSets, drop) => {
        const specs = valueSets.map((values, i) => ({ name: `d${i}`, values }));
        const combos = cartesian(specs);
        expect(combos.length).toBe(combinationCount(specs));
        const skus = combos.map((c, i) => sku(`S${i}`, c));
        expect(productIssues(product({ specs, skus }))).toEqual([]);
        if (skus.length > 1) {
          const without = skus.filter((_, i) => i !== drop % skus.length);
          const missing = productIssues(product({ specs, skus: without }));
          expect(missing.map((m) => m.code)).toEqual(['catalog.spec_combination_missing']);
          expect(missing[0]!.params.count).toBe(1);
        }
      }),
    );
  });
});

describe('image urls', () => {
  it('allows our media folder and https only', () => {
    expect(isAllowedImageUrl('/media/0190abc.webp')).toBe(true);
    expect(isAllowedImageUrl('/media/thumbs/0190abc.webp')).toBe(true);
    expect(isAllowedImageUrl('/media/../etc/passwd')).toBe(false);
    expect(isAllowedImageUrl('http://x.example/a.png')).toBe(false);
    expect(isAllowedImageUrl('https://x.example/a.png')).toBe(true);
    expect(isAllowedImageUrl('https://x.example/a.png" onerror="x')).toBe(false);
  });
});

describe('prices', () => {
  it('price range and the card list price', () => {
    const skus = [{ priceFen: 1000, listPriceFen: 1500 }, { priceFen: 2000, listPriceFen: null }, { priceFen: 800, listPriceFen: 800 }];
    expect(priceRange(skus)).toEqual({ min: 800, max: 2000 });
    expect(cardListPrice(skus)).toBe(1500);
    expect(cardListPrice([{ priceFen: 1000, listPriceFen: 1000 }])).toBeNull();
  });

  it('changes prices by set, percent (rounded half up) and delta, never below zero', () => {
    expect(changedPrice(1000, 'set', 880)).toBe(880);
    expect(changedPrice(1999, 'percent', -10)).toBe(1799); // 1799.1
    expect(changedPrice(1995, 'percent', -10)).toBe(1796); // 1795.5 rounds up
    expect(changedPrice(1000, 'delta', -1001)).toBeNull();
    expect(changedPrice(1000, 'percent', -101)).toBeNull();
    expect(changedPrice(1000, 'set', 1_000_000_001)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: -100, max: 1000 }), (p, pct) => {
        const got = changedPrice(p, 'percent', pct);
        const exact = (BigInt(p) * BigInt(100 + pct) * 2n + 100n) / 200n; // half up in exact integers
        if (exact > 1_000_000_000n) expect(got).toBeNull();
        else expect(got).toBe(Number(exact));
      }),
    );
  });
});

describe('applySchedule', () => {
  const at = (s: string) => new Date(s);
  it('puts a product on sale and takes it off at the scheduled times, in time order', () => {
    const s = { status: 'draft' as const, scheduledOnSaleAt: at('2026-05-01T10:00:00Z'), scheduledOffSaleAt: at('2026-05-03T10:00:00Z') };
    expect(applySchedule(s, at('2026-05-01T09:59:00Z'))).toBeNull();
    expect(applySchedule(s, at('2026-05-01T10:00:00Z'))).toEqual({ status: 'on_sale', scheduledOnSaleAt: null, scheduledOffSaleAt: s.scheduledOffSaleAt });
    expect(applySchedule(s, at('2026-05-04T00:00:00Z'))).toEqual({ status: 'off_shelf', scheduledOnSaleAt: null, scheduledOffSaleAt: null });
    expect(applySchedule({ status: 'on_sale', scheduledOnSaleAt: null, scheduledOffSaleAt: at('2026-05-01T00:00:00Z') }, at('2026-05-02T00:00:00Z'))!.status).toBe('off_shelf');
  });
});

describe('stockView', () => {
  it('shows exact counts only when low', () => {
    expect(stockView(0)).toEqual({ stockState: 'out_of_stock', stockLeft: 0 });
    expect(stockView(10)).toEqual({ stockState: 'low', stockLeft: 10 });
    expect(stockView(11)).toEqual({ stockState: 'in_stock', stockLeft: null });
  });
});
