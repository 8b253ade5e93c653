import type { TMallItem, TMallRecord } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { emptyItemForm, itemColumns, itemToForm, recordColumns, shelfState, toItemInput, windowText } from './data.ts';

const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}:${JSON.stringify(values)}` : key);
const ITEM: TMallItem = {
  id: 'i1', kind: 'coupon', refId: '0190f1f0-0000-7000-8000-000000000001', title: '', refName: '¥10 无门槛券', image: null, description: '',
  pointsPrice: 1000, stock: 3, exchangedCount: 7, perCustomerLimit: 1, sort: 0, onShelf: true, validFrom: null, validUntil: null, marketPriceFen: null,
  createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('points mall item form', () => {
  it('builds the request with whole numbers, a trimmed name and an open window as nulls', () => {
    const form = { ...emptyItemForm(), refId: ITEM.refId, title: ' 十元券 ', pointsPrice: '1000', stock: '50', perCustomerLimit: 2 };
    expect(toItemInput(form, t)).toEqual({
      ok: true,
      input: { kind: 'coupon', refId: ITEM.refId, title: '十元券', description: '', pointsPrice: 1000, stock: 50, perCustomerLimit: 2, sort: 0, onShelf: true, validFrom: null, validUntil: null },
    });
  });

  it('names every field in error at the paths the server uses', () => {
    const form = { ...emptyItemForm(), kind: 'product' as const, pointsPrice: '0', stock: '-1', validFrom: '2026-12-02T00:00:00+08:00', validUntil: '2026-12-01T00:00:00+08:00' };
    const r = toItemInput(form, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual({ refId: 'pointsMall.skuRequired', pointsPrice: 'pointsMall.priceInvalid', stock: 'pointsMall.stockInvalid', validUntil: 'pointsMall.endBeforeStart' });
    expect(toItemInput({ ...emptyItemForm(), refId: ITEM.refId, pointsPrice: '1.5', stock: '1' }, t).ok).toBe(false);
  });

  it('round-trips a saved item through the form', () => {
    const form = itemToForm({ ...ITEM, validUntil: '2026-12-31T16:00:00.000Z' });
    expect(form).toMatchObject({ pointsPrice: '1000', stock: '3', validFrom: '', validUntil: '2026-12-31T16:00:00.000Z' });
    const r = toItemInput(form, t);
    expect(r.ok && r.input).toMatchObject({ pointsPrice: 1000, stock: 3, validFrom: null, validUntil: '2026-12-31T16:00:00.000Z' });
  });
});

describe('points mall tables', () => {
  const now = new Date('2026-11-23T06:00:00Z');
  it('reads the shelf state the shop would show', () => {
    expect(shelfState(ITEM, now)).toBe('on');
    expect(shelfState({ ...ITEM, onShelf: false }, now)).toBe('off');
    expect(shelfState({ ...ITEM, stock: 0 }, now)).toBe('soldOut');
    expect(shelfState({ ...ITEM, validFrom: '2026-11-24T00:00:00Z' }, now)).toBe('scheduled');
    expect(shelfState({ ...ITEM, validUntil: '2026-11-23T06:00:00Z' }, now)).toBe('ended');
  });

  it('formats stock, window and the record customer (masked phone, else a short id)', () => {
    const cols = itemColumns(t);
    expect(cols.find((c) => c.prop === 'stock')!.formatter!(ITEM)).toBe('pointsMall.stockText:{"left":3,"done":7}');
    expect(windowText(ITEM, t)).toBe('pointsMall.always');
    expect(windowText({ validFrom: null, validUntil: '2026-12-31T16:00:00.000Z' }, t)).toMatch(/^pointsMall\.now – .*\d{2}:\d{2}$/);
    const record: TMallRecord = { id: 'e1', itemId: 'i1', kind: 'coupon', title: '¥10 无门槛券', image: null, points: 1000, status: 'completed', couponId: 'c1', orderId: null, createdAt: ITEM.createdAt, customerId: 'abcdef12-3456', phoneMasked: '138****5678' };
    const who = recordColumns(t).find((c) => c.prop === 'phoneMasked')!.formatter!;
    expect(who(record)).toBe('138****5678');
    expect(who({ ...record, phoneMasked: null })).toBe('abcdef12');
  });
});
