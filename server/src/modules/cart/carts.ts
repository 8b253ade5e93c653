import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TCart, TCartLinePatch, TPriceNote } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError, type Lang } from '../../platform/errors.ts';
import type { Catalog, SkuSnapshot } from '../catalog/index.ts';
import { cartLines } from './cart.tables.ts';
import { limitLeftByLine, lineIssue, mergedQuantity } from './cart-lines.rules.ts';

export const MAX_LINES = 120;
export const MAX_QTY = 999;

/** A line ready to be priced: the SKU as it is now and how many. */
export type PricedLineInput = { lineId: string; snapshot: SkuSnapshot; quantity: number };
export type SelectionPrice = { totalFen: number; discountFen: number; payableFen: number; applied: TPriceNote[]; hints: TPriceNote[] };

export type CartDeps = {
  db: Db;
  catalog: Catalog;
  /** Units of each product the shopper already bought (orders not closed), for purchase limits. */
  purchased: (shopperId: string, productIds: string[], q?: Q) => Promise<Map<string, number>>;
  /** Prices the selected, buyable lines with the active promotions (no coupons: that is checkout). */
  price: (shopperId: string | null, lines: PricedLineInput[], lang: Lang) => Promise<SelectionPrice>;
};

export type CartLineRow = typeof cartLines.$inferSelect;
export const shopperOwner = (shopperId: string) => `s:${shopperId}`;
const shopperIdOf = (owner: string) => (owner.startsWith('s:') ? owner.slice(2) : null);

export function createCarts(deps: CartDeps) {
  const { db, catalog } = deps;

  const rowsOf = (owner: string, q?: Q) =>
    db.run((x) => x.select().from(cartLines).where(eq(cartLines.owner, owner)).orderBy(asc(cartLines.createdAt), asc(cartLines.id)), q);

  /** Each line with its SKU facts and its issue, in one pass (three or four statements). */
  async function inspect(owner: string, rows: CartLineRow[], lang: Lang, q?: Q) {
    const snaps = await catalog.skuSnapshots(rows.map((r) => r.skuId), q);
    const shopperId = shopperIdOf(owner);
    const limits = new Map<string, number | null>();
    for (const s of snaps.values()) limits.set(s.productId, s.purchaseLimit);
    const limited = [...limits].filter(([, l]) => l !== null).map(([p]) => p);
    const bought = shopperId && limited.length ? await deps.purchased(shopperId, limited, q) : new Map<string, number>();
    const lineFacts = rows.map((r) => ({ id: r.id, productId: snaps.get(r.skuId)?.productId ?? '', quantity: r.quantity }));
    const limitLeft = limitLeftByLine(lineFacts, limits, bought);
    return rows.map((r) => {
      const snap = snaps.get(r.skuId);
      const facts = snap ? { sellable: snap.sellable, available: snap.available, limitLeft: limitLeft.get(r.id) ?? null } : undefined;
      return { row: r, snap, issue: lineIssue(facts, r.quantity, lang), limitLeft: limitLeft.get(r.id) ?? null };
    });
  }

  async function view(owner: string, lang: Lang): Promise<TCart> {
    const lines = await inspect(owner, await rowsOf(owner), lang);
    const buyable = lines.filter((l) => l.row.selected && !l.issue && l.snap);
    const price = buyable.length
      ? await deps.price(shopperIdOf(owner), buyable.map((l) => ({ lineId: l.row.id, snapshot: l.snap!, quantity: l.row.quantity })), lang)
      : { totalFen: 0, discountFen: 0, payableFen: 0, applied: [], hints: [] };
    return {
      lines: lines.map(({ row, snap, issue }) => ({
        id: row.id, skuId: row.skuId, productId: snap?.productId ?? '', title: snap?.title ?? '', specValues: snap?.specValues ?? [],
        image: snap?.image ?? null, priceFen: snap?.priceFen ?? 0, listPriceFen: snap?.listPriceFen ?? null,
        quantity: row.quantity, selected: row.selected && !issue, issue,
      })),
      itemCount: lines.reduce((n, l) => n + l.row.quantity, 0),
      selectedCount: buyable.reduce((n, l) => n + l.row.quantity, 0),
      selectedTotalFen: price.totalFen,
      discountFen: price.discountFen,
      payableFen: price.payableFen,
      applied: price.applied,
      hints: price.hints,
    };
  }

  /** Refuses a quantity the shopper cannot buy now, naming the most they can. */
  async function assertBuyable(owner: string, skuId: string, quantity: number, lang: Lang) {
    const snap = (await catalog.skuSnapshots([skuId])).get(skuId);
    if (!snap || !snap.sellable) throw new KoiError('cart.sku_unavailable');
    const shopperId = shopperIdOf(owner);
    const bought = shopperId && snap.purchaseLimit !== null ? (await deps.purchased(shopperId, [snap.productId])).get(snap.productId) ?? 0 : 0;
    const limitLeft = snap.purchaseLimit === null ? null : Math.max(0, snap.purchaseLimit - bought);
    const issue = lineIssue({ sellable: true, available: snap.available, limitLeft }, quantity, lang);
    if (issue) throw new KoiError('cart.quantity_too_large', { max: issue.maxQuantity ?? 0 });
  }

  return {
    view,
    inspect: async (owner: string, lang: Lang, q?: Q) => inspect(owner, await rowsOf(owner, q), lang, q),

    async count(owner: string): Promise<number> {
      const [r] = await db.rows<{ n: number | string | null }>(sql`select coalesce(sum(quantity), 0) as n from cart_lines where owner = ${owner}`);
      return Number(r?.n ?? 0);
    },

    async add(owner: string, skuId: string, quantity: number, lang: Lang): Promise<void> {
      const [existing] = await db.run((q) => q.select().from(cartLines).where(and(eq(cartLines.owner, owner), eq(cartLines.skuId, skuId))));
      const target = Math.min(MAX_QTY, (existing?.quantity ?? 0) + quantity);
      await assertBuyable(owner, skuId, target, lang);
      await db.tx(async (q) => {
        if (!existing) {
          const [n] = await db.rows<{ n: number | string }>(sql`select count(*) as n from cart_lines where owner = ${owner}`, q);
          if (Number(n?.n ?? 0) >= MAX_LINES) throw new KoiError('cart.full', { max: MAX_LINES });
        }
        const now = clock.now();
        await q.insert(cartLines).values({ id: newId(), owner, skuId, quantity, selected: true, createdAt: now, updatedAt: now })
          .onConflictDoUpdate({
            target: [cartLines.owner, cartLines.skuId],
            set: { quantity: sql`least(${MAX_QTY}, ${cartLines.quantity} + ${quantity})`, selected: true, updatedAt: now },
          });
      });
    },

    async patch(owner: string, lineId: string, patch: TCartLinePatch, lang: Lang): Promise<void> {
      const [line] = await db.run((q) => q.select().from(cartLines).where(and(eq(cartLines.owner, owner), eq(cartLines.id, lineId))));
      if (!line) throw new KoiError('cart.line_not_found');
      if (patch.quantity !== undefined && patch.quantity > line.quantity) await assertBuyable(owner, line.skuId, patch.quantity, lang);
      await db.run((q) => q.update(cartLines)
        .set({ ...(patch.quantity !== undefined && { quantity: patch.quantity }), ...(patch.selected !== undefined && { selected: patch.selected }), updatedAt: clock.now() })
        .where(and(eq(cartLines.owner, owner), eq(cartLines.id, lineId))));
    },

    async selectAll(owner: string, selected: boolean): Promise<void> {
      await db.run((q) => q.update(cartLines).set({ selected, updatedAt: clock.now() }).where(eq(cartLines.owner, owner)));
    },

    async remove(owner: string, lineIds: string[]): Promise<void> {
      await db.run((q) => q.delete(cartLines).where(and(eq(cartLines.owner, owner), inArray(cartLines.id, lineIds))));
    },

    /** Takes bought SKUs out of the cart, in the order's transaction. */
    async removeSkus(q: Q, owner: string, skuIds: string[]): Promise<void> {
      if (skuIds.length) await q.delete(cartLines).where(and(eq(cartLines.owner, owner), inArray(cartLines.skuId, skuIds)));
    },

    /**
     * The guest cart joins the shopper's: the same SKU adds up (capped), the rest moves over, up to
     * the line cap (the oldest guest lines first). Merging twice is harmless: the guest cart is gone.
     */
    async merge(shopperId: string, anonymousId: string): Promise<void> {
      const mine = shopperOwner(shopperId);
      const guest = `a:${anonymousId}`;
      await db.tx(async (q) => {
        const theirs = await rowsOf(guest, q);
        if (!theirs.length) return;
        const own = new Map((await rowsOf(mine, q)).map((r) => [r.skuId, r]));
        let room = MAX_LINES - own.size;
        const now = clock.now();
        for (const g of theirs) {
          const o = own.get(g.skuId);
          if (o) {
            await q.update(cartLines).set({ quantity: mergedQuantity(o.quantity, g.quantity, MAX_QTY), selected: true, updatedAt: now }).where(eq(cartLines.id, o.id));
          } else if (room > 0) {
            await q.update(cartLines).set({ owner: mine, updatedAt: now }).where(eq(cartLines.id, g.id));
            room--;
          }
        }
        await q.delete(cartLines).where(eq(cartLines.owner, guest));
      });
    },
  };
}
export type Carts = ReturnType<typeof createCarts>;
