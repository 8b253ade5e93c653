import { ZBatchPriceRequest } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { describeBatchPrice, emptyBatchPriceForm, filterQuery, toBatchPriceRequest, type TBatchPriceForm } from './data.ts';

const t = (key: string, values?: Record<string, unknown>) => `${key.split('.').pop()} ${JSON.stringify(values ?? {})}`;
const ids = ['p1', 'p2', 'p3'];
const form = (patch: Partial<TBatchPriceForm>): TBatchPriceForm => ({ ...emptyBatchPriceForm(), ...patch });

describe('batch price', () => {
  it('sets a price in exact fen', () => {
    expect(toBatchPriceRequest(form({ mode: 'set', amount: '12.30' }), ids)).toEqual({ ok: true, request: { ids, mode: 'set', value: 1230 } });
    expect(toBatchPriceRequest(form({ mode: 'set', amount: '12.345' }), ids)).toEqual({ ok: false, error: 'decimals' });
    expect(toBatchPriceRequest(form({ mode: 'set', amount: '-1' }), ids)).toEqual({ ok: false, error: 'negative' });
  });

  it('moves by a whole percent up or down, never down to nothing', () => {
    expect(toBatchPriceRequest(form({ mode: 'percent', direction: 'down', amount: '10' }), ids)).toEqual({ ok: true, request: { ids, mode: 'percent', value: -10 } });
    expect(toBatchPriceRequest(form({ mode: 'percent', direction: 'up', amount: '5' }), ids)).toEqual({ ok: true, request: { ids, mode: 'percent', value: 5 } });
    expect(toBatchPriceRequest(form({ mode: 'percent', amount: '7.5' }), ids)).toEqual({ ok: false, error: 'percent' });
    expect(toBatchPriceRequest(form({ mode: 'percent', direction: 'down', amount: '100' }), ids)).toEqual({ ok: false, error: 'percent' });
    expect(toBatchPriceRequest(form({ mode: 'percent', amount: '0' }), ids)).toEqual({ ok: false, error: 'percent' });
    expect(toBatchPriceRequest(form({ mode: 'percent', amount: '' }), ids)).toEqual({ ok: false, error: 'empty' });
  });

  it('moves by an amount in fen with the chosen direction', () => {
    expect(toBatchPriceRequest(form({ mode: 'delta', direction: 'down', amount: '5' }), ids)).toEqual({ ok: true, request: { ids, mode: 'delta', value: -500 } });
    expect(toBatchPriceRequest(form({ mode: 'delta', direction: 'up', amount: '0.5' }), ids)).toEqual({ ok: true, request: { ids, mode: 'delta', value: 50 } });
    expect(toBatchPriceRequest(form({ mode: 'delta', amount: '0' }), ids)).toEqual({ ok: false, error: 'empty' });
  });

  it('every request it makes is one the contract accepts', () => {
    for (const f of [form({ mode: 'set', amount: '0' }), form({ mode: 'percent', amount: '99' }), form({ mode: 'delta', direction: 'up', amount: '10000000' })]) {
      const out = toBatchPriceRequest(f, ids);
      if (!out.ok) throw new Error(out.error);
      expect(ZBatchPriceRequest.safeParse(out.request).success).toBe(true);
    }
  });

  it('says the rule in words, with 折 for a percentage down', () => {
    expect(describeBatchPrice({ ids, mode: 'set', value: 1230 }, t)).toBe('describeSet {"count":3,"price":"¥12.30"}');
    expect(describeBatchPrice({ ids, mode: 'percent', value: -10 }, t)).toBe('describeDownPercent {"count":3,"percent":10,"zhe":"9"}');
    expect(describeBatchPrice({ ids, mode: 'percent', value: -15 }, t)).toBe('describeDownPercent {"count":3,"percent":15,"zhe":"8.5"}');
    expect(describeBatchPrice({ ids, mode: 'percent', value: 20 }, t)).toBe('describeUpPercent {"count":3,"percent":20}');
    expect(describeBatchPrice({ ids, mode: 'delta', value: -500 }, t)).toBe('describeDownDelta {"count":3,"amount":"¥5.00"}');
    expect(describeBatchPrice({ ids, mode: 'delta', value: 150000 }, t)).toBe('describeUpDelta {"count":3,"amount":"¥1,500.00"}');
  });
});

describe('filterQuery', () => {
  it('leaves out empty filters', () => {
    expect(filterQuery({ q: '  ', categoryId: '', status: '' })).toEqual({});
    expect(filterQuery({ q: ' 盖碗 ', categoryId: 'c1', status: 'on_sale' })).toEqual({ q: '盖碗', categoryId: 'c1', status: 'on_sale' });
  });
});
