import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TShippingCombinePolicy, TShippingTemplate, ZShippingTemplateInput } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { Regions } from '../customer/index.ts';
import { shippingSettings, shippingTemplates } from './shipping-template.tables.ts';
import { templateProblems } from './shipping-template.rules.ts';
import type { ShippingTemplate } from './shipping-fee.rules.ts';
import './fulfilment.errors.ts';

export type ShippingTemplateInput = z.output<typeof ZShippingTemplateInput>;
type Row = typeof shippingTemplates.$inferSelect;

const SETTINGS_ID = 'default';
export const DEFAULT_POLICY: TShippingCombinePolicy = 'sum';
const isUuid = (id: string) => z.uuid().safeParse(id).success;
const notFound = () => new KoiError('resource.not_found', { what: 'shipping_template' });

function toTemplate(r: Row): TShippingTemplate {
  return {
    id: r.id, name: r.name, chargeBy: r.chargeBy, defaultRule: r.defaultRule, regionRules: r.regionRules, undeliverable: r.undeliverable,
    freeShipping: r.freeShipping, isDefault: r.isDefault, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** What the quote needs of a template (the rules' type), from the stored document. */
export function forRules(t: Pick<TShippingTemplate, keyof ShippingTemplate>): ShippingTemplate {
  return { id: t.id, name: t.name, chargeBy: t.chargeBy, defaultRule: t.defaultRule, regionRules: t.regionRules, undeliverable: t.undeliverable, freeShipping: t.freeShipping, isDefault: t.isDefault };
}

/**
 * Every template and the combine policy, as the quote uses them, kept in memory. The process that
 * changes a template drops its copy at once. PGlite is one process, so its copy never goes stale;
 * on PostgreSQL other processes reload after `ttlMs` (checkout can ask for a fresh load).
 */
export type ShippingBook = { templates: ShippingTemplate[]; policy: TShippingCombinePolicy };

export function createShippingTemplates(db: Db, regions: Regions) {
  const ttlMs = db.kind === 'pglite' ? Number.POSITIVE_INFINITY : 10_000;
  let cache: { book: ShippingBook; at: number } | null = null;
  let generation = 0;
  const invalidate = () => {
    cache = null;
    generation++;
  };

  /** One statement: the policy and every template as one JSON array. */
  async function loadBook(): Promise<ShippingBook> {
    const gen = generation;
    const [row] = await db.rows<{ policy: TShippingCombinePolicy | null; templates: TShippingTemplate[] }>(sql`
      select (select policy from shipping_settings where id = ${SETTINGS_ID}) as policy,
        coalesce((select json_agg(json_build_object(
          'id', t.id, 'name', t.name, 'chargeBy', t.charge_by, 'defaultRule', t.default_rule, 'regionRules', t.region_rules,
          'undeliverable', t.undeliverable, 'freeShipping', t.free_shipping, 'isDefault', t.is_default) order by t.created_at, t.id)
          from shipping_templates t), '[]'::json) as templates`);
    const book = { policy: row?.policy ?? DEFAULT_POLICY, templates: (row?.templates ?? []).map(forRules) };
    // A write that raced this read must not have its change hidden behind the old copy.
    if (gen === generation) cache = { book, at: Date.now() };
    return book;
  }

  function validate(input: ShippingTemplateInput): void {
    const problems = templateProblems(input, (code) => regions.get(code)?.level);
    if (problems.length) throw new KoiError('fulfilment.template_region_invalid', {}, { fieldErrors: problems });
  }

  /** Serialises template writes (the default stays unique); PGlite runs one transaction at a time anyway. */
  async function lock(q: Q): Promise<void> {
    if (db.kind === 'postgres') await q.execute(sql`select pg_advisory_xact_lock(hashtextextended('shipping_templates', 0))`);
  }

  async function nameTaken(q: Q, name: string, exceptId: string | null): Promise<boolean> {
    const rows = await q.select({ id: shippingTemplates.id }).from(shippingTemplates)
      .where(exceptId ? and(eq(shippingTemplates.name, name), ne(shippingTemplates.id, exceptId)) : eq(shippingTemplates.name, name));
    return rows.length > 0;
  }

  async function clearDefault(q: Q): Promise<void> {
    await q.update(shippingTemplates).set({ isDefault: false }).where(eq(shippingTemplates.isDefault, true));
  }

  const service = {
    async list(): Promise<{ items: TShippingTemplate[]; policy: TShippingCombinePolicy }> {
      const [rows, settings] = await Promise.all([
        db.run((q) => q.select().from(shippingTemplates).orderBy(desc(shippingTemplates.isDefault), asc(shippingTemplates.createdAt))),
        db.run((q) => q.select().from(shippingSettings).where(eq(shippingSettings.id, SETTINGS_ID))),
      ]);
      return { items: rows.map(toTemplate), policy: settings[0]?.policy ?? DEFAULT_POLICY };
    },

    async get(id: string): Promise<TShippingTemplate> {
      if (!isUuid(id)) throw notFound();
      const [row] = await db.run((q) => q.select().from(shippingTemplates).where(eq(shippingTemplates.id, id)));
      if (!row) throw notFound();
      return toTemplate(row);
    },

    /** The first template is the default whatever is asked; `isDefault` moves the default to it. */
    async create(input: ShippingTemplateInput): Promise<TShippingTemplate> {
      validate(input);
      const created = await db.tx(async (q) => {
        await lock(q);
        if (await nameTaken(q, input.name, null)) throw new KoiError('fulfilment.template_name_taken', { name: input.name });
        const [current] = await q.select({ id: shippingTemplates.id }).from(shippingTemplates).where(eq(shippingTemplates.isDefault, true));
        const isDefault = input.isDefault || !current;
        if (isDefault && current) await clearDefault(q);
        const now = clock.now();
        const [row] = await q.insert(shippingTemplates).values({ id: newId(), ...input, isDefault, createdAt: now, updatedAt: now }).returning();
        return toTemplate(row!);
      });
      invalidate();
      return created;
    },

    /** Replaces a template. The default stays the default until another one is made the default. */
    async update(id: string, input: ShippingTemplateInput): Promise<TShippingTemplate> {
      if (!isUuid(id)) throw notFound();
      validate(input);
      const updated = await db.tx(async (q) => {
        await lock(q);
        const [before] = await q.select({ isDefault: shippingTemplates.isDefault }).from(shippingTemplates).where(eq(shippingTemplates.id, id));
        if (!before) throw notFound();
        if (await nameTaken(q, input.name, id)) throw new KoiError('fulfilment.template_name_taken', { name: input.name });
        const isDefault = before.isDefault || input.isDefault;
        if (isDefault && !before.isDefault) await clearDefault(q);
        const [row] = await q.update(shippingTemplates).set({ ...input, isDefault, updatedAt: clock.now() }).where(eq(shippingTemplates.id, id)).returning();
        return toTemplate(row!);
      });
      invalidate();
      return updated;
    },

    async setDefault(id: string): Promise<TShippingTemplate> {
      if (!isUuid(id)) throw notFound();
      const updated = await db.tx(async (q) => {
        await lock(q);
        const [before] = await q.select({ isDefault: shippingTemplates.isDefault }).from(shippingTemplates).where(eq(shippingTemplates.id, id));
        if (!before) throw notFound();
        if (!before.isDefault) await clearDefault(q);
        const [row] = await q.update(shippingTemplates).set({ isDefault: true, updatedAt: clock.now() }).where(eq(shippingTemplates.id, id)).returning();
        return toTemplate(row!);
      });
      invalidate();
      return updated;
    },

    /**
     * Deletes a template. The default cannot go while others exist (products without a template of
     * their own ship by it); lines still naming a deleted template are quoted by the default.
     */
    async remove(id: string): Promise<void> {
      if (!isUuid(id)) throw notFound();
      await db.tx(async (q) => {
        await lock(q);
        const [before] = await q.select({ isDefault: shippingTemplates.isDefault }).from(shippingTemplates).where(eq(shippingTemplates.id, id));
        if (!before) throw notFound();
        if (before.isDefault) {
          const others = await q.select({ id: shippingTemplates.id }).from(shippingTemplates).where(ne(shippingTemplates.id, id)).limit(1);
          if (others.length) throw new KoiError('fulfilment.default_template_required');
        }
        await q.delete(shippingTemplates).where(eq(shippingTemplates.id, id));
      });
      invalidate();
    },

    async setPolicy(policy: TShippingCombinePolicy): Promise<{ policy: TShippingCombinePolicy }> {
      await db.run((q) => q.insert(shippingSettings).values({ id: SETTINGS_ID, policy, updatedAt: clock.now() })
        .onConflictDoUpdate({ target: shippingSettings.id, set: { policy, updatedAt: clock.now() } }));
      invalidate();
      return { policy };
    },

    /** Templates and policy for a quote: from memory, or one statement when stale or `fresh`. */
    async book(opts: { fresh?: boolean } = {}): Promise<ShippingBook> {
      if (!opts.fresh && cache && Date.now() - cache.at < ttlMs) return cache.book;
      return loadBook();
    },
  };
  return service;
}
export type ShippingTemplates = ReturnType<typeof createShippingTemplates>;
