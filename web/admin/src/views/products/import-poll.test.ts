import type { TImportStatus } from '@koi/contracts';
import { describe, expect, it, vi } from 'vitest';
import { importFinished, importPercent, importProgressStatus, pollImport } from './import-poll.ts';

function status(patch: Partial<TImportStatus>): TImportStatus {
  return {
    id: 'imp_1',
    status: 'validating',
    fileName: '商品.xlsx',
    totalRows: 2000,
    processedRows: 0,
    createdProducts: 0,
    updatedProducts: 0,
    errorCount: 0,
    errorReportUrl: null,
    message: null,
    startedAt: '2026-03-01T00:00:00Z',
    finishedAt: null,
    ...patch,
  };
}

describe('import progress', () => {
  it('reports percent of rows processed and the bar colour', () => {
    expect(importPercent(status({ processedRows: 500 }))).toBe(25);
    expect(importPercent(status({ totalRows: 0 }))).toBe(0);
    expect(importPercent(status({ status: 'done', processedRows: 1999 }))).toBe(100);
    expect(importPercent(status({ status: 'rejected', processedRows: 0 }))).toBe(100);
    expect(importPercent(status({ status: 'failed', processedRows: 500 }))).toBe(25);
    expect(importProgressStatus(status({ status: 'rejected' }))).toBe('exception');
    expect(importProgressStatus(status({ status: 'importing' }))).toBeUndefined();
    expect(['validating', 'importing', 'done', 'rejected', 'failed'].map((s) => importFinished(s as TImportStatus['status']))).toEqual([false, false, true, true, true]);
  });
});

describe('pollImport', () => {
  const sleep = vi.fn(async () => {});

  it('polls until the import is done, reporting every step', async () => {
    const answers = [status({ processedRows: 100 }), status({ status: 'importing', processedRows: 1500 }), status({ status: 'done', processedRows: 2000, createdProducts: 480 })];
    const getStatus = vi.fn(async () => answers.shift()!);
    const seen: number[] = [];
    const out = await pollImport('imp_1', { getStatus, sleep, onUpdate: (s) => seen.push(s.processedRows), cancelled: () => false });
    expect(out?.status).toBe('done');
    expect(seen).toEqual([100, 1500, 2000]);
    expect(getStatus).toHaveBeenCalledTimes(3);
  });

  it('stops at a rejected import, whose report says how many rows were bad', async () => {
    const getStatus = vi.fn(async () => status({ status: 'rejected', errorCount: 3, errorReportUrl: '/api/admin/catalog/import/imp_1/errors.xlsx' }));
    const out = await pollImport('imp_1', { getStatus, sleep, onUpdate: () => {}, cancelled: () => false });
    expect(out).toMatchObject({ status: 'rejected', errorCount: 3 });
    expect(getStatus).toHaveBeenCalledOnce();
  });

  it('survives a few failed polls, and gives up after too many in a row', async () => {
    let n = 0;
    const flaky = vi.fn(async () => {
      n += 1;
      if (n <= 2) throw new Error('blip');
      return status({ status: 'done' });
    });
    expect((await pollImport('imp_1', { getStatus: flaky, sleep, onUpdate: () => {}, cancelled: () => false }))?.status).toBe('done');
    const down = vi.fn(async () => Promise.reject(new Error('down')));
    await expect(pollImport('imp_1', { getStatus: down, sleep, onUpdate: () => {}, cancelled: () => false, maxFailures: 3 })).rejects.toThrow('down');
    expect(down).toHaveBeenCalledTimes(3);
  });

  it('stops when cancelled (the dialog was closed)', async () => {
    let polls = 0;
    const getStatus = vi.fn(async () => {
      polls += 1;
      return status({ processedRows: polls });
    });
    const onUpdate = vi.fn();
    await pollImport('imp_1', { getStatus, sleep, onUpdate, cancelled: () => polls >= 2 });
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });
});
