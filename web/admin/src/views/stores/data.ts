import type { TLocalDeliverySettings, TStoreProfile, TStoreProfileInput } from '@koi/contracts';
import { fenToYuanText, parseOptionalYuan, parseYuan } from '@/utils/money';

type T = (key: string, values?: Record<string, unknown>) => string;

/**
 * The store editor's form. Coordinates are typed as decimal degrees (GCJ-02, as AMap or Tencent Maps
 * show them) and sent as integer micro-degrees, converted from the digits, never through floats.
 * Fees are typed in yuan and sent in fen; distances in metres.
 */
export interface TDayForm { open: boolean; from: string; to: string }
export interface TBandForm { maxMetres: number; fee: string }
export interface TStoreForm {
  name: string;
  city: string;
  address: string;
  phone: string;
  lat: string;
  lng: string;
  sort: number;
  days: TDayForm[];
  pickupEnabled: boolean;
  localDeliveryEnabled: boolean;
  radiusMetres: number;
  bands: TBandForm[];
  freeOver: string;
  slotMinutes: 30 | 60 | 120;
  leadMinutes: number;
  slotDays: number;
}

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

const DEFAULT_DELIVERY: TLocalDeliverySettings = {
  radiusMetres: 5000, bands: [{ maxMetres: 3000, feeFen: 500 }, { maxMetres: 5000, feeFen: 800 }], freeOverFen: null, slotMinutes: 60, leadMinutes: 60, days: 3,
};

/** `30245300` → `'30.245300'`. */
export function microToText(e6: number | null): string {
  if (e6 === null) return '';
  const abs = Math.abs(e6);
  return `${e6 < 0 ? '-' : ''}${Math.trunc(abs / 1e6)}.${String(abs % 1e6).padStart(6, '0')}`;
}

/** `'30.2453'` → 30245300; '' → null; more than 6 decimals or out of range → undefined (an error). */
export function parseMicroDegrees(text: string, max: number): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(-?)(\d{1,3})(?:\.(\d{0,6}))?$/.exec(s);
  if (!m) return undefined;
  const value = Number(m[2]) * 1e6 + Number((m[3] ?? '').padEnd(6, '0'));
  if (value > max * 1e6) return undefined;
  return m[1] === '-' ? -value : value;
}

export function emptyStoreForm(): TStoreForm {
  return profileToForm(null);
}

export function profileToForm(p: TStoreProfile | null): TStoreForm {
  const d = p?.localDelivery ?? DEFAULT_DELIVERY;
  return {
    name: p?.name ?? '', city: p?.city ?? '', address: p?.address ?? '', phone: p?.phone ?? '',
    lat: microToText(p?.latE6 ?? null), lng: microToText(p?.lngE6 ?? null), sort: p?.sort ?? 0,
    days: WEEKDAYS.map((i) => {
      const h = p ? p.hours[i] : { open: '10:00', close: '21:00' };
      return { open: !!h, from: h?.open ?? '10:00', to: h?.close ?? '21:00' };
    }),
    pickupEnabled: p?.pickupEnabled ?? false,
    localDeliveryEnabled: p?.localDeliveryEnabled ?? false,
    radiusMetres: d.radiusMetres,
    bands: d.bands.map((b) => ({ maxMetres: b.maxMetres, fee: fenToYuanText(b.feeFen) })),
    freeOver: fenToYuanText(d.freeOverFen),
    slotMinutes: d.slotMinutes,
    leadMinutes: d.leadMinutes,
    slotDays: d.days,
  };
}

export type TStoreResult = { ok: true; input: TStoreProfileInput } | { ok: false; errors: Record<string, string> };

/** The request from the form, or the errors by field (the contract's paths, as the server's). */
export function toStoreInput(f: TStoreForm, t: T): TStoreResult {
  const errors: Record<string, string> = {};
  if (!f.name.trim()) errors.name = t('stores.errors.required');
  if (!f.city.trim()) errors.city = t('stores.errors.required');
  if (!f.address.trim()) errors.address = t('stores.errors.required');
  const latE6 = parseMicroDegrees(f.lat, 90);
  const lngE6 = parseMicroDegrees(f.lng, 180);
  if (latE6 === undefined) errors.latE6 = t('stores.errors.coordinate');
  if (lngE6 === undefined) errors.lngE6 = t('stores.errors.coordinate');
  if (latE6 !== undefined && lngE6 !== undefined && (latE6 === null) !== (lngE6 === null)) errors.lngE6 = t('stores.errors.coordinatePair');
  f.days.forEach((d, i) => {
    if (d.open && !(d.from < d.to)) errors[`hours.${i}`] = t('stores.errors.hours');
  });
  const bands: TLocalDeliverySettings['bands'] = [];
  f.bands.forEach((b, i) => {
    const fee = parseYuan(b.fee);
    if (!fee.ok) errors[`localDelivery.bands.${i}.feeFen`] = t('stores.errors.money');
    else bands.push({ maxMetres: b.maxMetres, feeFen: fee.fen });
    if (i > 0 && b.maxMetres <= f.bands[i - 1]!.maxMetres) errors[`localDelivery.bands.${i}.maxMetres`] = t('stores.errors.bandOrder');
  });
  const freeOver = parseOptionalYuan(f.freeOver);
  if (!freeOver.ok) errors['localDelivery.freeOverFen'] = t('stores.errors.money');
  if (f.localDeliveryEnabled && (latE6 === null || lngE6 === null)) errors.latE6 = t('stores.errors.coordinatesNeeded');
  if (f.localDeliveryEnabled && !f.bands.length) errors['localDelivery.bands'] = t('stores.errors.bandsNeeded');
  if (Object.keys(errors).length || latE6 === undefined || lngE6 === undefined || !freeOver.ok) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name: f.name.trim(), city: f.city.trim(), address: f.address.trim(), phone: f.phone.trim(), latE6, lngE6, sort: f.sort,
      hours: f.days.map((d) => (d.open ? { open: d.from, close: d.to } : null)),
      pickupEnabled: f.pickupEnabled,
      localDeliveryEnabled: f.localDeliveryEnabled,
      localDelivery: bands.length
        ? { radiusMetres: f.radiusMetres, bands, freeOverFen: freeOver.fen === 0 ? null : freeOver.fen, slotMinutes: f.slotMinutes, leadMinutes: f.leadMinutes, days: f.slotDays }
        : null,
    },
  };
}

/** `[{10:00–21:00} × 5, null, …]` → one short line per group of days, e.g. "周一至周五 10:00–21:00". */
export function hoursSummary(hours: TStoreProfile['hours'], dayName: (i: number) => string, closed: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < 7) {
    const h = hours[i];
    let j = i;
    while (j + 1 < 7 && JSON.stringify(hours[j + 1]) === JSON.stringify(h)) j++;
    const days = i === j ? dayName(i) : `${dayName(i)}–${dayName(j)}`;
    out.push(`${days} ${h ? `${h.open}–${h.close}` : closed}`);
    i = j + 1;
  }
  return out;
}
