import { describe, expect, it } from 'vitest';
import type { TImportMapping } from '@koi/contracts';
import { columnLetter, columnOptions, importTagType, isRunning, missingFields } from './data.ts';

const empty: TImportMapping = {
  orderNo: null, buyerId: null, name: null, phone: null, address: null, amount: null, status: null, placedAt: null, paidAt: null, itemTitle: null, itemQuantity: null,
};

describe('customer import page data', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
    expect(columnOptions(['订单编号', ''])).toEqual([{ value: 0, label: 'A · 订单编号' }, { value: 1, label: 'B · —' }]);
  });
  it('says what a mapping lacks', () => {
    expect(missingFields(empty)).toEqual(['orderNo', 'amount', 'placedAt', 'phone']);
    expect(missingFields({ ...empty, orderNo: 0, amount: 3, paidAt: 4, buyerId: 1 })).toEqual([]);
  });
  it('knows a running import', () => {
    expect(importTagType('failed')).toBe('danger');
    expect(isRunning(null)).toBe(false);
  });
});
