import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { birthdaysCelebrated, earnKeys, profileComplete } from './points-earn.rules.ts';
import { earnWays, pointsRules, settingsProblems, withDefaults } from './points-settings.rules.ts';
import { DEFAULT_SETTINGS, type LoyaltySettings } from './points.rules.ts';

const withPoints = (p: Partial<LoyaltySettings['points']>): LoyaltySettings => ({ ...DEFAULT_SETTINGS, points: { ...DEFAULT_SETTINGS.points, ...p } });

describe('points earn rules', () => {
  it('birthdays: the day itself; 29 February is celebrated on 28 February of a common year only', () => {
    expect(birthdaysCelebrated('2026-05-20')).toEqual(['05-20']);
    expect(birthdaysCelebrated('2027-02-28')).toEqual(['02-28', '02-29']);
    expect(birthdaysCelebrated('2028-02-28')).toEqual(['02-28']);
    expect(birthdaysCelebrated('2028-02-29')).toEqual(['02-29']);
    expect(birthdaysCelebrated('2100-02-28')).toEqual(['02-28', '02-29']); // 2100 is not a leap year
  });

  it('property: every birthday (MM-DD) is celebrated exactly once in every year', () => {
    fc.assert(fc.property(fc.integer({ min: 1901, max: 2399 }), (year) => {
      const seen = new Map<string, number>();
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        for (const md of birthdaysCelebrated(new Date(t).toISOString().slice(0, 10))) seen.set(md, (seen.get(md) ?? 0) + 1);
      }
      expect(seen.size).toBe(366);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    }), { numRuns: 40 });
  });

  it('a profile is complete with gender, birthday and region', () => {
    expect(profileComplete({ gender: 'female', birthday: '1990-05-20', regionCode: '330106' })).toBe(true);
    expect(profileComplete({ gender: 'unknown', birthday: '1990-05-20', regionCode: '330106' })).toBe(false);
    expect(profileComplete({ gender: 'male', birthday: null, regionCode: '330106' })).toBe(false);
    expect(profileComplete({ gender: 'male', birthday: '1990-05-20', regionCode: null })).toBe(false);
  });

  it('one key per occasion: the birthday key changes with the year only', () => {
    expect(earnKeys.birthday('c1', '2026-05-20')).toBe(earnKeys.birthday('c1', '2026-11-01'));
    expect(earnKeys.birthday('c1', '2026-05-20')).not.toBe(earnKeys.birthday('c1', '2027-05-20'));
    expect(earnKeys.profile('c1')).not.toBe(earnKeys.profile('c2'));
  });
});

describe('points settings rules', () => {
  it('settings saved before the new rules read with them off, and the redeem rule filled in', () => {
    const p = pointsRules(DEFAULT_SETTINGS);
    expect(p).toMatchObject({ birthday: 0, profile: 0, review: 0, reminderDays: 0, redeem: { perYuan: 100, capPercent: 50, includeShipping: false } });
    expect(withDefaults(withPoints({ birthday: 88 })).points.birthday).toBe(88);
  });

  it('names what does not fit together', () => {
    expect(settingsProblems(withPoints({ reminderDays: 7 }))).toEqual([]);
    expect(settingsProblems(withPoints({ reminderDays: 7, expiry: { mode: 'never' } })).map((e) => e.code)).toEqual(['reminder_without_expiry']);
    expect(settingsProblems(withPoints({ reminderDays: 30, expiry: { mode: 'rolling', months: 1 } }))).toEqual([
      expect.objectContaining({ path: 'body.points.reminderDays', code: 'reminder_too_early' }),
    ]);
    expect(settingsProblems(withPoints({ reminderDays: 27, expiry: { mode: 'rolling', months: 1 } }))).toEqual([]);
    expect(settingsProblems(withPoints({ perYuan: 0, signin: [0], firstOrder: 0 })).map((e) => e.code)).toEqual(['no_earn_rule']);
    expect(settingsProblems(withPoints({ perYuan: 0, signin: [0], firstOrder: 0, redeem: { perYuan: 100, capPercent: 0 } }))).toEqual([]);
  });

  it('the shop lists the rules switched on, in a fixed order', () => {
    expect(earnWays(withPoints({ birthday: 200, review: 0, profile: 50, signin: [5, 10, 30], firstOrder: 0 }))).toEqual([
      { kind: 'order', points: 1 }, { kind: 'signin', points: 30 }, { kind: 'birthday', points: 200 }, { kind: 'profile', points: 50 },
    ]);
  });
});
