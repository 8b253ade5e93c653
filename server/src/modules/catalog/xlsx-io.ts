import { Utf8WorkbookReader } from '../../platform/xlsx.ts';

export { attachment, streamingWorkbook, XLSX_TYPE } from '../../platform/xlsx.ts';

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

/** A cell value to write back: primitives as they are, anything richer as its text. */
export function plainCell(v: unknown, text: (v: unknown) => string): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return text(v);
}
