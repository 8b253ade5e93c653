import { asc, eq, sql } from 'drizzle-orm';
import type { TCardPlan, TCardPlanInput, TMemberDaySettings } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loyaltyCardPlans, loyaltyMemberDay } from './paid-card.tables.ts';

/** No member day until the merchant sets one. */
export const DEFAULT_MEMBER_DAY: TMemberDaySettings = { enabled: false, rule: { type: 'weekly', weekdays: [3] }, extraDiscountPercent: 0, pointsMultiplierPct: 100 };

/** The merchant's paid card plans (付费会员) and member day (会员日) settings. */
export function createCardPlans(db: Db) {
  type Row = typeof loyaltyCardPlans.$inferSelect;
  const view = (r: Row, holders: number): TCardPlan =>
    ({ id: r.id, name: r.name, priceFen: r.priceFen, periodDays: r.periodDays, benefits: r.benefits, active: r.active, sort: r.sort, holders });

  async function holders(now: Date): Promise<Map<string, number>> {
    const rows = await db.rows<{ plan_id: string; n: string | number }>(sql`select plan_id, count(*) as n from loyalty_member_cards where expires_at > ${now} group by plan_id`);
    return new Map(rows.map((r) => [r.plan_id, Number(r.n)]));
  }

  return {
    async list(onlyActive: boolean): Promise<TCardPlan[]> {
      const rows = await db.run((x) => x.select().from(loyaltyCardPlans).where(onlyActive ? eq(loyaltyCardPlans.active, true) : undefined)
        .orderBy(asc(loyaltyCardPlans.sort), asc(loyaltyCardPlans.priceFen), asc(loyaltyCardPlans.id)));
      const by = await holders(clock.now());
      return rows.map((r) => view(r, by.get(r.id) ?? 0));
    },
    async get(id: string, q?: Q): Promise<TCardPlan | null> {
      const [row] = await db.run((x) => x.select().from(loyaltyCardPlans).where(eq(loyaltyCardPlans.id, id)), q);
      return row ? view(row, 0) : null;
    },
    async save(id: string | null, input: TCardPlanInput): Promise<TCardPlan> {
      const now = clock.now();
      const values = { name: input.name, priceFen: input.priceFen, periodDays: input.periodDays, benefits: input.benefits, active: input.active, sort: input.sort ?? 0, updatedAt: now };
      const [row] = id
        ? await db.run((x) => x.update(loyaltyCardPlans).set(values).where(eq(loyaltyCardPlans.id, id)).returning())
        : await db.run((x) => x.insert(loyaltyCardPlans).values({ id: newId(), ...values, createdAt: now }).returning());
      if (!row) throw new KoiError('resource.not_found', { what: 'card_plan' });
      return view(row, (await holders(now)).get(row.id) ?? 0);
    },

    async memberDay(q?: Q): Promise<TMemberDaySettings> {
      const [row] = await db.run((x) => x.select().from(loyaltyMemberDay).where(eq(loyaltyMemberDay.id, 'default')), q);
      return row?.value ?? DEFAULT_MEMBER_DAY;
    },
    async saveMemberDay(value: TMemberDaySettings): Promise<TMemberDaySettings> {
      const now = clock.now();
      await db.run((x) => x.insert(loyaltyMemberDay).values({ id: 'default', value, updatedAt: now })
        .onConflictDoUpdate({ target: loyaltyMemberDay.id, set: { value, updatedAt: now } }));
      return value;
    },
  };
}
export type CardPlans = ReturnType<typeof createCardPlans>;
