import { cellText, ERROR_HEADER } from './import-rows.rules.ts';
import type { RowErrors } from './import-groups.rules.ts';
import { firstSheetRows, plainCell, streamingWorkbook } from './xlsx-io.ts';

/**
 * The error report: every uploaded row at its original row number, with an 错误 column holding
 * the reasons. Streams the upload a second time instead of keeping its cells in memory.
 */
export async function writeErrorReport(upload: string, out: string, errors: RowErrors, headerRowNumber: number): Promise<void> {
  const wb = streamingWorkbook({ filename: out });
  const ws = wb.addWorksheet('导入错误');
  let width = 0;
  for await (const r of firstSheetRows(upload)) {
    const cells = r.values.slice(1).map((v) => plainCell(v, cellText));
    if (r.number === headerRowNumber) width = cells.length;
    const note = r.number === headerRowNumber ? ERROR_HEADER : (errors.byRow.get(r.number) ?? []).join('；');
    // The errors go in their own column right after the header's columns (cells beyond it have no header and are not imported).
    const values = Array.from({ length: width + 1 }, (_, i) => (i < width ? (cells[i] ?? null) : note || null));
    const row = ws.getRow(r.number);
    row.values = values;
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
