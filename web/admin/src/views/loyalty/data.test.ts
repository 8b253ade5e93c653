import { describe, expect, it } from 'vitest';
import type { TLoyaltySettings } from '@koi/contracts';
import { packageToForm, toPackageInput } from './data.ts';
import { addSigninDay, earnSummary, removeSigninDay, rulesProblems, settingsForm } from './settings-data.ts';

describe('loyalty admin data', () => {
  it('turns the package form typed in yuan into fen exactly, and back', () => {
    const r = toPackageInput({ name: ' 充500送50 ', amount: '500', bonus: '50.5', active: true, sort: 1 });
    expect(r).toEqual({ ok: true, input: { name: '充500送50', amountFen: 50_000, bonusFen: 5_050, active: true, sort: 1 } });
    expect(packageToForm({ name: 'x', amountFen: 50_000, bonusFen: 5_050, active: false, sort: 0 })).toMatchObject({ amount: '500.00', bonus: '50.50' });
  });
  it('names the fields in error', () => {
    expect(toPackageInput({ name: '', amount: '0.5', bonus: 'x', active: true, sort: 0 })).toEqual({ ok: false, errors: { name: true, amount: true, bonus: true } });
  });
});

const saved: TLoyaltySettings = {
  points: { perYuan: 1, earnAt: 'completed', expiry: { mode: 'rolling', months: 12 }, signin: [5, 10], firstOrder: 100, clawback: 'proportional' },
  growth: { perYuan: 1, windowMonths: 12 },
};

describe('points rules form', () => {
  it('fills in the rules a server from before them omits, all off, and copies the sign-in table', () => {
    const f = settingsForm(saved);
    expect(f.points).toMatchObject({ birthday: 0, profile: 0, review: 0, reminderDays: 0, redeem: { perYuan: 100, capPercent: 50, includeShipping: false } });
    f.points.signin[0] = 99;
    expect(saved.points.signin[0]).toBe(5);
    expect(settingsForm({ ...saved, points: { ...saved.points, birthday: 188, redeem: { perYuan: 50, capPercent: 20, includeShipping: true } } }).points)
      .toMatchObject({ birthday: 188, redeem: { perYuan: 50, capPercent: 20, includeShipping: true } });
  });

  it('the sign-in table keeps 1 to 7 days; a new day repeats the last', () => {
    expect(addSigninDay([5, 10])).toEqual([5, 10, 10]);
    expect(addSigninDay([1, 2, 3, 4, 5, 6, 7])).toHaveLength(7);
    expect(removeSigninDay([5, 10])).toEqual([5]);
    expect(removeSigninDay([5])).toEqual([5]);
  });

  it('flags what the server would refuse, on the field the server names', () => {
    const f = settingsForm(saved);
    expect(rulesProblems(f)).toEqual({});
    expect(rulesProblems({ ...f, points: { ...f.points, reminderDays: 7, expiry: { mode: 'never' } } })).toEqual({ 'points.reminderDays': 'reminder_without_expiry' });
    expect(rulesProblems({ ...f, points: { ...f.points, reminderDays: 28, expiry: { mode: 'rolling', months: 1 } } })).toEqual({ 'points.reminderDays': 'reminder_too_early' });
    expect(rulesProblems({ ...f, points: { ...f.points, reminderDays: 27, expiry: { mode: 'rolling', months: 1 } } })).toEqual({});
    expect(rulesProblems({ ...f, points: { ...f.points, perYuan: 0, firstOrder: 0, signin: [0] } })).toEqual({ points: 'no_earn_rule' });
  });

  it('previews the ways to earn the shop will list', () => {
    const f = settingsForm({ ...saved, points: { ...saved.points, birthday: 188, review: 10 } });
    expect(earnSummary(f)).toEqual([
      { kind: 'order', points: 1 }, { kind: 'signin', points: 10 }, { kind: 'first_order', points: 100 }, { kind: 'birthday', points: 188 }, { kind: 'review', points: 10 },
    ]);
  });
});
