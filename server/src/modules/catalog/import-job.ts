import { rm } from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import type { InventoryService } from '../inventory/index.ts';
import { catalogCategories, catalogImports, catalogProducts, catalogSkus } from './catalog.tables.ts';
import { mapHeaders, parseImportRow, type HeaderMap, type ImportRow } from './import-rows.rules.ts';
import { groupRows, matchProducts, resolveCategory, RowErrors, type ImportGroup } from './import-groups.rules.ts';
import { writeErrorReport } from './import-report.ts';
import { firstSheetRows } from './xlsx-io.ts';
import { planProduct, saveProducts, type ProductPlan } from './product-store.ts';

export const IMPORT_QUEUE = 'catalog.import';
/** Rows per transaction while writing: progress moves, and no transaction grows without bound. */
export const IMPORT_BATCH_ROWS = 300;
/** Parsed rows are kept (compactly) until every product is checked; this bounds that memory. */
export const MAX_IMPORT_ROWS = 20_000;

export const importPaths = (dataDir: string, id: string) => ({
  upload: path.join(dataDir, 'imports', `${id}.xlsx`),
  report: path.join(dataDir, 'imports', `${id}.errors.xlsx`),
});

type Patch = Partial<typeof catalogImports.$inferInsert>;

/**
 * Lets timers and requests run. PGlite answers from WebAssembly through promises that settle without
 * touching the event loop, so a long import would otherwise starve every HTTP request (and the
 * progress polls) until it ends.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs one import: (1) streams the sheet, checking every row; (2) groups rows into products and
 * checks them as the API would, plus categories and SKU codes against the catalog; (3) if any row is
 * bad, writes nothing, marks the import `rejected` and writes the error report; otherwise writes the
 * products in transactions of a few hundred rows, counting `processedRows` for the progress bar.
 */
export async function runImport(deps: { db: Db; inventory: InventoryService; dataDir: string; log: Logger }, importId: string): Promise<void> {
  const { db, inventory, dataDir, log } = deps;
  const files = importPaths(dataDir, importId);
  const patch = (p: Patch) => db.run((q) => q.update(catalogImports).set(p).where(eq(catalogImports.id, importId)));
  const [imp] = await db.run((q) => q.select().from(catalogImports).where(eq(catalogImports.id, importId)));
  if (!imp || (imp.status !== 'validating' && imp.status !== 'importing')) return;

  try {
    const errors = new RowErrors();
    const good: ImportRow[] = [];
    let header: { map: HeaderMap; row: number } | null = null;
    let total = 0;
    for await (const r of firstSheetRows(files.upload)) {
      if (!header) {
        const { map, missing } = mapHeaders(r.values);
        header = { map, row: r.number };
        if (missing.length) errors.add(r.number, `缺少必填列：${missing.join('、')}`);
        continue;
      }
      const parsed = parseImportRow(r.values, header.map, r.number);
      if (!parsed) continue;
      if (++total > MAX_IMPORT_ROWS) break;
      if (total % 500 === 0) await breathe();
      if (parsed.ok) good.push(parsed.value);
      else for (const e of parsed.errors) errors.add(r.number, e);
    }
    if (total > MAX_IMPORT_ROWS) {
      await patch({ status: 'rejected', totalRows: total, message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`, finishedAt: clock.now() });
      await rm(files.upload, { force: true });
      return;
    }
    if (!header || (total === 0 && errors.size === 0)) {
      await patch({ status: 'rejected', totalRows: 0, message: '文件中没有商品行', finishedAt: clock.now() });
      await rm(files.upload, { force: true });
      return;
    }
    await patch({ totalRows: total });

    const groups = groupRows(good, errors);
    const targets = await checkAgainstCatalog(db, groups, errors);
    if (errors.size) {
      await writeErrorReport(files.upload, files.report, errors, header.row);
      await patch({ status: 'rejected', errorCount: errors.size, hasErrorReport: true, message: `${errors.size} 行有错误，未导入任何商品，请下载错误报告修改后重新导入`, finishedAt: clock.now() });
      await rm(files.upload, { force: true });
      return;
    }

    await patch({ status: 'importing', processedRows: 0 });
    const plans = await planAll(db, groups, targets);
    let batch: { plan: ProductPlan; rows: number; isNew: boolean }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const rows = batch.reduce((n, b) => n + b.rows, 0);
      const created = batch.filter((b) => b.isNew).length;
      const current = batch;
      batch = [];
      await db.tx(async (q) => {
        await saveProducts(db, inventory, q, current.map((b) => b.plan));
        await q.update(catalogImports).set({
          processedRows: sql`${catalogImports.processedRows} + ${rows}`,
          createdProducts: sql`${catalogImports.createdProducts} + ${created}`,
          updatedProducts: sql`${catalogImports.updatedProducts} + ${current.length - created}`,
        }).where(eq(catalogImports.id, importId));
      });
      await breathe();
    };
    for (const p of plans) {
      batch.push(p);
      if (batch.reduce((n, b) => n + b.rows, 0) >= IMPORT_BATCH_ROWS) await flush();
    }
    await flush();
    await patch({ status: 'done', message: null, finishedAt: clock.now() });
    await rm(files.upload, { force: true });
  } catch (err) {
    // A write that fails after validation (a concurrent edit took a SKU code): earlier batches stay.
    log.warn({ err, importId }, 'catalog import failed');
    const reason = err instanceof KoiError ? err.localized('zh-CN') : '文件无法读取，请确认是 .xlsx 格式';
    await patch({ status: 'failed', message: `导入中断：${reason}`, finishedAt: clock.now() });
    await rm(files.upload, { force: true });
  }
}

/** Categories by name or path, and which existing product each group updates. Reports on rows. */
async function checkAgainstCatalog(db: Db, groups: ImportGroup[], errors: RowErrors): Promise<Map<ImportGroup, { productId: string | null; categoryId: string }>> {
  const out = new Map<ImportGroup, { productId: string | null; categoryId: string }>();
  if (!groups.length) return out;
  const categories = await db.run((q) => q.select().from(catalogCategories));
  const codes = groups.flatMap((g) => g.input.skus.map((s) => s.code));
  const owners = await db.rows<{ code: string; product_id: string }>(sql`select code, product_id from catalog_skus where code = any(${sql.param(codes)}::text[])`);
  const titled = await db.rows<{ id: string; title: string }>(sql`select id, title from catalog_products
    where deleted_at is null and title = any(${sql.param(groups.map((g) => g.title))}::text[])`);
  const titleOwners = new Map<string, string[]>();
  for (const t of titled) titleOwners.set(t.title, [...(titleOwners.get(t.title) ?? []), t.id]);
  const matched = matchProducts(groups, new Map(owners.map((o) => [o.code, o.product_id])), titleOwners, errors);
  for (const g of groups) {
    const cat = resolveCategory(g.category, categories);
    if ('error' in cat) for (const row of g.rows) errors.add(row, cat.error);
    else if (matched.has(g)) out.set(g, { productId: matched.get(g)!, categoryId: cat.id });
  }
  return out;
}

/** Inputs to write; an updated product keeps what the sheet does not carry (description, SKU images, schedule…). */
async function planAll(db: Db, groups: ImportGroup[], targets: Map<ImportGroup, { productId: string | null; categoryId: string }>) {
  const ids = [...targets.values()].map((t) => t.productId).filter((x): x is string => !!x);
  const prev = ids.length ? await db.run((q) => q.select().from(catalogProducts).where(sql`${catalogProducts.id} = any(${sql.param(ids)}::uuid[])`)) : [];
  const prevSkus = ids.length
    ? await db.run((q) => q.select({ code: catalogSkus.code, imageUrl: catalogSkus.imageUrl }).from(catalogSkus).where(sql`${catalogSkus.productId} = any(${sql.param(ids)}::uuid[])`))
    : [];
  const prevById = new Map(prev.map((p) => [p.id, p]));
  const skuImage = new Map(prevSkus.map((s) => [s.code, s.imageUrl]));
  const now = clock.now();
  return groups.map((g) => {
    const t = targets.get(g)!;
    const p = t.productId ? prevById.get(t.productId) : undefined;
    const input = {
      ...g.input,
      categoryId: t.categoryId,
      subtitle: g.has.subtitle || !p ? g.input.subtitle : p.subtitle,
      tags: g.has.tags || !p ? g.input.tags : p.tags,
      status: g.has.status || !p ? g.input.status : p.status,
      purchaseLimit: g.has.purchaseLimit || !p ? g.input.purchaseLimit : p.purchaseLimit,
      shippingTemplateId: p?.shippingTemplateId ?? null,
      images: g.has.images || !p ? g.input.images : p.images,
      description: p?.description ?? '',
      scheduledOnSaleAt: p?.scheduledOnSaleAt?.toISOString() ?? null,
      scheduledOffSaleAt: p?.scheduledOffSaleAt?.toISOString() ?? null,
      skus: g.input.skus.map((s) => ({ ...s, imageUrl: skuImage.get(s.code) ?? null })),
    };
    return { plan: planProduct(input, t.productId, now), rows: g.rows.length, isNew: !t.productId };
  });
}
