import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseLocalStore, haversineMetres, localDeliveryFee } from './local-delivery-fee.rules.ts';

const bands = { radiusMetres: 10_000, bands: [{ maxMetres: 3000, feeFen: 500 }, { maxMetres: 5000, feeFen: 800 }, { maxMetres: 10_000, feeFen: 1500 }], freeOverFen: 19_900 };
const settings = { ...bands, slotMinutes: 60 as const, leadMinutes: 60, days: 3 };

describe('haversineMetres', () => {
  it('measures known distances to within a few metres', () => {
    // 1° of latitude is ~111.2 km on the mean sphere.
    expect(haversineMetres({ latE6: 30_000_000, lngE6: 120_000_000 }, { latE6: 31_000_000, lngE6: 120_000_000 })).toBe(111_195);
    // 杭州南山路 → 上海愚园路: ~165 km as the crow flies.
    const d = haversineMetres({ latE6: 30_245_300, lngE6: 120_164_000 }, { latE6: 31_221_800, lngE6: 121_431_500 });
    expect(d).toBeGreaterThan(160_000);
    expect(d).toBeLessThan(170_000);
  });
  it('is a whole, symmetric, non-negative number of metres, zero for the same point', () => {
    const pt = fc.record({ latE6: fc.integer({ min: 18_000_000, max: 53_000_000 }), lngE6: fc.integer({ min: 73_000_000, max: 135_000_000 }) });
    fc.assert(fc.property(pt, pt, (a, b) => {
      const d = haversineMetres(a, b);
      return Number.isInteger(d) && d >= 0 && d === haversineMetres(b, a) && haversineMetres(a, a) === 0;
    }));
  });
});

describe('localDeliveryFee', () => {
  it('charges by the first band covering the distance, edges inclusive', () => {
    expect(localDeliveryFee(bands, 0, 100)).toBe(500);
    expect(localDeliveryFee(bands, 3000, 100)).toBe(500);
    expect(localDeliveryFee(bands, 3001, 100)).toBe(800);
    expect(localDeliveryFee(bands, 5000, 100)).toBe(800);
    expect(localDeliveryFee(bands, 10_000, 100)).toBe(1500);
  });
  it('refuses beyond the radius or the last band', () => {
    expect(localDeliveryFee(bands, 10_001, 100)).toBeNull();
    expect(localDeliveryFee({ ...bands, radiusMetres: 20_000 }, 12_000, 100)).toBeNull();
    expect(localDeliveryFee({ ...bands, radiusMetres: 4000 }, 4500, 100)).toBeNull();
  });
  it('is free from the threshold on, never when there is none', () => {
    expect(localDeliveryFee(bands, 8000, 19_899)).toBe(1500);
    expect(localDeliveryFee(bands, 8000, 19_900)).toBe(0);
    expect(localDeliveryFee({ ...bands, freeOverFen: null }, 8000, 10_000_000)).toBe(1500);
    expect(localDeliveryFee(bands, 10_500, 1_000_000)).toBeNull();
  });
  it('never decreases with distance (below the free threshold)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
      const [near, far] = a <= b ? [a, b] : [b, a];
      return localDeliveryFee(bands, near, 0)! <= localDeliveryFee(bands, far, 0)!;
    }));
  });
});

describe('chooseLocalStore', () => {
  const hz = { store: 'hz', point: { latE6: 30_245_300, lngE6: 120_164_000 }, settings };
  const sh = { store: 'sh', point: { latE6: 31_221_800, lngE6: 121_431_500 }, settings };
  it('picks the nearest store in range with its band fee', () => {
    const r = chooseLocalStore([sh, hz], { latE6: 30_272_934, lngE6: 120_147_376 }, 5000); // 西湖区 centroid
    expect(r).toMatchObject({ ok: true, store: 'hz', feeFen: 800 });
    if (r.ok) expect(r.distanceMetres).toBeGreaterThan(3000);
  });
  it('says how far the nearest store is when none delivers there', () => {
    const r = chooseLocalStore([hz, sh], { latE6: 31_245_944, lngE6: 121_567_706 }, 5000); // 浦东 centroid
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.nearestMetres).toBeGreaterThan(10_000);
    expect(chooseLocalStore([], { latE6: 0, lngE6: 0 }, 0)).toEqual({ ok: false, nearestMetres: null });
  });
});
