import { asc, eq, sql } from 'drizzle-orm';
import type { TLevel, TLevelInput, TLoyaltySettings, TRechargePackage, TRechargePackageInput } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { DEFAULT_SETTINGS, type LoyaltySettings } from './points.rules.ts';
import { settingsProblems, withDefaults } from './points-settings.rules.ts';
import './points-settings.errors.ts';
import { sortLevels, type Level } from './levels.rules.ts';
import { loyaltyLevels, loyaltyRechargePackages, loyaltySettings } from './loyalty.tables.ts';

const isUnique = (err: unknown) => (err as { code?: string; cause?: { code?: string } })?.code === '23505' || (err as { cause?: { code?: string } })?.cause?.code === '23505';

/** The merchant's loyalty set-up: earn and expiry settings, levels, recharge packages. */
export function createLoyaltyConfig(db: Db) {
  const packageView = (r: typeof loyaltyRechargePackages.$inferSelect): TRechargePackage =>
    ({ id: r.id, name: r.name, amountFen: r.amountFen, bonusFen: r.bonusFen, active: r.active, sort: r.sort });

  return {
    async settings(q?: Q): Promise<LoyaltySettings> {
      const [row] = await db.run((x) => x.select().from(loyaltySettings).where(eq(loyaltySettings.id, 'default')), q);
      return withDefaults(row?.value ?? DEFAULT_SETTINGS);
    },
    /** Replaces the settings; rules that do not fit together are a 422 `loyalty.settings_invalid` naming the fields. */
    async saveSettings(value: TLoyaltySettings): Promise<LoyaltySettings> {
      const problems = settingsProblems(value);
      if (problems.length) throw new KoiError('loyalty.settings_invalid', {}, { fieldErrors: problems });
      const now = clock.now();
      await db.run((x) => x.insert(loyaltySettings).values({ id: 'default', value, updatedAt: now })
        .onConflictDoUpdate({ target: loyaltySettings.id, set: { value, updatedAt: now } }));
      return withDefaults(value);
    },

    async levels(q?: Q): Promise<Level[]> {
      const rows = await db.run((x) => x.select().from(loyaltyLevels), q);
      return sortLevels(rows.map((r) => ({ id: r.id, name: r.name, threshold: r.threshold, benefits: r.benefits })));
    },
    async levelList(): Promise<TLevel[]> {
      const levels = await this.levels();
      const counts = await db.rows<{ level_id: string; n: string | number }>(sql`select level_id, count(*) as n from loyalty_members where level_id is not null group by level_id`);
      const by = new Map(counts.map((c) => [c.level_id, Number(c.n)]));
      return levels.map((l) => ({ ...l, members: by.get(l.id) ?? 0 }));
    },
    async saveLevel(id: string | null, input: TLevelInput): Promise<TLevel> {
      const now = clock.now();
      const levelId = id ?? newId();
      try {
        if (id) {
          const done = await db.run((x) => x.update(loyaltyLevels).set({ ...input, updatedAt: now }).where(eq(loyaltyLevels.id, id)).returning({ id: loyaltyLevels.id }));
          if (!done.length) throw new KoiError('resource.not_found', { what: 'loyalty_level' });
        } else {
          await db.run((x) => x.insert(loyaltyLevels).values({ id: levelId, ...input, createdAt: now, updatedAt: now }));
        }
      } catch (err) {
        if (isUnique(err)) throw new KoiError('loyalty.level_threshold_taken');
        throw err;
      }
      return (await this.levelList()).find((l) => l.id === levelId)!;
    },
    async removeLevel(id: string): Promise<void> {
      await db.tx(async (q) => {
        const [used] = await db.rows<{ n: string | number }>(sql`select count(*) as n from loyalty_members where level_id = ${id}`, q);
        if (Number(used?.n ?? 0) > 0) throw new KoiError('loyalty.level_in_use', { members: Number(used!.n) });
        const gone = await db.rows(sql`delete from loyalty_levels where id = ${id} returning id`, q);
        if (!gone.length) throw new KoiError('resource.not_found', { what: 'loyalty_level' });
      });
    },

    async packages(onlyActive: boolean): Promise<TRechargePackage[]> {
      const rows = await db.run((x) => x.select().from(loyaltyRechargePackages)
        .where(onlyActive ? eq(loyaltyRechargePackages.active, true) : undefined)
        .orderBy(asc(loyaltyRechargePackages.sort), asc(loyaltyRechargePackages.amountFen)));
      return rows.map(packageView);
    },
    async pkg(id: string, q?: Q): Promise<TRechargePackage | null> {
      const [row] = await db.run((x) => x.select().from(loyaltyRechargePackages).where(eq(loyaltyRechargePackages.id, id)), q);
      return row ? packageView(row) : null;
    },
    async savePackage(id: string | null, input: TRechargePackageInput): Promise<TRechargePackage> {
      const now = clock.now();
      const values = { name: input.name, amountFen: input.amountFen, bonusFen: input.bonusFen, active: input.active, sort: input.sort ?? 0, updatedAt: now };
      if (id) {
        const [row] = await db.run((x) => x.update(loyaltyRechargePackages).set(values).where(eq(loyaltyRechargePackages.id, id)).returning());
        if (!row) throw new KoiError('resource.not_found', { what: 'recharge_package' });
        return packageView(row);
      }
      const [row] = await db.run((x) => x.insert(loyaltyRechargePackages).values({ id: newId(), ...values, createdAt: now }).returning());
      return packageView(row!);
    },
  };
}
export type LoyaltyConfig = ReturnType<typeof createLoyaltyConfig>;
