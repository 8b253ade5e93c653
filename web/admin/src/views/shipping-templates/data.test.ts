import { ZShippingTemplateInput, type TRegionProvince, type TShippingTemplate } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { emptyTemplateForm, freeSummary, parseUnits, ruleSummary, templateToForm, toTemplateInput } from './data.ts';
import { cityOptions, regionNames } from './regions.ts';

const t = (key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key);

const provinces: TRegionProvince[] = [
  { code: '110000', name: '北京市', children: [{ code: '110100', name: '北京市', children: [] }] },
  { code: '330000', name: '浙江省', children: [{ code: '330100', name: '杭州市', children: [] }, { code: '330200', name: '宁波市', children: [] }] },
  { code: '650000', name: '新疆维吾尔自治区', children: [{ code: '650100', name: '乌鲁木齐市', children: [] }, { code: '650200', name: '克拉玛依市', children: [] }] },
];

describe('regions of the cascader', () => {
  it('offers provinces with their cities, no districts', () => {
    expect(cityOptions(provinces)[1]).toEqual({ value: '330000', label: '浙江省', children: [{ value: '330100', label: '杭州市' }, { value: '330200', label: '宁波市' }] });
  });

  it('names regions, a few then how many more', () => {
    expect(regionNames(['330000', '650100'], provinces, (n) => `+${n}`)).toBe('浙江省、新疆乌鲁木齐市');
    expect(regionNames(['110000', '330000', '650000'], provinces, (n) => ` +${n}`, 2)).toBe('北京市、浙江省 +1');
  });
});

describe('template form', () => {
  const template: TShippingTemplate = {
    id: 't1', name: '默认运费', chargeBy: 'weight', isDefault: true, createdAt: '', updatedAt: '',
    defaultRule: { first: 1000, firstFeeFen: 1200, additional: 500, additionalFeeFen: 300 },
    regionRules: [{ regions: ['650000'], first: 1500, firstFeeFen: 2000, additional: 1000, additionalFeeFen: 1000 }],
    undeliverable: ['110000'],
    freeShipping: [{ regions: [], minAmountFen: 19900, minQuantity: null }],
  };

  it('reads kg with up to three decimals into grams, pieces as whole numbers', () => {
    expect(parseUnits('weight', '0.5')).toBe(500);
    expect(parseUnits('weight', '1.234')).toBe(1234);
    expect(parseUnits('weight', '1.2345')).toBeNull();
    expect(parseUnits('weight', '0')).toBeNull();
    expect(parseUnits('piece', '2')).toBe(2);
    expect(parseUnits('piece', '1.5')).toBeNull();
  });

  it('round-trips a saved template into a valid request', () => {
    const form = templateToForm(template);
    expect(form.defaultRule).toEqual({ first: '1', firstFee: '12.00', additional: '0.5', additionalFee: '3.00' });
    expect(form.regionRules[0]!.regions).toEqual(['650000']);
    const result = toTemplateInput(form, t);
    expect(result).toEqual({ ok: true, input: { name: '默认运费', chargeBy: 'weight', defaultRule: template.defaultRule, regionRules: template.regionRules, undeliverable: ['110000'], freeShipping: template.freeShipping, isDefault: true } });
    if (result.ok) expect(ZShippingTemplateInput.safeParse(result.input).success).toBe(true);
  });

  it('names every mistake at the contract path', () => {
    const form = emptyTemplateForm();
    form.defaultRule = { first: '0', firstFee: 'abc', additional: '1', additionalFee: '' };
    form.regionRules = [{ regions: [], first: '1', firstFee: '5', additional: '1', additionalFee: '1' }];
    form.freeShipping = [{ regions: [], minAmount: '', minQuantity: '' }, { regions: [], minAmount: '0', minQuantity: 'x' }];
    const result = toTemplateInput(form, t);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual([
        'defaultRule.additionalFeeFen', 'defaultRule.first', 'defaultRule.firstFeeFen',
        'freeShipping.0.minAmountFen', 'freeShipping.1.minAmountFen', 'freeShipping.1.minQuantity',
        'name', 'regionRules.0.regions',
      ]);
    }
  });

  it('summarises rules and free-shipping conditions in words', () => {
    expect(ruleSummary('piece', { first: 1, firstFeeFen: 800, additional: 1, additionalFeeFen: 200 }, t)).toBe('shipping.ruleSummary.piece {"first":"1","firstFee":"¥8.00","additional":"1","additionalFee":"¥2.00"}');
    expect(freeSummary({ minAmountFen: 19900, minQuantity: null }, t)).toBe('shipping.freeAmount {"amount":"¥199.00"}');
    expect(freeSummary({ minAmountFen: 9900, minQuantity: 2 }, t)).toBe('shipping.freeBoth {"amount":"¥99.00","quantity":2}');
  });
});
