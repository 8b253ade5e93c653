import { describe, expect, it } from 'vitest';
import type { TOrderShipping } from '@koi/contracts';
import { firstSplitPackage, overAllocated, shipRequest, stateTag } from './data.ts';

const shipping: TOrderShipping = {
  orderId: 'o', orderNo: 'KOI1', status: 'paid', shippable: true, shipments: [], autoConfirmAt: null,
  lines: [
    { lineId: 'a', title: '杯', specValues: [], image: null, quantity: 3, shipped: 1, remaining: 2 },
    { lineId: 'b', title: '盘', specValues: [], image: null, quantity: 1, shipped: 0, remaining: 1 },
  ],
};

describe('ship dialog', () => {
  it('whole: one package without lines', () => {
    expect(shipRequest('whole', [{ courierCode: 'shunfeng', trackingNo: ' SF1 ', units: {} }])).toEqual({ body: { packages: [{ courierCode: 'shunfeng', trackingNo: 'SF1' }] } });
  });
  it('split: the lines of each package, and what is missing', () => {
    const first = firstSplitPackage(shipping);
    expect(first.units).toEqual({ a: 2, b: 1 });
    expect(shipRequest('split', [{ ...first, courierCode: 'yuantong', trackingNo: 'YT1', units: { a: 2, b: 0 } }])).toEqual({
      body: { packages: [{ courierCode: 'yuantong', trackingNo: 'YT1', lines: [{ lineId: 'a', quantity: 2 }] }] },
    });
    expect(shipRequest('split', [{ courierCode: 'yuantong', trackingNo: 'YT1', units: { a: 0 } }])).toEqual({ problem: 'emptyPackage' });
    expect(shipRequest('split', [{ courierCode: '', trackingNo: 'YT1', units: { a: 1 } }])).toEqual({ problem: 'required' });
    expect(overAllocated(shipping, [{ courierCode: '', trackingNo: '', units: { a: 2 } }, { courierCode: '', trackingNo: '', units: { a: 1 } }])).toEqual(['a']);
  });
  it('colours tracking states', () => {
    expect(stateTag(3, false)).toBe('success');
    expect(stateTag(0, true)).toBe('danger');
    expect(stateTag(null, false)).toBe('info');
  });
});
