import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZProductInput, ZSkuInput } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { InventoryService } from '../inventory/index.ts';
import { catalogProducts, catalogSkus } from './catalog.tables.ts';
import { applySchedule, priceRange, productIssues, type Issue } from './product.rules.ts';
import { sanitizeDescription } from './description.rules.ts';
import { publishProductsSaved } from './product-document.ts';

export type ProductInput = z.output<typeof ZProductInput>;
export type SkuInput = z.output<typeof ZSkuInput>;

/** A product ready to be written: checked, sanitised, schedule applied. */
export type ProductPlan = {
  id: string;
  isNew: boolean;
  input: ProductInput;
  scheduledOnSaleAt: Date | null;
  scheduledOffSaleAt: Date | null;
};

/** Rule issues as one problem: the first issue's code on top, every issue listed by field. */
export function issuesError(issues: Issue[], prefix = 'body'): KoiError {
  const first = issues[0]!;
  const fieldErrors = issues.map((i) => ({ path: `${prefix}.${i.path}`, message: new KoiError(i.code, i.params).message, code: i.code, params: i.params }));
  return new KoiError(first.code, first.params, { fieldErrors });
}

/** Checks the rules and prepares the product for `saveProducts`; throws a 422 naming every problem. */
export function planProduct(input: ProductInput, id: string | null, now: Date): ProductPlan {
  const issues = productIssues(input);
  if (issues.length) throw issuesError(issues);
  const schedule = { status: input.status, scheduledOnSaleAt: toDate(input.scheduledOnSaleAt), scheduledOffSaleAt: toDate(input.scheduledOffSaleAt) };
  const due = applySchedule(schedule, now) ?? schedule;
  return {
    id: id ?? newId(),
    isNew: id === null,
    input: { ...input, status: due.status, description: sanitizeDescription(input.description), tags: [...new Set(input.tags)] },
    scheduledOnSaleAt: due.scheduledOnSaleAt,
    scheduledOffSaleAt: due.scheduledOffSaleAt,
  };
}

function toDate(s: string | null): Date | null {
  return s ? new Date(s) : null;
}

const PG_UNIQUE_VIOLATION = '23505';
/** The duplicated key of a unique violation (`Key (code)=(X) already exists.`), or null when it is not one. */
function uniqueViolation(err: unknown): { key: string | null } | null {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; detail?: string };
    if (pg.code === PG_UNIQUE_VIOLATION) return { key: /\(code\)=\((.*)\)/.exec(pg.detail ?? '')?.[1] ?? null };
  }
  return null;
}

/**
 * Writes products and their SKUs in the caller's transaction with a fixed number of statements
 * however many products (the import writes hundreds at once): SKUs are matched by code (missing
 * codes are removed), stock is set at the default warehouse, and each product's document is
 * published. A code owned by another product is a 409 naming it — checked first, and again by the
 * unique index for a concurrent writer.
 */
export async function saveProducts(db: Db, inventory: InventoryService, q: Q, plans: ProductPlan[]): Promise<void> {
  if (!plans.length) return;
  const now = clock.now();
  const ownerOf = new Map<string, string>();
  for (const p of plans) for (const s of p.input.skus) ownerOf.set(s.code, p.id);
  const codes = [...ownerOf.keys()];
  const taken = await db.rows<{ code: string; product_id: string }>(
    sql`select code, product_id from catalog_skus where code = any(${sql.param(codes)}::text[])`, q);
  const clashes = taken.filter((t) => t.product_id !== ownerOf.get(t.code)).map((t) => t.code);
  if (clashes.length) throw skuCodeTaken(plans, clashes);

  await q.insert(catalogProducts).values(plans.map((p) => {
    const prices = priceRange(p.input.skus);
    return {
      id: p.id, title: p.input.title, subtitle: p.input.subtitle, categoryId: p.input.categoryId, tags: p.input.tags,
      description: p.input.description, images: p.input.images, specs: p.input.specs, purchaseLimit: p.input.purchaseLimit,
      shippingTemplateId: p.input.shippingTemplateId ?? null,
      status: p.input.status, scheduledOnSaleAt: p.scheduledOnSaleAt, scheduledOffSaleAt: p.scheduledOffSaleAt,
      priceMinFen: prices.min, priceMaxFen: prices.max, createdAt: now, updatedAt: now,
    };
  })).onConflictDoUpdate({
    target: catalogProducts.id,
    set: Object.fromEntries(['title', 'subtitle', 'category_id', 'tags', 'description', 'images', 'specs', 'purchase_limit', 'shipping_template_id', 'status',
      'scheduled_on_sale_at', 'scheduled_off_sale_at', 'price_min_fen', 'price_max_fen', 'updated_at'].map((c) => [camel(c), sql.raw(`excluded.${c}`)])),
  });

  const existing = plans.filter((p) => !p.isNew).map((p) => p.id);
  if (existing.length) {
    const removed = await db.rows<{ id: string; code: string }>(sql`delete from catalog_skus
      where product_id = any(${sql.param(existing)}::uuid[]) and not (code = any(${sql.param(codes)}::text[])) returning id, code`, q);
    await discardSkus(inventory, q, removed);
  }

  const skuValues = plans.flatMap((p) => p.input.skus.map((s, position) => ({
    id: newId(), productId: p.id, code: s.code, specValues: s.specValues, position, priceFen: s.priceFen, listPriceFen: s.listPriceFen,
    costPriceFen: s.costPriceFen, weightGrams: s.weightGrams, barcode: s.barcode || null, imageUrl: s.imageUrl, createdAt: now, updatedAt: now,
  })));
  let saved: { id: string; code: string }[];
  try {
    saved = await q.insert(catalogSkus).values(skuValues).onConflictDoUpdate({
      target: catalogSkus.code,
      set: Object.fromEntries(['spec_values', 'position', 'price_fen', 'list_price_fen', 'cost_price_fen', 'weight_grams', 'barcode', 'image_url', 'updated_at']
        .map((c) => [camel(c), sql.raw(`excluded.${c}`)])),
      // Never move a SKU between products: a concurrent writer's code stays theirs.
      setWhere: sql`${catalogSkus.productId} = excluded.product_id`,
    }).returning({ id: catalogSkus.id, code: catalogSkus.code });
  } catch (err) {
    const dup = uniqueViolation(err);
    if (dup) throw skuCodeTaken(plans, dup.key ? [dup.key] : codes);
    throw err;
  }
  if (saved.length < skuValues.length) {
    const got = new Set(saved.map((s) => s.code));
    throw skuCodeTaken(plans, skuValues.filter((s) => !got.has(s.code)).map((s) => s.code));
  }
  const stockOf = new Map(plans.flatMap((p) => p.input.skus.map((s) => [s.code, s.stock] as const)));
  await inventory.setOnHand(q, saved.map((s) => ({ skuId: s.id, onHand: stockOf.get(s.code)! })), { announce: false });
  await publishProductsSaved(db, inventory, q, plans.map((p) => p.id));
}

/**
 * A 409 naming the first code another product owns. Saving one product (the editor's request), each
 * taken code is also listed at its field (`body.skus.2.code`) so the form can mark the cell; an
 * import saves many and reports by row instead.
 */
function skuCodeTaken(plans: ProductPlan[], codes: string[]): KoiError {
  const taken = new Set(codes);
  const skus = plans.length === 1 ? plans[0]!.input.skus : [];
  const fieldErrors = skus.flatMap((s, i) => taken.has(s.code)
    ? [{ path: `body.skus.${i}.code`, message: new KoiError('catalog.sku_code_taken', { code: s.code }).message, code: 'catalog.sku_code_taken', params: { code: s.code } }]
    : []);
  return new KoiError('catalog.sku_code_taken', { code: codes[0]! }, fieldErrors.length ? { fieldErrors } : {});
}

/** Forgets the stock of removed SKUs; one with units held for an order stays (a 409 naming its code). */
export async function discardSkus(inventory: InventoryService, q: Q, skus: { id: string; code: string }[]): Promise<void> {
  try {
    await inventory.discard(q, skus.map((s) => s.id));
  } catch (err) {
    if (err instanceof KoiError && err.code === 'inventory.sku_reserved') {
      throw new KoiError('catalog.sku_reserved', { code: skus.find((s) => s.id === err.params.skuId)?.code ?? String(err.params.skuId) });
    }
    throw err;
  }
}

function camel(col: string): string {
  return col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
