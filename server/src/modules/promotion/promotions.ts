import { desc, eq, sql } from 'drizzle-orm';
import { ZPromotionInput, type TPricingPromotion, type TPromotion, type TPromotionPage, type TPromotionState } from '@koi/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { KindRegistry } from '../pricing/index.ts';
import { promotionPromotions } from './promotion.tables.ts';
import { parseKindArgs, summaryOf } from './kind-args.ts';
import { promotionState } from './promotion-state.rules.ts';

type Row = typeof promotionPromotions.$inferSelect;
type Input = z.output<typeof ZPromotionInput>;

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** SQL for "in this state now" (the same rule as promotionState). */
function stateWhere(state: TPromotionState, now: Date) {
  switch (state) {
    case 'draft': return sql`status = 'draft'`;
    case 'ended': return sql`(status = 'ended' or (status = 'active' and ends_at <= ${now}))`;
    case 'scheduled': return sql`(status = 'active' and starts_at > ${now} and (ends_at is null or ends_at > ${now}))`;
    case 'running': return sql`(status = 'active' and starts_at <= ${now} and (ends_at is null or ends_at > ${now}))`;
  }
}

/**
 * Promotions the engine applies by itself. `activeFor(now)` is what checkout asks on every request:
 * the active rows are kept in memory for `ttlMs` (and dropped on every change made here), so a call
 * costs at most one SQL statement and usually none; another process sees a change within `ttlMs`.
 */
export function createPromotions(db: Db, registry: KindRegistry, opts: { ttlMs: number }) {
  let cache: { rows: TPricingPromotion[]; fetchedAt: number; asOf: number } | null = null;

  function present(r: Row, now = clock.now()): TPromotion {
    return {
      id: r.id, kind: r.kind, name: r.name, args: r.args, ...summaryOf(registry, 'promotion', r.kind, r.args), scope: r.scope,
      startsAt: r.startsAt.toISOString(), endsAt: r.endsAt?.toISOString() ?? null, priority: r.priority, status: r.status,
      state: promotionState(r, now), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    };
  }

  function checked(input: Input) {
    const { args } = parseKindArgs(registry, 'promotion', input.kind, input.args);
    const startsAt = new Date(input.startsAt);
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    if (endsAt && endsAt.getTime() <= startsAt.getTime()) throw new KoiError('promotion.schedule_invalid', {}, { fieldErrors: [{ path: 'body.endsAt', message: 'before the start' }] });
    return { kind: input.kind, name: input.name, args, scope: input.scope, startsAt, endsAt, priority: input.priority, status: input.status };
  }

  async function row(id: string): Promise<Row> {
    const [r] = isUuid(id) ? await db.run((q) => q.select().from(promotionPromotions).where(eq(promotionPromotions.id, id))) : [];
    if (!r) throw new KoiError('resource.not_found', { what: 'promotion' });
    return r;
  }

  const changed = () => void (cache = null);

  return {
    async activeFor(now: Date): Promise<TPricingPromotion[]> {
      const t = now.getTime();
      if (!cache || performance.now() - cache.fetchedAt > opts.ttlMs || t < cache.asOf) {
        const rows = await db.run((q) => q.select().from(promotionPromotions)
          .where(sql`status = 'active' and (ends_at is null or ends_at > ${now})`));
        cache = {
          fetchedAt: performance.now(), asOf: t,
          rows: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, args: r.args, scope: r.scope, priority: r.priority, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt?.toISOString() ?? null })),
        };
      }
      return cache.rows.filter((p) => Date.parse(p.startsAt) <= t && (p.endsAt === null || Date.parse(p.endsAt) > t));
    },

    async list(query: { state?: TPromotionState; page: number; pageSize: number }): Promise<TPromotionPage> {
      const now = clock.now();
      const where = query.state ? stateWhere(query.state, now) : sql`true`;
      const rows = await db.run((q) => q.select({ r: promotionPromotions, total: sql<number>`count(*) over ()` }).from(promotionPromotions).where(where)
        .orderBy(desc(promotionPromotions.createdAt), desc(promotionPromotions.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize));
      const items = rows.map(({ r }) => present(r, now));
      return { items, total: rows.length ? Number(rows[0]!.total) : 0 };
    },

    get: async (id: string) => present(await row(id)),

    async create(input: Input): Promise<TPromotion> {
      const now = clock.now();
      const [r] = await db.run((q) => q.insert(promotionPromotions).values({ id: newId(), ...checked(input), createdAt: now, updatedAt: now }).returning());
      changed();
      return present(r!);
    },

    async update(id: string, input: Input): Promise<TPromotion> {
      const values = checked(input);
      const current = await row(id);
      const [r] = await db.run((q) => q.update(promotionPromotions).set({ ...values, updatedAt: clock.now() })
        .where(sql`id = ${id} and status <> 'ended'`).returning());
      changed();
      if (!r) throw new KoiError(current ? 'promotion.not_editable' : 'resource.not_found', { what: 'promotion' });
      return present(r);
    },

    async end(id: string): Promise<TPromotion> {
      await row(id);
      const [r] = await db.run((q) => q.update(promotionPromotions).set({ status: 'ended', updatedAt: clock.now() }).where(eq(promotionPromotions.id, id)).returning());
      changed();
      return present(r!);
    },

    async remove(id: string): Promise<void> {
      await row(id);
      const done = await db.run((q) => q.delete(promotionPromotions).where(sql`id = ${id} and status = 'draft'`).returning({ id: promotionPromotions.id }));
      changed();
      if (!done.length) throw new KoiError('promotion.not_deletable');
    },
  };
}
export type Promotions = ReturnType<typeof createPromotions>;
