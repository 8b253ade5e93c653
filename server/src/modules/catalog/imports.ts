import { mkdirSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, lt } from 'drizzle-orm';
import type { TImportStatus } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { catalogImports } from './catalog.tables.ts';
import { looksLikeZip } from './media.rules.ts';
import { importPaths, IMPORT_QUEUE } from './import-job.ts';
import { isUuid } from './products.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Error reports stay downloadable this long. */
export const REPORT_DAYS = 7;

/** Excel imports: the upload is stored, a job checks and writes it, staff poll the status. */
export function createImports(db: Db, jobs: Jobs, dataDir: string) {
  mkdirSync(path.join(dataDir, 'imports'), { recursive: true });

  async function row(id: string) {
    if (!isUuid(id)) throw new KoiError('catalog.import_not_found');
    const [r] = await db.run((q) => q.select().from(catalogImports).where(eq(catalogImports.id, id)));
    if (!r) throw new KoiError('catalog.import_not_found');
    return r;
  }

  return {
    /** Stores the uploaded file (streamed to disk, at most 20 MB, must be a zip like every .xlsx) and queues the job. */
    async start(file: Readable & { truncated?: boolean }, fileName: string, staffId: string | null): Promise<{ importId: string }> {
      const id = newId();
      const { upload } = importPaths(dataDir, id);
      try {
        await pipeline(file, createWriteStream(upload));
      } catch (err) {
        await rm(upload, { force: true });
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new KoiError('catalog.import_too_large', { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
        throw err;
      }
      const head = Buffer.alloc(4);
      const fh = await open(upload, 'r');
      await fh.read(head, 0, 4, 0).finally(() => fh.close());
      if (file.truncated || !looksLikeZip(head)) {
        await rm(upload, { force: true });
        if (file.truncated) throw new KoiError('catalog.import_too_large', { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
        throw new KoiError('catalog.import_not_xlsx');
      }
      await db.run((q) => q.insert(catalogImports).values({ id, status: 'validating', fileName: fileName.slice(0, 200), createdBy: staffId, startedAt: clock.now() }));
      // Outside any transaction: on PGlite the job queue shares the one connection.
      await jobs.send(IMPORT_QUEUE, { importId: id }, { id });
      return { importId: id };
    },

    async status(id: string): Promise<TImportStatus> {
      const r = await row(id);
      return {
        id: r.id, status: r.status, fileName: r.fileName, totalRows: r.totalRows, processedRows: r.processedRows,
        createdProducts: r.createdProducts, updatedProducts: r.updatedProducts, errorCount: r.errorCount,
        errorReportUrl: r.hasErrorReport ? `/api/admin/catalog/import/${r.id}/errors.xlsx` : null,
        message: r.message, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
      };
    },

    /** Forgets error reports (and any upload left behind) of imports finished more than `days` ago. */
    async prune(days = REPORT_DAYS): Promise<number> {
      const before = new Date(clock.now().getTime() - days * 86_400_000);
      const old = await db.run((q) => q.update(catalogImports).set({ hasErrorReport: false })
        .where(and(eq(catalogImports.hasErrorReport, true), lt(catalogImports.finishedAt, before))).returning({ id: catalogImports.id }));
      for (const { id } of old) {
        const files = importPaths(dataDir, id);
        await rm(files.report, { force: true });
        await rm(files.upload, { force: true });
      }
      return old.length;
    },

    async errorReport(id: string): Promise<{ file: string; name: string }> {
      const r = await row(id);
      if (!r.hasErrorReport) throw new KoiError('catalog.import_no_report');
      return { file: importPaths(dataDir, id).report, name: `导入错误-${r.fileName.replace(/\.xlsx$/i, '')}.xlsx` };
    },
  };
}
export type Imports = ReturnType<typeof createImports>;
