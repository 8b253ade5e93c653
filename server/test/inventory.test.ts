import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { newId } from '../src/platform/ids.ts';
import { DB_KINDS, startKoi, type TestKoi } from './harness.ts';

describe.each(DB_KINDS)('inventory on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => {
    koi = await startKoi(kind, { seed: false });
  });
  afterAll(async () => koi.dispose());

  it('creates one default warehouse at first use', async () => {
    const [a, b] = await Promise.all([koi.inventory.defaultLocation(), koi.inventory.defaultLocation()]);
    expect(a).toBe(b);
    const rows = await koi.db.rows<{ n: number }>(sql`select count(*)::int as n from inventory_locations where is_default`);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('50 parallel reservations of 1 against stock 10: exactly 10 succeed and stock never goes below zero', async () => {
    const sku = newId();
    await koi.db.tx((q) => koi.inventory.setOnHand(q, [{ skuId: sku, onHand: 10 }]));
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => koi.db.tx((q) => koi.inventory.reserve(q, [{ skuId: sku, qty: 1 }]))));
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    expect(ok).toBe(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => r.reason.code === 'inventory.insufficient_stock')).toBe(true);
    expect((await koi.inventory.levels([sku])).get(sku)).toEqual({ onHand: 10, reserved: 10, available: 0 });
  });

  it('reserves all lines or none, and releases only what is held', async () => {
    const [a, b] = [newId(), newId()];
    await koi.db.tx((q) => koi.inventory.setOnHand(q, [{ skuId: a, onHand: 5 }, { skuId: b, onHand: 1 }]));
    await expect(koi.db.tx((q) => koi.inventory.reserve(q, [{ skuId: a, qty: 2 }, { skuId: b, qty: 2 }]))).rejects.toMatchObject({ code: 'inventory.insufficient_stock' });
    expect((await koi.inventory.levels([a])).get(a)!.reserved).toBe(0);
    await koi.db.tx((q) => koi.inventory.reserve(q, [{ skuId: a, qty: 2 }, { skuId: a, qty: 1 }, { skuId: b, qty: 1 }]));
    expect((await koi.inventory.levels([a])).get(a)).toEqual({ onHand: 5, reserved: 3, available: 2 });
    await expect(koi.db.tx((q) => koi.inventory.release(q, [{ skuId: b, qty: 2 }]))).rejects.toMatchObject({ code: 'inventory.release_exceeds_reserved' });
    await koi.db.tx((q) => koi.inventory.release(q, [{ skuId: a, qty: 3 }]));
    expect((await koi.inventory.levels([a])).get(a)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    await expect(koi.db.tx((q) => koi.inventory.reserve(q, [{ skuId: a, qty: 0 }]))).rejects.toMatchObject({ code: 'inventory.bad_quantity' });
    await expect(koi.db.tx((q) => koi.inventory.reserve(q, [{ skuId: newId(), qty: 1 }]))).rejects.toMatchObject({ code: 'inventory.insufficient_stock' });
  });

  it('refuses to count stock below what is reserved, and announces changes', async () => {
    const sku = newId();
    await koi.db.tx((q) => koi.inventory.setOnHand(q, [{ skuId: sku, onHand: 4 }]));
    await koi.db.tx((q) => koi.inventory.reserve(q, [{ skuId: sku, qty: 3 }]));
    await expect(koi.db.tx((q) => koi.inventory.setOnHand(q, [{ skuId: sku, onHand: 2 }]))).rejects.toMatchObject({ code: 'inventory.below_reserved', params: { reserved: 3 } });
    await expect(koi.db.tx((q) => koi.inventory.discard(q, [sku]))).rejects.toMatchObject({ code: 'inventory.sku_reserved' });
    await koi.db.tx((q) => koi.inventory.setOnHand(q, [{ skuId: sku, onHand: 3 }]));
    expect((await koi.inventory.levels([sku])).get(sku)).toEqual({ onHand: 3, reserved: 3, available: 0 });
    // The table's checks hold even against a careless statement.
    await expect(koi.db.run((q) => q.execute(sql`update inventory_levels set reserved = reserved + 1 where sku_id = ${sku}`))).rejects.toThrow();
    const events = await koi.db.rows<{ payload: { skuIds: string[]; reason: string } }>(sql`select payload from outbox_events where topic = 'inventory.stock_changed' order by id`);
    const mine = events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload)).filter((p) => p.skuIds.includes(sku));
    expect(mine.map((p) => p.reason)).toEqual(['set', 'reserve', 'set']);
  });
});
