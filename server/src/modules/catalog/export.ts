import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import type { InventoryService } from '../inventory/index.ts';
import { catalogProducts } from './catalog.tables.ts';
import { categoryPath } from './category.rules.ts';
import { headerRow, STATUS_LABEL } from './import-rows.rules.ts';
import { loadProducts } from './product-document.ts';
import { productWhere, type ProductFilter } from './product-list.ts';
import { fenToYuan } from './yuan.rules.ts';
import { streamingWorkbook } from './xlsx-io.ts';

const CHUNK = 200;
const yuan = (fen: number | null) => (fen === null ? null : Number(fenToYuan(fen)));

/**
 * The filtered products as .xlsx, one row per SKU in the import's columns, so an export edited in
 * Excel imports back. Streams in chunks of 200 products (a fixed number of statements per chunk).
 * Stock is on hand at the default warehouse, as the editor shows it.
 */
export async function exportProducts(db: Db, inventory: InventoryService, filter: ProductFilter, out: Writable): Promise<void> {
  const wb = streamingWorkbook({ stream: out });
  const ws = wb.addWorksheet('商品');
  const [widest] = await db.rows<{ n: number | null }>(sql`select max(jsonb_array_length(p.specs))::int as n from catalog_products p where ${productWhere(filter)}`);
  const specColumns = Math.max(2, Number(widest?.n ?? 0));
  ws.addRow(headerRow(specColumns)).commit();
  for (let offset = 0; ; offset += CHUNK) {
    const ids = await db.rows<{ id: string }>(sql`select p.id from catalog_products p where ${productWhere(filter)}
      order by p.updated_at desc, p.id desc limit ${CHUNK} offset ${offset}`);
    if (!ids.length) break;
    await db.run(async (q) => {
      const rows = await q.select().from(catalogProducts).where(sql`${catalogProducts.id} = any(${sql.param(ids.map((r) => r.id))}::uuid[])`);
      const order = new Map(ids.map((r, i) => [r.id, i]));
      rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      const { skusOf, categories, stock } = await loadProducts(db, inventory, q, rows);
      for (const p of rows) {
        const category = categoryPath(categories, p.categoryId).map((c) => c.name).join('/');
        for (const s of skusOf(p.id)) {
          const specs = Array.from({ length: specColumns }, (_, i) => (p.specs[i] ? [p.specs[i]!.name, s.specValues[i] ?? null] : [null, null])).flat();
          ws.addRow([
            p.title, p.subtitle, category, ...specs, s.code, yuan(s.priceFen), yuan(s.listPriceFen), yuan(s.costPriceFen), s.weightGrams, s.barcode,
            stock.get(s.id)?.onHand ?? 0, p.tags.join(','), STATUS_LABEL[p.status], p.purchaseLimit, p.images.join('\n'),
          ]).commit();
        }
      }
    });
    if (ids.length < CHUNK) break;
  }
  ws.commit();
  await wb.commit();
}

/** The import template: the header on the first sheet (the one imported), notes and an example on the second. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('商品');
  const header = headerRow(2);
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 14));
  const notes = wb.addWorksheet('填写说明');
  const lines = [
    '每行一个 SKU；商品标题相同的行属于同一个商品，商品的字段（类目、副标题、标签、状态、限购、图片）在每行填写一致。',
    '类目写成「一级/二级」，如「茶具/盖碗」，类目需先在后台创建。',
    '有规格时，每个规格组合都要有一行（如 颜色 2 种 × 容量 2 种 = 4 行）；无规格的商品只填一行且规格留空。最多 5 组规格（规格3名、规格3值…）。',
    '价格单位为元，最多两位小数；库存、重量（克）、限购为整数。',
    'SKU编码全店唯一，只能包含字母、数字和 . _ -；已有的 SKU 编码会更新对应商品，新的编码会新建。',
    '状态填 上架、下架 或 草稿；标签用逗号分隔；图片填本店图片地址（/media/…）或 https 链接，多张用换行分隔。',
    '只导入第一个工作表；有任何一行出错时不会导入任何数据，并提供错误报告下载。',
    '',
    '示例：',
  ];
  for (const l of lines) notes.addRow([l]);
  notes.addRow(header);
  notes.addRow(['汝窑天青开片盖碗 150ml', '温润如玉 开片养成', '茶具/盖碗', '颜色', '天青', '容量', '150ml', 'RY-GW-TQ-150', 168, 238, 62, 320, '6901234567892', 50, '新品,送礼', '上架', 2, '']);
  notes.addRow(['汝窑天青开片盖碗 150ml', '温润如玉 开片养成', '茶具/盖碗', '颜色', '月白', '容量', '150ml', 'RY-GW-YB-150', 168, 238, 62, 320, '', 30, '新品,送礼', '上架', 2, '']);
  notes.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
