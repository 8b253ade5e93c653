import { and, eq, sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import { inventoryLevels, inventoryLocations } from './inventory.tables.ts';
import { availableOf, mergeStockLines, type StockLine } from './stock-lines.rules.ts';
import './inventory.errors.ts';

export type { StockLine } from './stock-lines.rules.ts';
export type StockLevel = { onHand: number; reserved: number; available: number };
export type OnHandEntry = { skuId: string; onHand: number; locationId?: string };

/** Published (in the writing transaction) whenever what shoppers can buy changes. */
export const InventoryEvents = { stockChanged: 'inventory.stock_changed' } as const;
export type TStockChangedEvent = { skuIds: string[]; reason: 'set' | 'reserve' | 'release' };

const DEFAULT_CODE = 'default';

/** A uuid[] parameter: one bind value however many ids (no parameter-count limit, one statement). */
export function uuidArray(ids: readonly string[]) {
  return sql`${sql.param([...ids])}::uuid[]`;
}

/**
 * Stock per SKU per location. It knows SKUs only by id: it never reads catalog tables, and the
 * catalog reads stock only through this service. Stock never goes below zero: every decrement is a
 * conditional update (`… where on_hand - reserved >= n`) and the table's checks back that up.
 */
export function createInventory(db: Db) {
  let defaultLocationId: string | null = null;

  /** The default warehouse, created at first use (concurrent first uses agree through the unique code). */
  async function defaultLocation(q?: Q): Promise<string> {
    if (defaultLocationId) return defaultLocationId;
    const run = <T>(fn: (x: Q) => Promise<T>) => (q ? fn(q) : db.run(fn));
    await run((x) => x.insert(inventoryLocations)
      .values({ id: newId(), code: DEFAULT_CODE, name: '默认仓库', isDefault: true, createdAt: clock.now() })
      .onConflictDoNothing({ target: inventoryLocations.code }));
    const [row] = await run((x) => x.select({ id: inventoryLocations.id }).from(inventoryLocations).where(eq(inventoryLocations.code, DEFAULT_CODE)));
    defaultLocationId = row!.id;
    return defaultLocationId;
  }

  async function announce(q: Q, skuIds: string[], reason: TStockChangedEvent['reason']) {
    if (skuIds.length) await publish<TStockChangedEvent>(q, InventoryEvents.stockChanged, { skuIds: [...new Set(skuIds)], reason });
  }

  return {
    defaultLocation,

    /**
     * Sets the counted stock (on hand) of SKUs, in one statement. Refuses to go below what is
     * reserved for orders in progress. `announce: false` when the caller publishes its own document
     * about the change in the same transaction (the catalog does, on product save).
     */
    async setOnHand(q: Q, entries: OnHandEntry[], opts: { announce?: boolean } = {}): Promise<void> {
      if (!entries.length) return;
      const def = await defaultLocation(q);
      const now = clock.now();
      const rows = entries.map((e) => {
        if (!Number.isSafeInteger(e.onHand) || e.onHand < 0) throw new KoiError('inventory.bad_quantity');
        return { skuId: e.skuId, locationId: e.locationId ?? def, onHand: e.onHand, reserved: 0, updatedAt: now };
      });
      const done = await q.insert(inventoryLevels).values(rows)
        .onConflictDoUpdate({
          target: [inventoryLevels.skuId, inventoryLevels.locationId],
          set: { onHand: sql`excluded.on_hand`, updatedAt: sql`excluded.updated_at` },
          setWhere: sql`${inventoryLevels.reserved} <= excluded.on_hand`,
        })
        .returning({ skuId: inventoryLevels.skuId, locationId: inventoryLevels.locationId });
      if (done.length < rows.length) {
        const ok = new Set(done.map((d) => `${d.skuId}/${d.locationId}`));
        const refused = rows.find((r) => !ok.has(`${r.skuId}/${r.locationId}`))!;
        const [level] = await q.select({ reserved: inventoryLevels.reserved }).from(inventoryLevels)
          .where(and(eq(inventoryLevels.skuId, refused.skuId), eq(inventoryLevels.locationId, refused.locationId)));
        throw new KoiError('inventory.below_reserved', { reserved: level?.reserved ?? 0 });
      }
      if (opts.announce !== false) await announce(q, rows.map((r) => r.skuId), 'set');
    },

    /** Stock of each SKU summed over locations, in one statement; SKUs without a level have none. */
    async levels(skuIds: readonly string[], q?: Q): Promise<Map<string, StockLevel>> {
      const out = new Map<string, StockLevel>();
      if (!skuIds.length) return out;
      const rows = await db.rows<{ sku_id: string; on_hand: number; reserved: number }>(sql`
        select sku_id, sum(on_hand)::int as on_hand, sum(reserved)::int as reserved
        from inventory_levels where sku_id = any(${uuidArray(skuIds)}) group by sku_id`, q);
      for (const id of skuIds) out.set(id, { onHand: 0, reserved: 0, available: 0 });
      for (const r of rows) {
        const level = { onHand: Number(r.on_hand), reserved: Number(r.reserved) };
        out.set(r.sku_id, { ...level, available: availableOf(level) });
      }
      return out;
    },

    /**
     * Locks the stock rows of these SKUs in SKU order. A checkout that reserves in two steps (the
     * bought lines, then optional 满赠 gifts) takes its locks first, so two orders whose bought and
     * gift SKUs are swapped wait for each other instead of deadlocking.
     */
    async lockLevels(q: Q, skuIds: readonly string[]): Promise<void> {
      const ids = [...new Set(skuIds)].sort();
      if (!ids.length) return;
      await db.rows(sql`select 1 from inventory_levels where location_id = ${await defaultLocation(q)}::uuid
        and sku_id = any(${`{${ids.join(',')}}`}::uuid[]) order by sku_id for update`, q);
    },

    /**
     * Holds stock for a checkout, all lines or none: each line is a conditional update that only
     * succeeds while enough is available, so parallel checkouts can never oversell. Throws
     * `inventory.insufficient_stock` (the caller's transaction then rolls back the other lines).
     */
    async reserve(q: Q, lines: StockLine[]): Promise<void> {
      const merged = mergeStockLines(lines, await defaultLocation(q));
      if (!merged) throw new KoiError('inventory.bad_quantity');
      const now = clock.now();
      for (const l of merged) {
        const hit = await q.update(inventoryLevels)
          .set({ reserved: sql`${inventoryLevels.reserved} + ${l.qty}`, updatedAt: now })
          .where(and(eq(inventoryLevels.skuId, l.skuId), eq(inventoryLevels.locationId, l.locationId),
            sql`${inventoryLevels.onHand} - ${inventoryLevels.reserved} >= ${l.qty}`))
          .returning({ skuId: inventoryLevels.skuId });
        if (!hit.length) throw new KoiError('inventory.insufficient_stock', { skuId: l.skuId });
      }
      await announce(q, merged.map((l) => l.skuId), 'reserve');
    },

    /** Gives reserved stock back (a checkout abandoned or cancelled). Never releases more than is held. */
    async release(q: Q, lines: StockLine[]): Promise<void> {
      const merged = mergeStockLines(lines, await defaultLocation(q));
      if (!merged) throw new KoiError('inventory.bad_quantity');
      const now = clock.now();
      for (const l of merged) {
        const hit = await q.update(inventoryLevels)
          .set({ reserved: sql`${inventoryLevels.reserved} - ${l.qty}`, updatedAt: now })
          .where(and(eq(inventoryLevels.skuId, l.skuId), eq(inventoryLevels.locationId, l.locationId), sql`${inventoryLevels.reserved} >= ${l.qty}`))
          .returning({ skuId: inventoryLevels.skuId });
        if (!hit.length) throw new KoiError('inventory.release_exceeds_reserved', { skuId: l.skuId });
      }
      await announce(q, merged.map((l) => l.skuId), 'release');
    },

    /**
     * Turns held stock into stock gone (an order was paid): on hand and reserved both drop, so what
     * shoppers can buy does not change. Never takes more than is held.
     */
    async commit(q: Q, lines: StockLine[]): Promise<void> {
      const merged = mergeStockLines(lines, await defaultLocation(q));
      if (!merged) throw new KoiError('inventory.bad_quantity');
      const now = clock.now();
      for (const l of merged) {
        const hit = await q.update(inventoryLevels)
          .set({ reserved: sql`${inventoryLevels.reserved} - ${l.qty}`, onHand: sql`${inventoryLevels.onHand} - ${l.qty}`, updatedAt: now })
          .where(and(eq(inventoryLevels.skuId, l.skuId), eq(inventoryLevels.locationId, l.locationId),
            sql`${inventoryLevels.reserved} >= ${l.qty}`, sql`${inventoryLevels.onHand} >= ${l.qty}`))
          .returning({ skuId: inventoryLevels.skuId });
        if (!hit.length) throw new KoiError('inventory.release_exceeds_reserved', { skuId: l.skuId });
      }
    },

    /**
     * Puts units back on the shelf (an after-sale's return came back in good order): on hand grows
     * at the location (the default warehouse unless given); a SKU without a level there gets one.
     */
    async restock(q: Q, lines: StockLine[]): Promise<void> {
      const merged = mergeStockLines(lines, await defaultLocation(q));
      if (!merged) throw new KoiError('inventory.bad_quantity');
      const now = clock.now();
      for (const l of merged) {
        await q.insert(inventoryLevels).values({ skuId: l.skuId, locationId: l.locationId, onHand: l.qty, reserved: 0, updatedAt: now })
          .onConflictDoUpdate({ target: [inventoryLevels.skuId, inventoryLevels.locationId], set: { onHand: sql`${inventoryLevels.onHand} + ${l.qty}`, updatedAt: now } });
      }
      await announce(q, merged.map((l) => l.skuId), 'set');
    },

    /**
     * Forgets the stock of SKUs that no longer exist (removed from their product). Refused while
     * units of one are held for an order in progress: that order must finish or be cancelled first.
     */
    async discard(q: Q, skuIds: readonly string[]): Promise<void> {
      if (!skuIds.length) return;
      const held = await db.rows<{ sku_id: string }>(sql`select sku_id from inventory_levels
        where sku_id = any(${uuidArray(skuIds)}) and reserved > 0 limit 1`, q);
      if (held[0]) throw new KoiError('inventory.sku_reserved', { skuId: held[0].sku_id });
      await q.execute(sql`delete from inventory_levels where sku_id = any(${uuidArray(skuIds)})`);
    },
  };
}
export type InventoryService = ReturnType<typeof createInventory>;
