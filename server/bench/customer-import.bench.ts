/**
 * Customer import (issue 7): rows/s and peak memory importing a generated Taobao order report (GBK
 * CSV, as the seller centre exports it; buyers repeat ~3 times, 1 row in 50 bad) of
 * KOI_BENCH_IMPORT_ROWS rows (default 1,000,000), on PostgreSQL when DATABASE_URL is set (else
 * PGlite), against a naive baseline in the same run: the whole file read and parsed into memory,
 * then row-at-a-time imports (capped at KOI_BENCH_NAIVE_ROWS, default 20,000: rate measured on
 * those, memory on the whole file; its time for the whole file is extrapolated from that rate and
 * marked `extrapolated` in the JSON). Each run is its own process with its own scratch database; the
 * streaming one under a 384 MB V8 heap cap, so finishing at all shows its memory is bounded. Every
 * line carries the machine's load average (other work on the machine slows both runs alike).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { freshPostgresUrl } from '../test/databases.ts';
import { writeSampleExport } from '../src/modules/customer-import/sample-export.ts';
import { benchDir, emit } from './lib.ts';

const rows = Number(process.env.KOI_BENCH_IMPORT_ROWS ?? 1_000_000);
const naiveRows = Number(process.env.KOI_BENCH_NAIVE_ROWS ?? 20_000);

const load = () => loadavg().map((x) => Number(x.toFixed(2)));

/**
 * The naive baseline imports only its first KOI_BENCH_NAIVE_ROWS rows (a million single-row
 * transactions would take hours): its time for the whole file is extrapolated at the measured rate,
 * and says so. Rows per second are measured either way.
 */
function extrapolation(r: Record<string, unknown>, fileRows: number): { extrapolated: boolean; measuredRows?: number; estimatedSecondsForFile?: number; note?: string } {
  const measured = Number(r.rows);
  if (measured >= fileRows) return { extrapolated: false };
  return {
    extrapolated: true, measuredRows: measured, estimatedSecondsForFile: Math.round(fileRows / Number(r.rowsPerSecond)),
    note: `measured on the first ${measured} of ${fileRows} rows; the whole file's time is extrapolated at that rate (memory is of the whole file parsed)`,
  };
}

async function runWorker(env: Record<string, string>): Promise<Record<string, unknown>> {
  // The streaming import runs under a small heap cap (KOI_BENCH_IMPORT_HEAP_MB, default 384): a
  // million rows finishing under it is the "bounded memory" claim. The naive baseline gets 8 GB.
  const heap = env.KOI_BENCH_MODE === 'streaming' ? Number(process.env.KOI_BENCH_IMPORT_HEAP_MB ?? 384) : 8192;
  const child = spawn(process.execPath, [`--max-old-space-size=${heap}`, '--import', 'tsx', path.join(benchDir, 'servers/customer-import-worker.ts')], {
    cwd: path.join(benchDir, '..'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  const line = out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
  if (code !== 0 || !line) throw new Error(`import worker (${env.KOI_BENCH_MODE}) exited ${code}: ${out.slice(-500)}`);
  return JSON.parse(line) as Record<string, unknown>;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'koi-bench-export-'));
  const file = path.join(dir, 'taobao.csv');
  try {
    const g0 = performance.now();
    await writeSampleExport(file, { platform: 'taobao', rows, seed: 2026, badEvery: 50, format: 'csv', encoding: 'gbk' });
    const fileMb = Number((statSync(file).size / 1048576).toFixed(1));
    emit({ bench: 'customer-import', step: 'generate', rows, fileMb, seconds: Number(((performance.now() - g0) / 1000).toFixed(1)) });
    const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';
    const results: Record<string, Record<string, unknown>> = {};
    for (const mode of ['streaming', 'naive']) {
      const scratch = process.env.DATABASE_URL ? await freshPostgresUrl(process.env.DATABASE_URL) : null;
      try {
        const loadBefore = load();
        const r = await runWorker({ KOI_BENCH_MODE: mode, KOI_BENCH_FILE: file, KOI_BENCH_NAIVE_ROWS: String(naiveRows), DATABASE_URL: scratch?.url ?? '', REDIS_URL: '' });
        results[mode] = r;
        emit({
          bench: 'customer-import', db, heapCapMb: mode === 'streaming' ? Number(process.env.KOI_BENCH_IMPORT_HEAP_MB ?? 384) : 8192, target: mode === 'streaming' ? 'koi-streaming-batches' : 'naive-in-memory-row-at-a-time', fileRows: rows, fileMb, ...r,
          ...extrapolation(r, rows), loadAvg: { before: loadBefore, after: load() },
        });
      } finally {
        await scratch?.drop();
      }
    }
    const s = results.streaming!;
    const n = results.naive!;
    emit({
      bench: 'customer-import', db, summary: true, rows,
      speedup: Number(((s.rowsPerSecond as number) / (n.rowsPerSecond as number)).toFixed(1)),
      peakRssMbStreaming: s.peakRssMb, peakRssMbNaive: n.peakRssMb,
      secondsStreaming: s.seconds, secondsNaive: extrapolation(n, rows).estimatedSecondsForFile ?? n.seconds, naiveExtrapolated: Number(n.rows) < rows,
      cores: availableParallelism(), loadAvg: load(),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
