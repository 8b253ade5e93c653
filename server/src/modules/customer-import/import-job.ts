import path from 'node:path';
import { rm } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import type { TImportMapping, TImportPlatform } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { customerImports } from './customer-import.tables.ts';
import { exportRows, type SourceRow } from './export-reader.ts';
import { importBatch } from './import-batch.ts';
import type { ImportPorts } from './ports.ts';

export const CUSTOMER_IMPORT_QUEUE = 'customer.import';
/** Rows per transaction: progress moves, memory stays flat, no transaction grows without bound. */
export const CUSTOMER_IMPORT_BATCH = 1000;

/** Customers per page of the closing tag pass (keyset over the import's orders). */
export const CUSTOMER_IMPORT_TAG_PAGE = 5000;

export const uploadPath = (dataDir: string, id: string) => path.join(dataDir, 'customer-imports', `${id}.upload`);

/** Lets HTTP requests (the progress polls) run between batches: PGlite work never yields to the event loop. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs one import: streams the file, skips the header and the rows an earlier attempt committed
 * (`rows_done` commits with each batch, so a retried job resumes), and imports the rest in batches of
 * 1,000 rows, each in one transaction with its progress. The upload is deleted when done.
 */
export async function runCustomerImport(
  deps: { db: Db; log: Logger; dataDir: string; ports: ImportPorts; batchSize?: number }, importId: string, opts: { lastAttempt: boolean } = { lastAttempt: true },
): Promise<void> {
  const { db, log } = deps;
  const [imp] = await db.run((q) => q.select().from(customerImports).where(eq(customerImports.id, importId)));
  if (!imp || imp.status === 'uploaded' || imp.status === 'done') return;
  const file = uploadPath(deps.dataDir, importId);
  const batchSize = deps.batchSize ?? CUSTOMER_IMPORT_BATCH;
  const patch = (p: Partial<typeof customerImports.$inferInsert>) => db.run((q) => q.update(customerImports).set(p).where(eq(customerImports.id, importId)));
  await patch({ status: 'importing', startedAt: imp.startedAt ?? clock.now() });
  const { rows, counter } = exportRows(file, imp.format, imp.encoding);
  const skip = imp.rowsDone;
  let rejectedSoFar = imp.rejectedCount;
  let seenRows = 0;
  let header = true;
  let batch: SourceRow[] = [];
  const ctx = { id: importId, platform: imp.platform as TImportPlatform, mapping: imp.mapping as TImportMapping };
  const estimate = (done: number) => {
    const read = counter.bytes;
    return read >= imp.fileBytes || read === 0 ? done : Math.max(done, Math.round((done * imp.fileBytes) / read));
  };

  const flush = async (current: SourceRow[], bytes: number, seen: number) => {
    await db.tx(async (q) => {
      const c = await importBatch(q, deps.ports, { ...ctx, rejectedSoFar }, current);
      rejectedSoFar += c.rejected;
      await q.update(customerImports).set({
        rowsDone: sql`${customerImports.rowsDone} + ${current.length}`,
        bytesDone: bytes,
        totalEstimate: estimate(seen),
        ordersImported: sql`${customerImports.ordersImported} + ${c.orders}`,
        paidOrders: sql`${customerImports.paidOrders} + ${c.paid}`,
        customersCreated: sql`${customerImports.customersCreated} + ${c.created}`,
        customersMatched: sql`${customerImports.customersMatched} + ${c.matched}`,
        rejectedCount: sql`${customerImports.rejectedCount} + ${c.rejected}`,
      }).where(eq(customerImports.id, importId));
    });
    await breathe();
  };
  // Pipelined: the next batch is read and parsed while the database writes this one (one batch in
  // flight at most, committed in order, so memory stays at two batches and resuming stays exact).
  let inFlight: Promise<void> | null = null;
  const send = async () => {
    if (inFlight) await inFlight;
    inFlight = null;
    if (!batch.length) return;
    const p = flush(batch, counter.bytes, seenRows);
    batch = [];
    p.catch(() => {}); // awaited by the next send (or the end); this only keeps it from counting as unhandled meanwhile
    inFlight = p;
  };

  try {
    for await (const r of rows) {
      if (header) {
        header = false;
        continue;
      }
      if (r.cells.every((c) => c === null || c === '')) continue;
      seenRows++;
      if (seenRows <= skip) continue;
      batch.push(r);
      if (batch.length >= batchSize) await send();
    }
    await send(); // the last, partial batch
    await send(); // waits for it to commit
    await recomputeImportedTags(deps, importId, (message) => patch({ message }));
    const [done] = await db.run((q) => q.select().from(customerImports).where(eq(customerImports.id, importId)));
    await patch({
      status: 'done', totalEstimate: seenRows, bytesDone: imp.fileBytes, finishedAt: clock.now(),
      message: done && done.rejectedCount ? `${done.rejectedCount} 行未导入，请下载报告查看原因` : null,
    });
    await rm(file, { force: true });
  } catch (err) {
    // A reading error while a batch is in flight: let that batch end (commit or roll back) first.
    await (inFlight as Promise<void> | null)?.catch(() => {});
    log.warn({ err, importId }, 'customer import failed');
    // Batches already committed stay; a retry (automatic, or from the dead-letter list) resumes after them.
    const reason = (err as Error).message?.slice(0, 200) ?? '未知错误';
    if (opts.lastAttempt) await patch({ status: 'failed', message: `导入中断：${reason}`, finishedAt: clock.now() });
    else await patch({ message: `导入中断，稍后自动重试：${reason}` });
    throw err;
  }
}

/**
 * The closing phase: the rule and system tags of every customer this import touched, recomputed
 * once (the batches record facts without tags), page by page in keyset order of customer id over the
 * import's orders, with the progress in the import's message; each page's profile facts are copied
 * to the audience first (the batches' events skip the tags and may still be queued). A retried job
 * runs it again (idempotent).
 */
async function recomputeImportedTags(deps: { db: Db; ports: ImportPorts }, importId: string, progress: (message: string) => Promise<unknown>): Promise<void> {
  const { db } = deps;
  const [count] = await db.rows<{ n: number | string }>(sql`select count(distinct customer_id) as n from customer_imported_orders where import_id = ${importId}::uuid`);
  const total = Number(count?.n ?? 0);
  if (!total) return;
  async function* pages(): AsyncGenerator<string[]> {
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const page: string[] = (await db.rows<{ c: string }>(sql`select distinct customer_id as c from customer_imported_orders
        where import_id = ${importId}::uuid ${after === null ? sql`` : sql`and customer_id > ${after}::uuid`}
        order by customer_id limit ${CUSTOMER_IMPORT_TAG_PAGE}`)).map((r) => r.c);
      if (!page.length) return;
      await progress(`正在更新客户标签：${done} / ${total}`);
      await deps.ports.refreshProfileFacts(page);
      yield page;
      done += page.length;
      after = page[page.length - 1]!;
    }
  }
  await deps.ports.recomputeTagsFor(pages());
}
