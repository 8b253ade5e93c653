import { describe, expect, it } from 'vitest';
import type { TStoreProfile } from '@koi/contracts';
import { hoursSummary, microToText, parseMicroDegrees, profileToForm, toStoreInput } from './data.ts';

const t = (key: string) => key;
const hz: TStoreProfile = {
  id: 's1', name: '杭州西湖店', city: '杭州', address: '西湖区南山路 218 号', phone: '0571-87961218', latE6: 30_245_300, lngE6: 120_164_000,
  hours: [...Array.from({ length: 6 }, () => ({ open: '10:00', close: '21:00' })), null], pickupEnabled: true, localDeliveryEnabled: true,
  localDelivery: { radiusMetres: 10_000, bands: [{ maxMetres: 3000, feeFen: 500 }, { maxMetres: 5000, feeFen: 800 }], freeOverFen: 19_900, slotMinutes: 60, leadMinutes: 60, days: 3 },
  sort: 1,
};

describe('store editor data', () => {
  it('converts degrees to micro-degrees by the digits', () => {
    expect(parseMicroDegrees('30.2453', 90)).toBe(30_245_300);
    expect(parseMicroDegrees('120.164000', 180)).toBe(120_164_000);
    expect(parseMicroDegrees('-0.000001', 90)).toBe(-1);
    expect(parseMicroDegrees('', 90)).toBeNull();
    expect(parseMicroDegrees('30.1234567', 90)).toBeUndefined();
    expect(parseMicroDegrees('91', 90)).toBeUndefined();
    expect(microToText(30_245_300)).toBe('30.245300');
    expect(microToText(-1)).toBe('-0.000001');
  });
  it('round-trips a profile through the form', () => {
    const res = toStoreInput(profileToForm(hz), t);
    expect(res.ok).toBe(true);
    if (res.ok) {
      const { id, ...rest } = hz;
      expect(id).toBe('s1');
      expect(res.input).toEqual(rest);
    }
  });
  it('names every bad field', () => {
    const f = profileToForm(hz);
    f.lat = '';
    f.bands[1]!.maxMetres = 2000;
    f.bands[0]!.fee = 'abc';
    f.days[0] = { open: true, from: '21:00', to: '10:00' };
    const res = toStoreInput(f, t);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(Object.keys(res.errors).sort()).toEqual(['hours.0', 'latE6', 'lngE6', 'localDelivery.bands.0.feeFen', 'localDelivery.bands.1.maxMetres']);
  });
  it('summarises hours by runs of days', () => {
    expect(hoursSummary(hz.hours, (i) => `D${i}`, 'closed')).toEqual(['D0–D5 10:00–21:00', 'D6 closed']);
  });
});
