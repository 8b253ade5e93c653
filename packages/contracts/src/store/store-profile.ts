import { z } from 'zod';
import { ZFen } from '../platform/money.ts';

/**
 * A store's profile for pickup (到店自提) and local delivery (同城配送), issue 6 point 3.
 * Coordinates are GCJ-02 (the system Chinese map SDKs use) in micro-degrees, integers, so no float
 * drifts through storage; distances are whole metres, fees integer fen.
 */
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm');

/** One day's opening hours; `null` in the week: closed that day. */
export const ZDayHours = z.object({ open: HHMM, close: HHMM }).refine((h) => h.open < h.close, { message: 'open must be before close', path: ['close'] });
/** Monday first (index 0) … Sunday (index 6), in China time. */
export const ZWeekHours = z.array(ZDayHours.nullable()).length(7);
export type TWeekHours = z.infer<typeof ZWeekHours>;

/** A distance band: up to `maxMetres` (inclusive) costs `feeFen`. */
export const ZDistanceBand = z.object({ maxMetres: z.number().int().min(1).max(100_000), feeFen: ZFen.min(0) });
export type TDistanceBand = z.infer<typeof ZDistanceBand>;

export const ZLocalDeliverySettings = z.object({
  /** Farthest straight-line distance served, in metres. */
  radiusMetres: z.number().int().min(100).max(100_000),
  /** Ascending by `maxMetres`; the first band that covers the distance prices it. */
  bands: z.array(ZDistanceBand).min(1).max(10),
  /** Goods of at least this amount deliver free; null: never free. */
  freeOverFen: ZFen.min(1).nullable(),
  /** Length of a delivery window. */
  slotMinutes: z.union([z.literal(30), z.literal(60), z.literal(120)]),
  /** Preparation time: the first window starts at least this long after the order. */
  leadMinutes: z.number().int().min(0).max(24 * 60),
  /** Days offered, today included. */
  days: z.number().int().min(1).max(7),
}).refine((s) => s.bands.every((b, i) => i === 0 || b.maxMetres > s.bands[i - 1]!.maxMetres), { message: 'bands must be ascending', path: ['bands'] });
export type TLocalDeliverySettings = z.infer<typeof ZLocalDeliverySettings>;

const MICRO_LAT = z.number().int().min(-90_000_000).max(90_000_000);
const MICRO_LNG = z.number().int().min(-180_000_000).max(180_000_000);

export const ZStoreProfileInput = z.object({
  name: z.string().trim().min(1).max(60),
  city: z.string().trim().min(1).max(30),
  address: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(30).default(''),
  /** GCJ-02 latitude × 10⁶. */
  latE6: MICRO_LAT.nullable(),
  lngE6: MICRO_LNG.nullable(),
  hours: ZWeekHours,
  pickupEnabled: z.boolean(),
  localDeliveryEnabled: z.boolean(),
  localDelivery: ZLocalDeliverySettings.nullable(),
  sort: z.number().int().min(0).max(9999).default(0),
}).refine((s) => !s.localDeliveryEnabled || (s.localDelivery !== null && s.latE6 !== null && s.lngE6 !== null), {
  message: 'local delivery needs coordinates and delivery settings', path: ['localDeliveryEnabled'],
}).refine((s) => (s.latE6 === null) === (s.lngE6 === null), { message: 'latitude and longitude go together', path: ['lngE6'] });
export type TStoreProfileInput = z.input<typeof ZStoreProfileInput>;

export const ZStoreProfile = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  address: z.string(),
  phone: z.string(),
  latE6: z.number().int().nullable(),
  lngE6: z.number().int().nullable(),
  hours: ZWeekHours,
  pickupEnabled: z.boolean(),
  localDeliveryEnabled: z.boolean(),
  localDelivery: ZLocalDeliverySettings.nullable(),
  sort: z.number().int(),
});
export type TStoreProfile = z.infer<typeof ZStoreProfile>;
export const ZStoreProfileList = z.object({ items: z.array(ZStoreProfile) });
