import { describe, expect, it } from 'vitest';
import { normaliseCollection } from './collection.rules.ts';

const rule = { categoryId: null, tag: '送礼', priceMinFen: null, priceMaxFen: null, sort: 'sales' as const, limit: 20 };

describe('normaliseCollection', () => {
  it('keeps manual order and drops repeats', () => {
    expect(normaliseCollection({ mode: 'manual', productIds: ['b', 'a', 'b', 'c'], rule: null })).toEqual({ mode: 'manual', productIds: ['b', 'a', 'c'], rule: null });
  });
  it('requires a rule for rule collections and none for manual ones', () => {
    expect(normaliseCollection({ mode: 'rule', productIds: [], rule })).toEqual({ mode: 'rule', productIds: [], rule });
    expect(normaliseCollection({ mode: 'rule', productIds: [], rule: null })).toBeNull();
    expect(normaliseCollection({ mode: 'rule', productIds: ['a'], rule })).toBeNull();
    expect(normaliseCollection({ mode: 'manual', productIds: [], rule })).toBeNull();
  });
  it('refuses an upside-down price range', () => {
    expect(normaliseCollection({ mode: 'rule', productIds: [], rule: { ...rule, priceMinFen: 500, priceMaxFen: 100 } })).toBeNull();
  });
});
