import { describe, expect, it } from 'vitest';
import { emptyPlanForm, memberDayToForm, planToForm, toMemberDay, toPlanInput } from './data.ts';

describe('membership forms', () => {
  it('a plan typed in yuan is sent in fen; bad fields are named', () => {
    const form = { ...emptyPlanForm(), name: ' 茶友年卡 ', price: '99', benefits: { discountPercent: 10, freeShipping: true, pointsMultiplierPct: 100, birthdayGift: '' } };
    expect(toPlanInput(form)).toEqual({ ok: true, input: { name: '茶友年卡', priceFen: 9900, periodDays: 365, benefits: form.benefits, active: true, sort: 0 } });
    expect(toPlanInput({ ...emptyPlanForm(), periodDays: 0 })).toEqual({ ok: false, errors: { name: true, price: true, periodDays: true } });
    expect(planToForm({ name: 'x', priceFen: 9900, periodDays: 30, benefits: form.benefits, active: false, sort: 2 }).price).toBe('99.00');
  });

  it('the member day keeps the chosen rule, sorted and without repeats; an empty choice is an error', () => {
    const f = memberDayToForm({ enabled: true, rule: { type: 'weekly', weekdays: [3] }, extraDiscountPercent: 0, pointsMultiplierPct: 200 });
    expect(toMemberDay({ ...f, weekdays: [6, 3, 3] })).toEqual({ ok: true, value: { enabled: true, rule: { type: 'weekly', weekdays: [3, 6] }, extraDiscountPercent: 0, pointsMultiplierPct: 200 } });
    expect(toMemberDay({ ...f, type: 'monthly', days: [18, 8] })).toMatchObject({ ok: true, value: { rule: { type: 'monthly', days: [8, 18] } } });
    expect(toMemberDay({ ...f, weekdays: [] })).toEqual({ ok: false, errors: { rule: true } });
  });
});
