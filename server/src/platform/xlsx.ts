import ExcelJS from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
import type { Writable } from 'node:stream';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with a UTF-8 file name (RFC 6266 / 5987) and an ASCII fallback. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A workbook written row by row to a stream or file: memory stays flat however many rows. */
export function streamingWorkbook(target: { stream: Writable } | { filename: string }) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: false, useSharedStrings: false });
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
export class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return base._parseWorksheet.call(this, utf8(iterator), sheetNo);
  }
  _parseSharedStrings(entry: { setEncoding(encoding: BufferEncoding): unknown }) {
    entry.setEncoding('utf8');
    return base._parseSharedStrings.call(this, entry);
  }
}
