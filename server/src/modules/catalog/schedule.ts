import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import type { InventoryService } from '../inventory/index.ts';
import { catalogProducts } from './catalog.tables.ts';
import { applySchedule } from './product.rules.ts';
import { publishProductsSaved } from './product-document.ts';

export const SCHEDULE_QUEUE = 'catalog.schedule-tick';
export const SCHEDULE_CRON = '* * * * *';

/**
 * Applies scheduled on-sale and off-sale times that are due at `clock.now()`; the job queue runs it
 * every minute and tests call it after moving the clock. Returns the ids of the products it changed.
 */
export async function tickSchedule(db: Db, inventory: InventoryService): Promise<string[]> {
  const now = clock.now();
  return db.tx(async (q) => {
    // skip locked: a product being edited right now is picked up on the next tick.
    const due = await q.select().from(catalogProducts)
      .where(sql`${catalogProducts.deletedAt} is null and (${catalogProducts.scheduledOnSaleAt} <= ${now} or ${catalogProducts.scheduledOffSaleAt} <= ${now})`)
      .orderBy(catalogProducts.id)
      .for('update', { skipLocked: true });
    const changed: string[] = [];
    for (const p of due) {
      const next = applySchedule(p, now);
      if (!next) continue;
      await q.update(catalogProducts).set({ ...next, updatedAt: now }).where(eq(catalogProducts.id, p.id));
      changed.push(p.id);
    }
    await publishProductsSaved(db, inventory, q, changed);
    return changed;
  });
}
