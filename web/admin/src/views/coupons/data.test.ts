import type { TKindDescriptor } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { emptyTemplateForm, toTemplateInput } from './data.ts';

const t = (key: string) => key;
const lt = (s: string) => ({ zh: s, en: s });
const fen = (key: string, min: number) => ({ key, type: 'fen' as const, label: lt(key), help: null, required: true, min, max: null, default: null, options: [], fields: [], minItems: null, maxItems: null });
const KIND: TKindDescriptor = { kind: 'amount_off', target: 'coupon', stage: 'coupon', name: lt('满减券'), description: lt(''), exclusiveGroup: 'order_coupon', fields: [fen('thresholdFen', 0), fen('amountFen', 1)] };

describe('toTemplateInput', () => {
  it('builds a 满 ¥200 减 ¥20 coupon valid 30 days after claiming, unlimited when the total is empty', () => {
    const form = { ...emptyTemplateForm(KIND), name: '新客券', args: { thresholdFen: '200', amountFen: '20' } };
    expect(toTemplateInput(form, KIND, t)).toEqual({
      ok: true,
      input: {
        kind: 'amount_off', name: '新客券', args: { thresholdFen: 20000, amountFen: 2000 }, scope: { type: 'all', ids: [], excludeProductIds: [] },
        validity: { type: 'relative', days: 30 }, perCustomerLimit: 1, totalQuantity: null, claimable: true, status: 'active',
      },
    });
  });

  it('checks fixed dates, days and the total', () => {
    const base = { ...emptyTemplateForm(KIND), name: 'x', args: { thresholdFen: '0', amountFen: '5' } };
    const fixed = toTemplateInput({ ...base, validityType: 'fixed', from: '2026-06-01T00:00:00+08:00', until: '2026-05-01T00:00:00+08:00', total: '0' }, KIND, t);
    expect(fixed).toEqual({ ok: false, errors: { 'validity.until': 'promotion.endBeforeStart', totalQuantity: 'coupon.totalInvalid' } });
    expect(toTemplateInput({ ...base, days: '0' }, KIND, t)).toEqual({ ok: false, errors: { 'validity.days': 'coupon.daysInvalid' } });
  });
});
