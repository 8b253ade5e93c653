import type { TArgField } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { argsToForm, emptyRow, formToArgs, formToScope, scopeToForm } from './kind-args.ts';

const t = (key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key);
const lt = (s: string) => ({ zh: s, en: s });
const field = (over: Partial<TArgField> & Pick<TArgField, 'key' | 'type'>): TArgField => ({
  label: lt(over.key), help: null, required: true, min: null, max: null, default: null, options: [], fields: [], minItems: null, maxItems: null, ...over,
});
// What the server generates for 满减 (see server kinds/describe-args.test.ts).
const FULL_REDUCTION: TArgField[] = [
  field({ key: 'tiers', type: 'list', minItems: 1, maxItems: 5, fields: [field({ key: 'thresholdFen', type: 'fen', min: 1 }), field({ key: 'discountFen', type: 'fen', min: 1 })] }),
  field({ key: 'repeat', type: 'boolean', required: false, default: false }),
];

// What the server generates for 满折 (an enum, and rows with a defaulted amount, pieces and a rate in basis points).
const FULL_DISCOUNT: TArgField[] = [
  field({ key: 'by', type: 'enum', required: false, default: 'amount', options: [{ value: 'amount', label: lt('按金额') }, { value: 'pieces', label: lt('按件数') }] }),
  field({ key: 'tiers', type: 'list', minItems: 1, maxItems: 5, fields: [
    field({ key: 'thresholdFen', type: 'fen', required: false, default: 0, min: 0 }),
    field({ key: 'pieces', type: 'integer', required: false, default: 0, min: 0, max: 999 }),
    field({ key: 'rateBp', type: 'integer', min: 100, max: 9900 }),
  ] }),
];

// What the server generates for 满赠: a SKU picker cell (`sku`) in each tier.
const FULL_GIFT: TArgField[] = [
  field({ key: 'tiers', type: 'list', minItems: 1, maxItems: 5, fields: [
    field({ key: 'thresholdFen', type: 'fen', required: false, default: 0, min: 0 }),
    field({ key: 'giftSkuId', type: 'sku' }),
    field({ key: 'giftName', type: 'text' }),
    field({ key: 'quantity', type: 'integer', required: false, default: 1, min: 1, max: 99 }),
  ] }),
];

describe('kind args form', () => {
  it('满赠: the SKU picker\'s id goes through as text, and is required', () => {
    const args = { tiers: [{ thresholdFen: 29900, giftSkuId: '01a206fc-90bb-76b1-b48e-985fd24abab4', giftName: '茶巾一条', quantity: 1 }] };
    expect(emptyRow(FULL_GIFT)).toEqual({ tiers: [{ thresholdFen: '0.00', giftSkuId: '', giftName: '', quantity: '1' }] });
    expect(formToArgs(FULL_GIFT, argsToForm(FULL_GIFT, args), t)).toEqual({ ok: true, args });
    expect(formToArgs(FULL_GIFT, { tiers: [{ thresholdFen: '299', giftSkuId: '', giftName: '茶巾', quantity: '1' }] }, t)).toEqual({ ok: false, errors: { 'args.tiers.0.giftSkuId': 'kindArgs.required' } });
  });

  it('starts with the minimum rows and defaults', () => {
    expect(emptyRow(FULL_REDUCTION)).toEqual({ tiers: [{ thresholdFen: '', discountFen: '' }], repeat: false });
  });

  it('round-trips stored args through yuan text without floating point', () => {
    const args = { tiers: [{ thresholdFen: 30000, discountFen: 3000 }, { thresholdFen: 60010, discountFen: 8005 }], repeat: true };
    const form = argsToForm(FULL_REDUCTION, args);
    expect(form.tiers).toEqual([{ thresholdFen: '300.00', discountFen: '30.00' }, { thresholdFen: '600.10', discountFen: '80.05' }]);
    expect(formToArgs(FULL_REDUCTION, form, t)).toEqual({ ok: true, args });
  });

  it('reports mistakes at the request paths the server uses', () => {
    const r = formToArgs(FULL_REDUCTION, { tiers: [{ thresholdFen: '', discountFen: '0' }, { thresholdFen: '1.234', discountFen: '5' }], repeat: false }, t);
    expect(r).toEqual({
      ok: false,
      errors: { 'args.tiers.0.thresholdFen': 'kindArgs.required', 'args.tiers.0.discountFen': 'kindArgs.min {"min":"¥0.01"}', 'args.tiers.1.thresholdFen': 'money.decimals' },
    });
    expect(formToArgs(FULL_REDUCTION, { tiers: [], repeat: false }, t)).toEqual({ ok: false, errors: { 'args.tiers': 'kindArgs.minItems {"n":1}' } });
  });

  it('maps scopes both ways and requires ids for categories and products', () => {
    const errors: Record<string, string> = {};
    expect(formToScope({ type: 'products', categoryIds: ['c'], productIds: [], excludeProductIds: ['x'] }, t, errors)).toEqual({ type: 'products', ids: [], excludeProductIds: [] });
    expect(errors).toEqual({ 'scope.ids': 'scope.productsRequired' });
    const scope = { type: 'categories' as const, ids: ['c1'], excludeProductIds: ['p9'] };
    expect(formToScope(scopeToForm(scope), t, {})).toEqual(scope);
  });

  it('fills the 满折 form (茶杯满 2 件 9 折) and checks the rate against its bounds', () => {
    const empty = emptyRow(FULL_DISCOUNT);
    expect(empty).toEqual({ by: 'amount', tiers: [{ thresholdFen: '0.00', pieces: '0', rateBp: '' }] });
    expect(formToArgs(FULL_DISCOUNT, { by: 'pieces', tiers: [{ thresholdFen: '0.00', pieces: '2', rateBp: '9000' }] }, t)).toEqual({ ok: true, args: { by: 'pieces', tiers: [{ thresholdFen: 0, pieces: 2, rateBp: 9000 }] } });
    expect(formToArgs(FULL_DISCOUNT, { by: 'pieces', tiers: [{ thresholdFen: '0.00', pieces: '2', rateBp: '90' }] }, t)).toEqual({ ok: false, errors: { 'args.tiers.0.rateBp': 'kindArgs.min {"min":100}' } });
  });
});
