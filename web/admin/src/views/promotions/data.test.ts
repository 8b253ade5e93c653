import type { TKindDescriptor } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { emptyPromotionForm, toPromotionInput } from './data.ts';

const t = (key: string) => key;
const lt = (s: string) => ({ zh: s, en: s });
const KIND: TKindDescriptor = {
  kind: 'full_reduction', target: 'promotion', stage: 'order', name: lt('满减'), description: lt(''), exclusiveGroup: 'order_discount',
  fields: [
    { key: 'tiers', type: 'list', label: lt('tiers'), help: null, required: true, min: null, max: null, default: null, options: [], minItems: 1, maxItems: 5,
      fields: ['thresholdFen', 'discountFen'].map((key) => ({ key, type: 'fen' as const, label: lt(key), help: null, required: true, min: 1, max: null, default: null, options: [], fields: [], minItems: null, maxItems: null })) },
  ],
};

describe('toPromotionInput', () => {
  it('builds the request from the generated form', () => {
    const form = { ...emptyPromotionForm(KIND, new Date('2026-05-01T00:00:00Z')), name: ' 春茶季满减 ', args: { tiers: [{ thresholdFen: '300', discountFen: '30' }] } };
    expect(toPromotionInput(form, KIND, t)).toEqual({
      ok: true,
      input: {
        kind: 'full_reduction', name: '春茶季满减', args: { tiers: [{ thresholdFen: 30000, discountFen: 3000 }] }, scope: { type: 'all', ids: [], excludeProductIds: [] },
        startsAt: '2026-05-01T00:00:00.000Z', endsAt: null, priority: 0, status: 'active',
      },
    });
  });

  it('lists every mistake at once', () => {
    const form = { ...emptyPromotionForm(KIND, new Date('2026-05-01T00:00:00Z')), endsAt: '2026-04-01T00:00:00Z', scope: { type: 'categories' as const, categoryIds: [], productIds: [], excludeProductIds: [] } };
    const r = toPromotionInput(form, KIND, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['args.tiers.0.discountFen', 'args.tiers.0.thresholdFen', 'endsAt', 'name', 'scope.ids']);
  });
});
