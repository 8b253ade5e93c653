import { describe, expect, it } from 'vitest';
import { packageToForm, toPackageInput } from './data.ts';

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
