import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TMallItem, TMallItemInput, TShopMallItem, TShopMallList } from '@koi/contracts';
import { ZMallItemInput } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Lang } from '../../platform/errors.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pointsMallItems } from './points-mall.tables.ts';
import { blockOf, type ShelfItem } from './points-mall.rules.ts';
import type { MallPorts } from './points-mall-ports.ts';

export type ItemRow = typeof pointsMallItems.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const shelfOf = (r: ItemRow): ShelfItem => ({
  onShelf: r.onShelf, deleted: r.deletedAt !== null, validFrom: r.validFrom, validUntil: r.validUntil, stock: r.stock, pointsPrice: r.pointsPrice, perCustomerLimit: r.perCustomerLimit,
});

export function presentItem(r: ItemRow): TMallItem {
  return {
    id: r.id, kind: r.kind, refId: r.refId, title: r.title, refName: r.refName, image: r.image, description: r.description, pointsPrice: r.pointsPrice,
    stock: r.stock, exchangedCount: r.exchangedCount, perCustomerLimit: r.perCustomerLimit, sort: r.sort, onShelf: r.onShelf,
    validFrom: iso(r.validFrom), validUntil: iso(r.validUntil), marketPriceFen: r.marketPriceFen, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** The operator's items (CRUD) and the shop's shelf. */
export function createMallItems(db: Db, ports: MallPorts) {
  /** The template or SKU behind an item, checked and snapshotted; a 422 naming `body.refId` when it cannot be used. */
  async function refOf(kind: 'coupon' | 'product', refId: string) {
    const bad = () => new KoiError('points_mall.ref_invalid', {}, { fieldErrors: [{ path: 'body.refId', message: 'unknown or unusable', code: 'points_mall.ref_invalid' }] });
    if (kind === 'coupon') {
      const t = await ports.couponTemplate(refId);
      if (!t || !t.issuable) throw bad();
      return { refName: t.name, image: null, couponSummary: t.summary, marketPriceFen: null };
    }
    const s = await ports.sku(refId);
    if (!s) throw bad();
    return { refName: s.title, image: s.image, couponSummary: null, marketPriceFen: s.priceFen };
  }

  async function one(id: string, q?: Q): Promise<ItemRow> {
    const [r] = await db.run((x) => x.select().from(pointsMallItems).where(and(eq(pointsMallItems.id, id), isNull(pointsMallItems.deletedAt))), q);
    if (!r) throw new KoiError('resource.not_found', { what: 'points_mall_item' });
    return r;
  }

  function shopItem(r: ItemRow, lang: Lang, shopper: { exchanged: number; balance: number } | null, now: Date): TShopMallItem {
    return {
      id: r.id, kind: r.kind, title: r.title || r.refName, image: r.image, description: r.description, pointsPrice: r.pointsPrice, stock: r.stock,
      perCustomerLimit: r.perCustomerLimit, exchanged: shopper?.exchanged ?? 0, validFrom: iso(r.validFrom), validUntil: iso(r.validUntil),
      couponSummary: r.couponSummary ? (lang === 'en' ? r.couponSummary.en : r.couponSummary.zh) : null,
      marketPriceFen: r.marketPriceFen, needsAddress: r.kind === 'product', block: blockOf(shelfOf(r), shopper, now),
    };
  }

  async function countsOf(customerId: string, itemIds: string[]): Promise<Map<string, number>> {
    if (!itemIds.length) return new Map();
    const rows = await db.rows<{ item_id: string; count: number }>(sql`select item_id, count from points_mall_counts
      where customer_id = ${customerId} and item_id = any(${sql.param(itemIds)}::uuid[])`);
    return new Map(rows.map((r) => [r.item_id, Number(r.count)]));
  }

  return {
    one,
    async list(): Promise<TMallItem[]> {
      const rows = await db.run((q) => q.select().from(pointsMallItems).where(isNull(pointsMallItems.deletedAt))
        .orderBy(asc(pointsMallItems.sort), desc(pointsMallItems.createdAt)));
      return rows.map(presentItem);
    },

    async save(id: string | null, raw: TMallItemInput): Promise<TMallItem> {
      const input = ZMallItemInput.parse(raw);
      const ref = await refOf(input.kind, input.refId);
      const now = clock.now();
      const values = {
        kind: input.kind, refId: input.refId, title: input.title, description: input.description, pointsPrice: input.pointsPrice, stock: input.stock,
        perCustomerLimit: input.perCustomerLimit, sort: input.sort, onShelf: input.onShelf,
        validFrom: input.validFrom ? new Date(input.validFrom) : null, validUntil: input.validUntil ? new Date(input.validUntil) : null,
        ...ref, updatedAt: now,
      };
      if (id === null) {
        const [r] = await db.run((q) => q.insert(pointsMallItems).values({ id: newId(), ...values, exchangedCount: 0, createdAt: now }).returning());
        return presentItem(r!);
      }
      const [r] = await db.run((q) => q.update(pointsMallItems).set(values).where(and(eq(pointsMallItems.id, id), isNull(pointsMallItems.deletedAt))).returning());
      if (!r) throw new KoiError('resource.not_found', { what: 'points_mall_item' });
      return presentItem(r);
    },

    /** Off the shelf for good; its exchanges stay on record. */
    async remove(id: string): Promise<void> {
      const now = clock.now();
      const done = await db.run((q) => q.update(pointsMallItems).set({ deletedAt: now, onShelf: false, updatedAt: now })
        .where(and(eq(pointsMallItems.id, id), isNull(pointsMallItems.deletedAt))).returning({ id: pointsMallItems.id }));
      if (!done.length) throw new KoiError('resource.not_found', { what: 'points_mall_item' });
    },

    /** The shelf: items switched on and inside their window (sold-out ones too, greyed out), with the shopper's points and counts. */
    async shelf(customerId: string | null, lang: Lang): Promise<TShopMallList> {
      const now = clock.now();
      const rows = await db.run((q) => q.select().from(pointsMallItems)
        .where(sql`${pointsMallItems.deletedAt} is null and ${pointsMallItems.onShelf}
          and (${pointsMallItems.validUntil} is null or ${pointsMallItems.validUntil} > ${now})`)
        .orderBy(asc(pointsMallItems.sort), desc(pointsMallItems.createdAt)));
      const balance = customerId ? await ports.pointsBalance(customerId) : null;
      const counts = customerId ? await countsOf(customerId, rows.map((r) => r.id)) : new Map<string, number>();
      return {
        balance,
        items: rows.map((r) => shopItem(r, lang, customerId ? { exchanged: counts.get(r.id) ?? 0, balance: balance ?? 0 } : null, now)),
      };
    },

    async shopDetail(id: string, customerId: string | null, lang: Lang): Promise<TShopMallItem> {
      const r = await one(id);
      if (!r.onShelf) throw new KoiError('resource.not_found', { what: 'points_mall_item' });
      const shopper = customerId
        ? { exchanged: (await countsOf(customerId, [id])).get(id) ?? 0, balance: await ports.pointsBalance(customerId) }
        : null;
      return shopItem(r, lang, shopper, clock.now());
    },
  };
}
export type MallItems = ReturnType<typeof createMallItems>;
