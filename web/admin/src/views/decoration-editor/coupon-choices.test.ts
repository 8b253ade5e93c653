import type { TCouponTemplate } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { couponChoices } from './coupon-choices.ts';

function tpl(id: string, over: Partial<TCouponTemplate> = {}): TCouponTemplate {
  return {
    id, kind: 'amount_off', kindName: { zh: '满减券', en: 'Amount off' }, name: `券${id}`, args: { thresholdFen: 10000, amountFen: 1000 },
    summary: { zh: '满100减10', en: '¥10 off ¥100' }, scope: { type: 'all', ids: [], excludeProductIds: [] }, validity: { type: 'relative', days: 30 },
    perCustomerLimit: 1, totalQuantity: 100, issuedCount: 0, usedCount: 0, claimable: true, status: 'active', createdAt: '', updatedAt: '', ...over,
  };
}

describe('coupon choices', () => {
  it('offers active claimable templates only', () => {
    const list = [tpl('a'), tpl('b', { claimable: false }), tpl('c', { status: 'draft' }), tpl('d', { status: 'ended' }), tpl('e')];
    expect(couponChoices(list, []).map((c) => c.id)).toEqual(['a', 'e']);
  });

  it('keeps picked templates that are no longer claimable, marked gone, so they can be removed', () => {
    const list = [tpl('a'), tpl('d', { status: 'ended' })];
    expect(couponChoices(list, ['d', 'a', 'zz'])).toEqual([
      { id: 'a', name: '券a', summary: list[0]!.summary, gone: false },
      { id: 'd', name: '券d', summary: list[1]!.summary, gone: true },
      { id: 'zz', name: 'zz', summary: null, gone: true },
    ]);
  });
});
