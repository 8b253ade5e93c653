import ExcelJS from 'exceljs';
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
