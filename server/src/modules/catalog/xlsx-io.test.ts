import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { firstSheetRows, streamingWorkbook } from './xlsx-io.ts';

/** Enough Chinese text that characters land on inflate chunk boundaries many times over. */
const rows = Array.from({ length: 4000 }, (_, i) => [`宜兴原矿朱泥西施壶 ${i}`, `茶具/紫砂壶/朱泥`, '颜色', i % 3 ? '朱红' : '降坡泥', (9900 + (i % 50)) / 100]);

describe('firstSheetRows', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'koi-xlsx-'));

  it('reads every Chinese cell intact from inline strings (streaming writer)', async () => {
    const file = path.join(dir, 'inline.xlsx');
    const wb = streamingWorkbook({ filename: file });
    const ws = wb.addWorksheet('商品');
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
    const read: unknown[][] = [];
    for await (const r of firstSheetRows(file)) read.push(r.values.slice(1));
    expect(read).toEqual(rows);
  });

  it('reads every Chinese cell intact from shared strings (as Excel writes them), first sheet only', async () => {
    const file = path.join(dir, 'shared.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('商品').addRows(rows);
    wb.addWorksheet('说明').addRow(['不应读到']);
    await wb.xlsx.writeFile(file);
    const read: unknown[][] = [];
    for await (const r of firstSheetRows(file)) read.push(r.values.slice(1));
    expect(read).toEqual(rows);
    rmSync(dir, { recursive: true, force: true });
  });
});
