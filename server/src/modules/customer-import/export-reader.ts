import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { Utf8WorkbookReader } from '../../platform/xlsx.ts';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportEncoding = 'utf-8' | 'gbk';
export type SourceRow = { number: number; cells: unknown[] };

/** A zip (every .xlsx is one) starts with `PK\x03\x04`. */
export function looksLikeXlsx(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32BE(0) === 0x504b0304;
}

/**
 * UTF-8 (with or without BOM) or GBK: the platforms' CSV exports are one or the other (Taobao's
 * seller-centre report is GBK, Douyin's and Youzan's UTF-8). A sample that is valid UTF-8 is UTF-8;
 * anything else is read as GB18030, the superset of GBK (so rare characters survive too).
 */
export function detectEncoding(sample: Buffer): ExportEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  // A multi-byte character may be cut at the end of the sample: drop an incomplete tail.
  let end = sample.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = sample[end - k]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= k;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

export async function sniff(file: string): Promise<{ format: ExportFormat; encoding: ExportEncoding | null; bytes: number; sample: Buffer }> {
  const fh = await open(file, 'r');
  try {
    const sample = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(sample, 0, sample.length, 0);
    const head = sample.subarray(0, bytesRead);
    const { size } = await stat(file);
    if (looksLikeXlsx(head)) return { format: 'xlsx', encoding: null, bytes: size, sample: head };
    return { format: 'csv', encoding: detectEncoding(head), bytes: size, sample: head };
  } finally {
    await fh.close();
  }
}

/** Counts the bytes read from the file, for progress. */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (err: Error | null, data?: Buffer) => void) {
    this.bytes += chunk.length;
    cb(null, chunk);
  }
}

/**
 * The rows of an export, streamed one at a time whatever its size: CSV through csv-parse (quotes,
 * embedded newlines, `="…"` cells kept literally), XLSX's first sheet through exceljs' streaming
 * reader. Cells are 0-based. `counter.bytes` tells how much of the file has been read.
 */
export function exportRows(file: string, format: ExportFormat, encoding: ExportEncoding | null): { rows: AsyncGenerator<SourceRow>; counter: ByteCounter } {
  const counter = new ByteCounter();
  const src = createReadStream(file, { highWaterMark: 256 * 1024 });
  src.on('error', (err) => counter.destroy(err));
  src.pipe(counter);
  async function* csvRows(): AsyncGenerator<SourceRow> {
    const decoded = counter.pipe(iconv.decodeStream(encoding === 'gbk' ? 'gb18030' : 'utf-8')) as unknown as Readable;
    const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }));
    try {
      for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { number: rec.info.lines, cells: rec.record };
      }
    } finally {
      parser.destroy();
      src.destroy();
    }
  }
  async function* xlsxRows(): AsyncGenerator<SourceRow> {
    const reader = new Utf8WorkbookReader(counter, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
    try {
      for await (const sheet of reader) {
        for await (const row of sheet) {
          const values = Array.isArray(row.values) ? row.values : [];
          const cells: unknown[] = [];
          for (let i = 1; i < values.length; i++) cells.push(values[i] ?? null);
          yield { number: row.number, cells };
        }
        break; // only the first sheet
      }
    } finally {
      src.destroy();
    }
  }
  return { rows: format === 'csv' ? csvRows() : xlsxRows(), counter };
}
