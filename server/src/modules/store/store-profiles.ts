import { asc, eq } from 'drizzle-orm';
import { ZStoreProfileInput, type TStoreProfile, type TStoreProfileInput, type TWeekHours } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { stores } from './store.tables.ts';

type StoreRow = typeof stores.$inferSelect;
const CLOSED_WEEK: TWeekHours = [null, null, null, null, null, null, null];
/** Checkout reads the profiles on every preview: kept in process for a short while. */
const PROFILES_TTL_MS = 10_000;

export function profileOf(r: StoreRow): TStoreProfile {
  return {
    id: r.id, name: r.name, city: r.city, address: r.address, phone: r.phone, latE6: r.latE6, lngE6: r.lngE6,
    hours: r.hours ?? CLOSED_WEEK, pickupEnabled: r.pickupEnabled, localDeliveryEnabled: r.localDeliveryEnabled,
    localDelivery: r.localDelivery ?? null, sort: r.sort,
  };
}

/** Store profiles for pickup and local delivery: the admin store editor and checkout read these. */
export function createStoreProfiles(db: Db, changed: () => void) {
  let cache: { at: number; items: TStoreProfile[] } | null = null;
  const forget = () => { cache = null; changed(); };

  return {
    async list(opts: { fresh?: boolean } = {}): Promise<TStoreProfile[]> {
      if (!opts.fresh && cache && clock.now().getTime() - cache.at < PROFILES_TTL_MS && cache.at <= clock.now().getTime()) return cache.items;
      const rows = await db.run((q) => q.select().from(stores).orderBy(asc(stores.sort), asc(stores.name)));
      cache = { at: clock.now().getTime(), items: rows.map(profileOf) };
      return cache.items;
    },
    async get(id: string): Promise<TStoreProfile> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new KoiError('resource.not_found', { what: 'store' });
      const [row] = await db.run((q) => q.select().from(stores).where(eq(stores.id, id)));
      if (!row) throw new KoiError('resource.not_found', { what: 'store' });
      return profileOf(row);
    },
    async create(input: TStoreProfileInput): Promise<TStoreProfile> {
      const p = ZStoreProfileInput.parse(input);
      const now = clock.now();
      const [row] = await db.run((q) => q.insert(stores).values({ id: newId(), ...p, createdAt: now, updatedAt: now }).returning());
      forget();
      return profileOf(row!);
    },
    async update(id: string, input: TStoreProfileInput): Promise<TStoreProfile> {
      const p = ZStoreProfileInput.parse(input);
      await this.get(id);
      const [row] = await db.run((q) => q.update(stores).set({ ...p, updatedAt: clock.now() }).where(eq(stores.id, id)).returning());
      forget();
      return profileOf(row!);
    },
  };
}
export type StoreProfiles = ReturnType<typeof createStoreProfiles>;
