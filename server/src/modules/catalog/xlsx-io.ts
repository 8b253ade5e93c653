import ExcelJS from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
import type { Writable } from 'node:stream';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with a UTF-8 file name (RFC 6266 / 5987) and an ASCII fallback. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: { setEncoding(encoding: BufferEncoding): unknown }): AsyncGenerator<unknown>;
};
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

/** Decodes a byte stream as UTF-8 across chunk boundaries (a character may be split between two chunks). */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.write(c);
    if (s) yield s;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk on its own, so a Chinese character that
 * straddles two chunks becomes two U+FFFD (exceljs issues #2063, #2084, still open): about one cell
 * in two thousand of a Chinese sheet. This reader hands its XML parser text decoded across chunks.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return base._parseWorksheet.call(this, utf8(iterator), sheetNo);
  }
  _parseSharedStrings(entry: { setEncoding(encoding: BufferEncoding): unknown }) {
    entry.setEncoding('utf8');
    return base._parseSharedStrings.call(this, entry);
  }
}

/**
 * The rows of the first worksheet, streamed: exceljs' streaming reader holds one row at a time (plus
 * the shared-strings table), so a file of many thousand rows does not become a workbook in memory.
 * `values` is 1-based like Excel's columns. Other worksheets (the template's notes) are read past.
 */
export async function* firstSheetRows(file: string): AsyncGenerator<{ number: number; values: unknown[] }> {
  const reader = new Utf8WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  let first = true;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (first) yield { number: row.number, values: Array.isArray(row.values) ? row.values : [] };
    }
    first = false;
  }
}

/** A streaming workbook writer (rows are flushed as they are committed). */
export function streamingWorkbook(target: { stream: Writable } | { filename: string }) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: false, useSharedStrings: false });
}

/** A cell value to write back: primitives as they are, anything richer as its text. */
export function plainCell(v: unknown, text: (v: unknown) => string): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return text(v);
}
