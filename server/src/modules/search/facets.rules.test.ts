import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bandOf, bandValue, PRICE_BANDS, priceFacets, topFacets } from './facets.rules.ts';

describe('price bands', () => {
  it('cover every price exactly once (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (p) =>
      PRICE_BANDS.filter((b) => p >= b.minFen && (b.maxFen === null || p <= b.maxFen)).length === 1 && bandOf(p).minFen <= p));
  });

  it('are stable filter values', () => {
    expect(bandValue(bandOf(16_800))).toBe('10000-29999');
    expect(bandValue(bandOf(350_000))).toBe('200000-');
  });

  it('keep their order and leave out empty bands', () => {
    expect(priceFacets(new Map([['200000-', 2], ['0-9999', 1]])).map((f) => f.label)).toEqual(['¥100 以下', '¥2000 以上']);
  });
});

describe('topFacets', () => {
  it('puts the largest first and cuts at the limit', () => {
    const f = topFacets([{ value: 'a', label: '盖碗', count: 2 }, { value: 'b', label: '紫砂壶', count: 5 }, { value: 'c', label: '茶杯', count: 0 }], 5);
    expect(f.map((x) => x.value)).toEqual(['b', 'a']);
  });
});
