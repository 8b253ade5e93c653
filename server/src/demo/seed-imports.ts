import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Koi } from '../app.ts';
import { writeSampleExport } from '../modules/customer-import/index.ts';

/**
 * 客户导入 demo slice: a finished import of a 200-row Taobao order report (GBK CSV, as the seller
 * centre exports it; five rows broken on purpose), so the demo shows imported customers with their
 * Taobao history, the import in the history list and a rejected-rows report to download.
 */
export async function seedImports(koi: Pick<Koi, 'customerImport' | 'config'>): Promise<void> {
  const dir = path.join(koi.config.dataDir, 'customer-imports');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'demo-taobao.csv');
  await writeSampleExport(file, { platform: 'taobao', rows: 200, seed: 2026, badEvery: 40, format: 'csv', encoding: 'gbk', orderPrefix: 'D' });
  try {
    const { imports, run } = koi.customerImport;
    const preview = await imports.upload(createReadStream(file), '淘宝订单报表-2025.csv', null);
    await imports.confirm(preview.id, { platform: preview.platform, mapping: preview.mapping });
    await run(preview.id);
  } finally {
    await rm(file, { force: true });
  }
}
