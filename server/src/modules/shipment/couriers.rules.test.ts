import { describe, expect, it } from 'vitest';
import { COURIERS, findCourier, normaliseTrackingNo } from './couriers.rules.ts';

describe('couriers', () => {
  it('finds a courier by Kuaidi100 code, name or short name', () => {
    expect(findCourier('shunfeng')?.name).toBe('顺丰速运');
    expect(findCourier('顺丰')?.code).toBe('shunfeng');
    expect(findCourier(' 中通快递 ')?.code).toBe('zhongtong');
    expect(findCourier('J&T')?.code).toBe('jtexpress');
    expect(findCourier('顺风')).toBeNull();
  });

  it('codes are unique and lower case (Kuaidi100 codes are)', () => {
    const codes = COURIERS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z]+$/);
  });

  it('normalises numbers and rejects ones of another format', () => {
    const sf = findCourier('shunfeng')!;
    expect(normaliseTrackingNo(sf, 'sf 1234-5678-9012-3')).toBe('SF1234567890123');
    expect(normaliseTrackingNo(sf, 'YT1234567890123')).toBeNull();
    expect(normaliseTrackingNo(findCourier('yuantong')!, 'yt1234567890123')).toBe('YT1234567890123');
    expect(normaliseTrackingNo(findCourier('ems')!, 'EA123456789CN')).toBe('EA123456789CN');
    expect(normaliseTrackingNo(findCourier('zhongtong')!, '78123456789012')).toBe('78123456789012');
    expect(normaliseTrackingNo(findCourier('zhongtong')!, '7812345')).toBeNull();
  });
});
