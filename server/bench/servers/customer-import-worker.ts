// One run of the customer-import benchmark in its own process, so its peak RSS is its own.
// KOI_BENCH_MODE=streaming: the import as Koi runs it (file streamed, batches of 1,000, one
// transaction each). KOI_BENCH_MODE=naive: the whole file read and parsed into memory first, then
// imported row at a time (one transaction, one resolve, one insert, one fact per row) — for at most
// KOI_BENCH_NAIVE_ROWS rows, since a million single-row transactions would take hours.
// Prints one JSON line: rows, seconds, rows/s, peak RSS (MB).
import { createReadStream, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../src/platform/config.ts';
import { buildKoi } from '../../src/app.ts';
import { importBatch } from '../../src/modules/customer-import/import-batch.ts';
import { customerImports } from '../../src/modules/customer-import/customer-import.tables.ts';

const mode = process.env.KOI_BENCH_MODE ?? 'streaming';
const file = process.env.KOI_BENCH_FILE!;
const naiveRows = Number(process.env.KOI_BENCH_NAIVE_ROWS ?? 20_000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'koi-bench-import-'));
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 50);

const config = loadConfig({ ...process.env, KOI_LOG_LEVEL: 'silent', KOI_DEMO: 'false', KOI_DATA_DIR: dataDir });
const koi = await buildKoi(config, { memory: !config.databaseUrl });
// The queue accepts the job (start() sends it); no worker takes it: this process runs it, measured.
await koi.jobs.start({ work: false });
const preview = await koi.customerImport.imports.upload(createReadStream(file), path.basename(file), null);
await koi.customerImport.imports.start(preview.id, { platform: preview.platform, mapping: preview.mapping });
const rssBefore = process.memoryUsage().rss;
peak = rssBefore;
const t0 = performance.now();
let rows = 0;
let parsedRows = 0;
if (mode === 'streaming') {
  await koi.customerImport.run(preview.id);
  const [imp] = await koi.db.run((q) => q.select().from(customerImports).where(eq(customerImports.id, preview.id)));
  rows = imp!.rowsDone;
  if (imp!.status !== 'done') throw new Error(`import ended ${imp!.status}: ${imp!.message}`);
} else {
  const text = iconv.decode(readFileSync(file), preview.encoding === 'gbk' ? 'gb18030' : 'utf-8');
  const records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  parsedRows = records.length - 1;
  sample();
  const ports = { resolveCustomers: koi.customer.resolveCustomers, recordOrderFacts: koi.audience.recordOrderFacts,
    recomputeTagsFor: (pages: AsyncIterable<readonly string[]>) => koi.audience.recomputeTagsForPages(pages),
    refreshProfileFacts: async (ids: readonly string[]) => koi.audience.copyProfileFacts(await koi.customer.profiles.facts([...ids])), regionChildren: (p?: string) => koi.customer.regions.children(p) };
  const ctx = { id: preview.id, platform: preview.platform, mapping: preview.mapping, rejectedSoFar: 0 };
  for (let i = 1; i < records.length && rows < naiveRows; i++, rows++) {
    await koi.db.tx((q) => importBatch(q, ports, ctx, [{ number: i + 1, cells: records[i]! }]));
  }
}
const seconds = (performance.now() - t0) / 1000;
sample();
clearInterval(timer);
console.log(JSON.stringify({
  mode, rows, parsedRows: mode === 'naive' ? parsedRows : rows, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds),
  peakRssMb: Math.round(peak / 1048576), rssBeforeMb: Math.round(rssBefore / 1048576), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
await koi.jobs.stop();
await koi.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
