import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { desc, eq, sql } from 'drizzle-orm';
import type { TCustomerImportPreview, TCustomerImportStart, TCustomerImportStatus, TImportPlatform } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { customerImports } from './customer-import.tables.ts';
import { cellText } from './import-row.rules.ts';
import { mappingProblems, recognizePlatform } from './platforms.rules.ts';
import { exportRows, sniff } from './export-reader.ts';
import { CUSTOMER_IMPORT_QUEUE, uploadPath } from './import-job.ts';
import './customer-import.errors.ts';

/** A million-row Taobao export is about 300 MB. */
export const MAX_CUSTOMER_IMPORT_BYTES = 512 * 1024 * 1024;
const PREVIEW_ROWS = 8;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ImportRow = typeof customerImports.$inferSelect;

/** The header and first rows of a stored upload. */
async function head(file: string, format: 'csv' | 'xlsx', encoding: 'utf-8' | 'gbk' | null): Promise<{ headers: string[]; sample: string[][] }> {
  const { rows } = exportRows(file, format, encoding);
  let headers: string[] | null = null;
  const sample: string[][] = [];
  for await (const r of rows) {
    const cells = r.cells.map(cellText);
    if (!headers) {
      if (cells.every((c) => !c)) continue;
      headers = cells;
    } else if (cells.some((c) => c)) sample.push(cells);
    if (sample.length >= PREVIEW_ROWS) break;
  }
  if (!headers) throw new KoiError('customer_import.no_header');
  return { headers, sample };
}

/** Rows in a CSV from the bytes per line of its first 64 kB; exact when the file is that small. XLSX: unknown (0) until read. */
function estimateRows(format: 'csv' | 'xlsx', sample: Buffer, bytes: number): number {
  if (format !== 'csv' || !sample.length) return 0;
  let lines = 0;
  for (const b of sample) if (b === 0x0a) lines++;
  if (sample.length >= bytes) return Math.max(0, lines - (sample.at(-1) === 0x0a ? 1 : 0));
  return lines ? Math.max(0, Math.round(bytes / (sample.length / lines)) - 1) : 0;
}

export function toStatus(r: ImportRow): TCustomerImportStatus {
  const percent = r.status === 'done' ? 100 : r.fileBytes ? Math.min(99, Math.floor((r.bytesDone / r.fileBytes) * 100)) : 0;
  return {
    id: r.id, status: r.status, fileName: r.fileName, platform: r.platform as TImportPlatform, rowsDone: r.rowsDone,
    totalEstimate: r.totalEstimate, progressPercent: percent, ordersImported: r.ordersImported, paidOrders: r.paidOrders,
    customersCreated: r.customersCreated, customersMatched: r.customersMatched, rejectedCount: r.rejectedCount,
    rejectedReportUrl: r.rejectedCount > 0 && r.status !== 'uploaded' ? `/api/admin/customer-imports/${r.id}/rejected.csv` : null,
    message: r.message, createdAt: r.createdAt.toISOString(), startedAt: r.startedAt?.toISOString() ?? null, finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** Upload → preview with the recognised platform and mapping → the operator's mapping → the job. */
export function createCustomerImports(deps: { db: Db; jobs: Jobs; dataDir: string }) {
  const { db, jobs, dataDir } = deps;
  mkdirSync(path.join(dataDir, 'customer-imports'), { recursive: true });

  async function row(id: string): Promise<ImportRow> {
    if (!UUID.test(id)) throw new KoiError('resource.not_found', { what: 'customer_import' });
    const [r] = await db.run((q) => q.select().from(customerImports).where(eq(customerImports.id, id)));
    if (!r) throw new KoiError('resource.not_found', { what: 'customer_import' });
    return r;
  }

  async function preview(r: Pick<ImportRow, 'id' | 'fileName' | 'format' | 'encoding' | 'totalEstimate'>): Promise<TCustomerImportPreview> {
    const file = uploadPath(dataDir, r.id);
    const { headers, sample } = await head(file, r.format, r.encoding);
    const rec = recognizePlatform(headers);
    return {
      id: r.id, fileName: r.fileName, format: r.format, encoding: r.encoding, headers, sampleRows: sample,
      platform: rec.platform, matchedHeaders: rec.matchedHeaders, mapping: rec.mapping, totalEstimate: r.totalEstimate,
    };
  }

  async function confirm(id: string, input: TCustomerImportStart): Promise<TCustomerImportStatus> {
    const r = await row(id);
    if (r.status !== 'uploaded') throw new KoiError('customer_import.already_started');
    const problems = mappingProblems(input.mapping, r.headers.length);
    if (problems.length) throw new KoiError('customer_import.mapping_incomplete', { fields: problems.join(', ') });
    const [updated] = await db.run((q) => q.update(customerImports).set({ status: 'queued', platform: input.platform, mapping: input.mapping })
      .where(sql`${customerImports.id} = ${id} and ${customerImports.status} = 'uploaded'`).returning());
    if (!updated) throw new KoiError('customer_import.already_started');
    return toStatus(updated);
  }

  return {
    row,
    /** Streams the upload to disk (never whole in memory), recognises the file, and answers the preview. */
    async upload(file: Readable & { truncated?: boolean }, fileName: string, staffId: string | null): Promise<TCustomerImportPreview> {
      const id = newId();
      const target = uploadPath(dataDir, id);
      try {
        await pipeline(file, createWriteStream(target));
        if (file.truncated) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      } catch (err) {
        await rm(target, { force: true });
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new KoiError('customer_import.too_large', { mb: MAX_CUSTOMER_IMPORT_BYTES / 1024 / 1024 });
        throw err;
      }
      try {
        const s = await sniff(target);
        if (!s.bytes) throw new KoiError('customer_import.no_header');
        const base = { id, fileName: fileName.slice(0, 200) || 'import.csv', format: s.format, encoding: s.encoding, fileBytes: s.bytes };
        const p = await preview({ ...base, totalEstimate: estimateRows(s.format, s.sample, s.bytes) });
        await db.run((q) => q.insert(customerImports).values({
          ...base, status: 'uploaded', platform: p.platform, mapping: p.mapping, headers: p.headers, totalEstimate: p.totalEstimate, createdBy: staffId, createdAt: clock.now(),
        }));
        return p;
      } catch (err) {
        await rm(target, { force: true });
        if (err instanceof KoiError) throw err;
        throw new KoiError('customer_import.unreadable', { reason: (err as Error).message?.slice(0, 120) ?? '' });
      }
    },

    async preview(id: string): Promise<TCustomerImportPreview> {
      const r = await row(id);
      if (r.status !== 'uploaded') throw new KoiError('customer_import.already_started');
      return preview(r);
    },

    /** Saves the operator's platform and mapping and queues the job. */
    async start(id: string, input: TCustomerImportStart): Promise<TCustomerImportStatus> {
      const confirmed = await confirm(id, input);
      // Outside any transaction: on PGlite the job queue shares the one connection.
      await jobs.send(CUSTOMER_IMPORT_QUEUE, { importId: id }, { id });
      return confirmed;
    },

    /** The mapping checked and saved (status `queued`) without queueing: the demo seed runs the job itself. */
    confirm: (id: string, input: TCustomerImportStart) => confirm(id, input),

    async status(id: string): Promise<TCustomerImportStatus> {
      return toStatus(await row(id));
    },

    async list(page: number, pageSize: number): Promise<{ items: TCustomerImportStatus[]; total: number }> {
      const rows = await db.run((q) => q.select().from(customerImports).orderBy(desc(customerImports.createdAt)).limit(pageSize).offset((page - 1) * pageSize));
      const [n] = await db.rows<{ n: number }>(sql`select count(*)::int as n from customer_imports`);
      return { items: rows.map(toStatus), total: Number(n?.n ?? 0) };
    },
  };
}
export type CustomerImports = ReturnType<typeof createCustomerImports>;
