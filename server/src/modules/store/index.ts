import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { stores } from './store.tables.ts';
import type { TStore } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { createStoreProfiles } from './store-profiles.ts';
import { registerStoreAdminRoutes } from './store.routes.admin.ts';
import './store.errors.ts';

export type { StoreProfiles } from './store-profiles.ts';

/** Store names change rarely and are shown on many lists: kept for a short while, not per request. */
const NAMES_TTL_MS = 30_000;

/**
 * Stores of the chain (门店). `profiles` holds what pickup and local delivery need (address,
 * GCJ-02 coordinates, hours, delivery bands and slots); the multi-store issue adds stock and guides.
 */
export function createStoreService(db: Db) {
  let names: { at: number; byId: Map<string, string> } | null = null;
  const profiles = createStoreProfiles(db, () => { names = null; });
  return {
    profiles,
    registerRoutes(app: App): void {
      registerStoreAdminRoutes(app, { profiles });
    },
    async list(): Promise<TStore[]> {
      const rows = await db.run((q) => q.select().from(stores).orderBy(asc(stores.sort), asc(stores.name)));
      return rows.map(({ id, name, city, address }) => ({ id, name, city, address }));
    },
    async namesOf(ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      if (!names || Date.now() - names.at > NAMES_TTL_MS || ids.some((id) => !names!.byId.has(id))) {
        const rows = await db.run((q) => q.select({ id: stores.id, name: stores.name }).from(stores));
        names = { at: Date.now(), byId: new Map(rows.map((r) => [r.id, r.name])) };
      }
      return new Map(ids.filter((id) => names!.byId.has(id)).map((id) => [id, names!.byId.get(id)!]));
    },
    async exists(id: string): Promise<boolean> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
      const rows = await db.run((q) => q.select({ id: stores.id }).from(stores).where(eq(stores.id, id)));
      return rows.length > 0;
    },
    async create(input: { name: string; city: string; address: string; sort?: number }): Promise<TStore> {
      const id = newId();
      await db.run((q) => q.insert(stores).values({ id, ...input, sort: input.sort ?? 0, createdAt: clock.now() }));
      names = null;
      return { id, name: input.name, city: input.city, address: input.address };
    },
  };
}
export type StoreService = ReturnType<typeof createStoreService>;
