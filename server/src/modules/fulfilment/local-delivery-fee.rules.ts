import type { TLocalDeliverySettings } from '@koi/contracts';

/** A point in GCJ-02 micro-degrees (integers: latitude × 10⁶, longitude × 10⁶). */
export type MicroPoint = { latE6: number; lngE6: number };

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (e6: number) => (e6 / 1e6) * (Math.PI / 180);

/**
 * Straight-line (great-circle) distance in whole metres by the haversine formula. GCJ-02 offsets a
 * point by a few hundred metres at most and almost equally for two nearby points, so distances
 * between GCJ-02 points are good to a few metres within a city — enough for fee bands.
 */
export function haversineMetres(a: MicroPoint, b: MicroPoint): number {
  const dLat = rad(b.latE6 - a.latE6);
  const dLng = rad(b.lngE6 - a.lngE6);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latE6)) * Math.cos(rad(b.latE6)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

/**
 * The local delivery fee for `distanceMetres` and goods worth `goodsFen`: the first band (ascending)
 * whose `maxMetres` covers the distance; free at or above `freeOverFen`. Null: out of range
 * (beyond the radius or every band).
 */
export function localDeliveryFee(settings: Pick<TLocalDeliverySettings, 'radiusMetres' | 'bands' | 'freeOverFen'>, distanceMetres: number, goodsFen: number): number | null {
  if (distanceMetres > settings.radiusMetres) return null;
  const band = settings.bands.find((b) => distanceMetres <= b.maxMetres);
  if (!band) return null;
  if (settings.freeOverFen !== null && goodsFen >= settings.freeOverFen) return 0;
  return band.feeFen;
}

export type LocalStore<S> = { store: S; point: MicroPoint; settings: TLocalDeliverySettings };
export type LocalChoice<S> =
  | { ok: true; store: S; distanceMetres: number; feeFen: number }
  | { ok: false; nearestMetres: number | null };

/** The nearest store that delivers to `to` (ties: the one listed first); otherwise how far the nearest is. */
export function chooseLocalStore<S>(candidates: readonly LocalStore<S>[], to: MicroPoint, goodsFen: number): LocalChoice<S> {
  let best: { c: LocalStore<S>; d: number; fee: number } | null = null;
  let nearest: number | null = null;
  for (const c of candidates) {
    const d = haversineMetres(c.point, to);
    if (nearest === null || d < nearest) nearest = d;
    const fee = localDeliveryFee(c.settings, d, goodsFen);
    if (fee !== null && (!best || d < best.d)) best = { c, d, fee };
  }
  return best ? { ok: true, store: best.c.store, distanceMetres: best.d, feeFen: best.fee } : { ok: false, nearestMetres: nearest };
}
