import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Db, Q } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { EventBus } from '../../platform/events.ts';
import type { App } from '../../platform/http.ts';
import { InventoryEvents, uuidArray, type InventoryService, type TStockChangedEvent } from '../inventory/index.ts';
import { createProducts } from './products.ts';
import { createCategories } from './categories.ts';
import { createCollections } from './collections.ts';
import { createMedia } from './media.ts';
import { createImports } from './imports.ts';
import { listProducts, type ProductFilter } from './product-list.ts';
import { productDetail } from './shop-catalog.ts';
import { skuSnapshots } from './sku-snapshots.ts';
import { publishProductsSaved } from './product-document.ts';
import { exportProducts, importTemplate } from './export.ts';
import { IMPORT_QUEUE, runImport } from './import-job.ts';
import { SCHEDULE_CRON, SCHEDULE_QUEUE, tickSchedule } from './schedule.ts';
import { registerAdminCatalogRoutes } from './catalog.routes.admin.ts';
import { registerUploadRoutes } from './upload.routes.admin.ts';
import { registerTransferRoutes } from './transfer.routes.admin.ts';
import { registerMediaFiles, registerShopCatalogRoutes } from './catalog.routes.shop.ts';
import './catalog.errors.ts';

export { productDocument } from './product-document.ts';
export type { SkuSnapshot } from './sku-snapshots.ts';
export { cartesian } from './product.rules.ts';
export type { ProductInput } from './product-store.ts';
export { imageOf } from './upload.routes.admin.ts';
export { MAX_IMAGE_BYTES } from './media.rules.ts';

const PRUNE_QUEUE = 'catalog.prune-imports';

type Deps = { db: Db; config: Config; log: Logger; jobs: Jobs; bus: EventBus; inventory: InventoryService };

export type ReviewSummaryPort = (productId: string) => Promise<{ count: number; goodRate: number | null }>;

/**
 * Products, SKUs, categories, collections, media and Excel import/export. Publishes
 * `catalog.product_saved` (the whole document, growing revision) whenever a shopper-visible fact
 * changes, including stock: it listens to inventory's `stock_changed` and republishes.
 */
export function createCatalog(deps: Deps) {
  const { db, config, log, jobs, bus, inventory } = deps;
  const products = createProducts(db, inventory);
  const categories = createCategories(db, inventory);
  const collections = createCollections(db);
  const media = createMedia(config.dataDir);
  const imports = createImports(db, jobs, config.dataDir);
  const importDeps = { db, inventory, dataDir: config.dataDir, log };

  jobs.define(SCHEDULE_QUEUE, { retryLimit: 1, expireInSeconds: 120 }, async () => {
    await tickSchedule(db, inventory);
  });
  jobs.define(PRUNE_QUEUE, { retryLimit: 2 }, async () => {
    await imports.prune();
  });
  jobs.define<{ importId: string }>(IMPORT_QUEUE, { retryLimit: 0, expireInSeconds: 3600 }, async (data) => runImport(importDeps, data.importId));

  bus.subscribe(InventoryEvents.stockChanged, 'catalog.stock-to-documents', async (event, q) => {
    const { skuIds } = event.payload as TStockChangedEvent;
    const rows = await db.rows<{ product_id: string }>(sql`select distinct product_id from catalog_skus where id = any(${uuidArray(skuIds)})`, q);
    await publishProductsSaved(db, inventory, q, rows.map((r) => r.product_id));
  });

  // The reviews module is built after the catalog and reads it, so its summary comes in by a setter.
  let reviewSummary: ReviewSummaryPort | null = null;

  const catalog = {
    products,
    categories,
    collections,
    media,
    imports,
    list: (f: ProductFilter, page: number, pageSize: number) => listProducts(db, inventory, f, page, pageSize),
    async detail(id: string) {
      const product = await productDetail(db, inventory, id);
      return reviewSummary ? { ...product, reviews: await reviewSummary(id) } : product;
    },
    /** Where the product page's 评价 row gets its count and good-review share (0–1). */
    useReviewSummary(port: ReviewSummaryPort): void { reviewSummary = port; },
    /** Price, state, limits and buyable stock of SKUs for the cart and checkout (two statements). */
    skuSnapshots: (skuIds: readonly string[], q?: Q) => skuSnapshots(db, inventory, skuIds, q),
    importTemplate,
    exportTo: (f: ProductFilter, out: Writable) => exportProducts(db, inventory, f, out),
    /** Applies due on-sale/off-sale schedules now (the every-minute job; tests call it after moving the clock). */
    tickSchedule: () => tickSchedule(db, inventory),
    /** Runs an import in this process (what the job does). */
    runImport: (importId: string) => runImport(importDeps, importId),
    /** Registers the every-minute schedule tick and the nightly import clean-up; call after the job queue started. */
    async schedule(): Promise<void> {
      await jobs.schedule(SCHEDULE_QUEUE, SCHEDULE_CRON);
      await jobs.schedule(PRUNE_QUEUE, '41 4 * * *');
    },
    registerRoutes(app: App): void {
      registerAdminCatalogRoutes(app, catalog);
      registerUploadRoutes(app, catalog);
      registerTransferRoutes(app, catalog);
      registerShopCatalogRoutes(app, catalog);
      registerMediaFiles(app, media.dir);
    },
  };
  return catalog;
}
export type Catalog = ReturnType<typeof createCatalog>;
