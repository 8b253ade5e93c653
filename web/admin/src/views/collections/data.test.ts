import { ZCollectionInput, type TCollection } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { collectionToForm, emptyCollectionForm, toCollectionInput } from './data.ts';

const t = (key: string) => key;

describe('collection form', () => {
  it('makes a manual collection from the picked products, in order', () => {
    const out = toCollectionInput({ ...emptyCollectionForm(), name: ' 新品上架 ', productIds: ['p3', 'p1'] }, t);
    expect(out).toEqual({ ok: true, input: { name: '新品上架', mode: 'manual', productIds: ['p3', 'p1'], rule: null } });
    if (out.ok) expect(ZCollectionInput.safeParse(out.input).success).toBe(true);
    expect(toCollectionInput({ ...emptyCollectionForm(), name: 'x' }, t)).toEqual({ ok: false, errors: { productIds: 'collection.productsRequired' } });
  });

  it('makes a rule with a price range in exact fen', () => {
    const out = toCollectionInput({ ...emptyCollectionForm(), name: '百元好礼', mode: 'rule', priceMin: '99.9', priceMax: '199', sort: 'price_asc', limit: 20 }, t);
    expect(out).toEqual({
      ok: true,
      input: { name: '百元好礼', mode: 'rule', productIds: [], rule: { categoryId: null, tag: null, priceMinFen: 9990, priceMaxFen: 19900, sort: 'price_asc', limit: 20 } },
    });
    if (out.ok) expect(ZCollectionInput.safeParse(out.input).success).toBe(true);
  });

  it('refuses a rule that selects nothing in particular, or a reversed price range', () => {
    expect(toCollectionInput({ ...emptyCollectionForm(), name: 'x', mode: 'rule' }, t)).toEqual({ ok: false, errors: { rule: 'collection.ruleEmpty' } });
    expect(toCollectionInput({ ...emptyCollectionForm(), name: 'x', mode: 'rule', priceMin: '10', priceMax: '5' }, t)).toEqual({
      ok: false,
      errors: { 'rule.priceMaxFen': 'collection.priceOrder' },
    });
    expect(toCollectionInput({ ...emptyCollectionForm(), name: 'x', mode: 'rule', priceMin: '1.001' }, t)).toEqual({
      ok: false,
      errors: { 'rule.priceMinFen': 'money.decimals' },
    });
  });

  it('round-trips a saved rule collection', () => {
    const c: TCollection = {
      id: 'c1',
      name: '紫砂',
      mode: 'rule',
      productIds: [],
      rule: { categoryId: 'cat_pot', tag: '紫砂', priceMinFen: 10000, priceMaxFen: null, sort: 'sales', limit: 50 },
      productCount: 12,
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const out = toCollectionInput(collectionToForm(c), t);
    expect(out.ok && out.input.rule).toEqual(c.rule);
  });
});
