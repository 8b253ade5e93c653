import { desc, eq, sql } from 'drizzle-orm';
import { ZCouponTemplateInput, type TCouponTemplate, type TCouponTemplatePage } from '@koi/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { KindRegistry } from '../pricing/index.ts';
import { promotionCouponTemplates } from './coupon.tables.ts';
import { parseKindArgs, summaryOf } from './kind-args.ts';

export type TemplateRow = typeof promotionCouponTemplates.$inferSelect;
type Input = z.output<typeof ZCouponTemplateInput>;

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Coupon templates (优惠券) as the operator manages them. Issued coupons keep their own copy of the rule. */
export function createCouponTemplates(db: Db, registry: KindRegistry) {
  function present(r: TemplateRow, usedCount: number): TCouponTemplate {
    return {
      id: r.id, kind: r.kind, name: r.name, args: r.args, ...summaryOf(registry, 'coupon', r.kind, r.args), scope: r.scope, validity: r.validity,
      perCustomerLimit: r.perCustomerLimit, totalQuantity: r.totalQuantity, issuedCount: r.issuedCount, usedCount, claimable: r.claimable,
      status: r.status, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    };
  }

  function checked(input: Input) {
    const { args } = parseKindArgs(registry, 'coupon', input.kind, input.args);
    const v = input.validity;
    if (v.type === 'fixed' && new Date(v.until).getTime() <= new Date(v.from).getTime()) {
      throw new KoiError('promotion.schedule_invalid', {}, { fieldErrors: [{ path: 'body.validity.until', message: 'before the start' }] });
    }
    return { kind: input.kind, name: input.name, args, scope: input.scope, validity: v, perCustomerLimit: input.perCustomerLimit, totalQuantity: input.totalQuantity, claimable: input.claimable, status: input.status };
  }

  // Spelled out: inside the subquery an unqualified "id" would be the coupon's.
  const usedOf = sql<number>`(select count(*) from promotion_coupons c where c.template_id = promotion_coupon_templates.id and c.status = 'used')`;

  async function withUsed(id: string): Promise<TCouponTemplate> {
    const [r] = isUuid(id) ? await db.run((q) => q.select({ r: promotionCouponTemplates, used: usedOf }).from(promotionCouponTemplates).where(eq(promotionCouponTemplates.id, id))) : [];
    if (!r) throw new KoiError('resource.not_found', { what: 'coupon_template' });
    return present(r.r, Number(r.used));
  }

  return {
    get: withUsed,

    async list(query: { status?: 'draft' | 'active' | 'ended'; page: number; pageSize: number }): Promise<TCouponTemplatePage> {
      const rows = await db.run((q) => q.select({ r: promotionCouponTemplates, used: usedOf, total: sql<number>`count(*) over ()` }).from(promotionCouponTemplates)
        .where(query.status ? eq(promotionCouponTemplates.status, query.status) : sql`true`)
        .orderBy(desc(promotionCouponTemplates.createdAt), desc(promotionCouponTemplates.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize));
      return { items: rows.map((x) => present(x.r, Number(x.used))), total: rows.length ? Number(rows[0]!.total) : 0 };
    },

    async create(input: Input): Promise<TCouponTemplate> {
      const now = clock.now();
      const [r] = await db.run((q) => q.insert(promotionCouponTemplates).values({ id: newId(), ...checked(input), issuedCount: 0, createdAt: now, updatedAt: now }).returning());
      return present(r!, 0);
    },

    /** Changes apply to coupons issued from now on; the total can never drop below what was issued. */
    async update(id: string, input: Input): Promise<TCouponTemplate> {
      const values = checked(input);
      const current = await withUsed(id);
      if (current.status === 'ended') throw new KoiError('promotion.not_editable');
      const [r] = await db.run((q) => q.update(promotionCouponTemplates).set({ ...values, updatedAt: clock.now() })
        .where(sql`id = ${id} and status <> 'ended' and (${values.totalQuantity}::int is null or issued_count <= ${values.totalQuantity}::int)`).returning());
      if (!r) {
        const now = await withUsed(id);
        if (now.status === 'ended') throw new KoiError('promotion.not_editable');
        throw new KoiError('promotion.quantity_below_issued', { issued: now.issuedCount }, { fieldErrors: [{ path: 'body.totalQuantity', message: `below ${now.issuedCount}` }] });
      }
      return withUsed(id);
    },

    /** No more claims; coupons already issued stay usable until their own date. */
    async end(id: string): Promise<TCouponTemplate> {
      await withUsed(id);
      await db.run((q) => q.update(promotionCouponTemplates).set({ status: 'ended', updatedAt: clock.now() }).where(eq(promotionCouponTemplates.id, id)));
      return withUsed(id);
    },

    async remove(id: string): Promise<void> {
      await withUsed(id);
      const done = await db.run((q) => q.delete(promotionCouponTemplates).where(sql`id = ${id} and status = 'draft' and issued_count = 0`).returning({ id: promotionCouponTemplates.id }));
      if (!done.length) throw new KoiError('promotion.template_not_deletable');
    },
  };
}
export type CouponTemplates = ReturnType<typeof createCouponTemplates>;
