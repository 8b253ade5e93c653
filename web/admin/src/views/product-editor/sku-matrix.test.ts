import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSkuRows,
  cartesian,
  codePrefixOf,
  completeSpecs,
  duplicateCodes,
  emptyRow,
  fillColumn,
  isPristine,
  nextCode,
  renumberCodes,
  suggestCodePrefix,
  type TSkuRow,
  type TSpecDraft,
} from './sku-matrix.ts';

const color: TSpecDraft = { name: '颜色', values: ['天青', '月白'] };
const size: TSpecDraft = { name: '尺码', values: ['S', 'M'] };

function typed(row: TSkuRow, price: string, extra: Partial<TSkuRow> = {}): TSkuRow {
  return { ...row, price, listPrice: '99', costPrice: '30', weight: '250', barcode: `69${price}`, stock: '7', ...extra };
}

describe('cartesian', () => {
  it('combines the values of every dimension in order', () => {
    expect(cartesian([['天青', '月白'], ['S', 'M']])).toEqual([
      ['天青', 'S'],
      ['天青', 'M'],
      ['月白', 'S'],
      ['月白', 'M'],
    ]);
    expect(cartesian([])).toEqual([[]]);
    expect(cartesian([['a'], []])).toEqual([]);
  });

  it('has the product of the sizes, every combination distinct', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), { maxLength: 3 }), (dims) => {
        const out = cartesian(dims);
        expect(out.length).toBe(dims.reduce((n, d) => n * d.length, 1));
        expect(new Set(out.map((c) => JSON.stringify(c))).size).toBe(out.length);
        for (const combo of out) combo.forEach((v, i) => expect(dims[i]).toContain(v));
      }),
    );
  });
});

describe('completeSpecs', () => {
  it('drops dimensions without a name or values, trims and dedupes values', () => {
    expect(completeSpecs([{ name: ' 颜色 ', values: [' 天青', '天青', ''] }, { name: '', values: ['x'] }, { name: '尺码', values: [] }])).toEqual([
      { name: '颜色', values: ['天青'] },
    ]);
  });
});

describe('buildSkuRows', () => {
  it('makes one row per combination with suggested codes', () => {
    const rows = buildSkuRows([color, size], [], [], 'KOI');
    expect(rows.map((r) => r.specValues)).toEqual([
      ['天青', 'S'],
      ['天青', 'M'],
      ['月白', 'S'],
      ['月白', 'M'],
    ]);
    expect(rows.map((r) => r.code)).toEqual(['KOI-1', 'KOI-2', 'KOI-3', 'KOI-4']);
    expect(rows[0]).toEqual(emptyRow(['天青', 'S'], 'KOI-1'));
  });

  it('numbers the codes in matrix order while nothing has been typed', () => {
    const one = buildSkuRows([color], [], buildSkuRows([], [], [], 'KOI'), 'KOI');
    expect(one.map((r) => r.code)).toEqual(['KOI-1', 'KOI-2']);
    const two = buildSkuRows([color, size], [color], one, 'KOI');
    expect(two.map((r) => r.code)).toEqual(['KOI-1', 'KOI-2', 'KOI-3', 'KOI-4']);
    expect(isPristine(two[0]!, 'KOI')).toBe(true);
    expect(isPristine({ ...two[0]!, stock: '3' }, 'KOI')).toBe(false);
    expect(isPristine({ ...two[0]!, code: 'MY-1' }, 'KOI')).toBe(false);
    expect(isPristine(emptyRow([], 'K.O-1'), 'K.O')).toBe(true);
    expect(isPristine(emptyRow([], 'KXO-1'), 'K.O')).toBe(false);
  });

  it('gives a product without specs a single row', () => {
    expect(buildSkuRows([], [], [], 'KOI').map((r) => [r.specValues, r.code])).toEqual([[[], 'KOI-1']]);
  });

  it('keeps every typed row when a value is added, and adds an empty row for the new one', () => {
    const before = buildSkuRows([color], [], [], 'KOI').map((r, i) => typed(r, String(10 + i)));
    const after = buildSkuRows([{ ...color, values: ['天青', '月白', '霁蓝'] }], [color], before, 'KOI');
    expect(after.slice(0, 2)).toEqual(before);
    expect(after[2]).toEqual(emptyRow(['霁蓝'], 'KOI-3'));
  });

  it('drops the rows of a removed value and keeps the others untouched', () => {
    const before = buildSkuRows([color, size], [], [], 'KOI').map((r, i) => typed(r, String(10 + i)));
    const after = buildSkuRows([{ ...color, values: ['月白'] }, size], [color, size], before, 'KOI');
    expect(after).toEqual(before.slice(2));
  });

  it('when a dimension is added, the first new row takes the old row whole and its siblings copy its prices', () => {
    const before = buildSkuRows([color], [], [], 'KOI').map((r, i) => typed(r, String(10 + i)));
    const after = buildSkuRows([color, size], [color], before, 'KOI');
    expect(after[0]).toEqual({ ...before[0]!, specValues: ['天青', 'S'] });
    expect(after[1]).toMatchObject({ specValues: ['天青', 'M'], price: '10', listPrice: '99', costPrice: '30', weight: '250', barcode: '', stock: '0' });
    expect(after[2]).toEqual({ ...before[1]!, specValues: ['月白', 'S'] });
    expect(new Set(after.map((r) => r.code)).size).toBe(4);
  });

  it('when a dimension is removed, each remaining combination keeps the first row that had its value', () => {
    const before = buildSkuRows([color, size], [], [], 'KOI').map((r, i) => typed(r, String(10 + i)));
    const after = buildSkuRows([color], [color, size], before, 'KOI');
    expect(after).toEqual([
      { ...before[0]!, specValues: ['天青'] },
      { ...before[2]!, specValues: ['月白'] },
    ]);
  });

  it('a product that gets its first dimension keeps its single row on the first combination', () => {
    const before = [typed(emptyRow([], 'TEA-1'), '88')];
    const after = buildSkuRows([color], [], before, 'TEA');
    expect(after[0]).toEqual({ ...before[0]!, specValues: ['天青'] });
    expect(after[1]).toMatchObject({ specValues: ['月白'], code: 'TEA-2', price: '88', barcode: '', stock: '0' });
  });

  it('renaming a dimension keeps the rows in order', () => {
    const before = buildSkuRows([color], [], [], 'KOI').map((r, i) => typed(r, String(10 + i)));
    const after = buildSkuRows([{ ...color, name: '釉色' }], [color], before, 'KOI');
    expect(after).toEqual(before);
  });

  it('ignores incomplete dimensions until they have a name and a value', () => {
    const before = buildSkuRows([color], [], [], 'KOI').map((r, i) => typed(r, String(10 + i)));
    expect(buildSkuRows([color, { name: '尺码', values: [] }], [color], before, 'KOI')).toEqual(before);
  });

  it('never suggests a code twice, whatever the dimensions go through', () => {
    const dim = fc.record({ name: fc.constantFrom('颜色', '尺码', '容量'), values: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(fc.array(dim, { maxLength: 3 }), { minLength: 1, maxLength: 6 }), (steps) => {
        let specs: TSpecDraft[] = [];
        let rows: TSkuRow[] = buildSkuRows(specs, [], [], 'P');
        for (const next of steps) {
          rows = buildSkuRows(next, specs, rows, 'P');
          specs = next;
          expect(duplicateCodes(rows).size).toBe(0);
          expect(rows.length).toBe(cartesian(completeSpecs(specs).map((d) => d.values)).length);
        }
      }),
    );
  });
});

describe('codes and batch fill', () => {
  it('finds the prefix of a code and the next free number', () => {
    expect(codePrefixOf('KOI-A1-7')).toBe('KOI-A1');
    expect(codePrefixOf('TEA')).toBe('TEA');
    expect(nextCode('KOI', new Set(['KOI-1', 'KOI-3']))).toBe('KOI-2');
    expect(suggestCodePrefix(new Date('2026-03-01T00:00:00Z'))).toMatch(/^P[0-9A-Z]+$/);
  });

  it('fills a column on every row and renumbers codes', () => {
    const rows = buildSkuRows([color], [], [], 'KOI');
    expect(fillColumn(rows, 'price', '12.30').map((r) => r.price)).toEqual(['12.30', '12.30']);
    expect(fillColumn(rows, 'stock', '5').map((r) => r.code)).toEqual(['KOI-1', 'KOI-2']);
    expect(renumberCodes(rows, 'CUP').map((r) => r.code)).toEqual(['CUP-1', 'CUP-2']);
  });

  it('finds duplicated codes', () => {
    const rows = [emptyRow(['a'], 'X-1'), emptyRow(['b'], 'X-1'), emptyRow(['c'], 'X-2')];
    expect([...duplicateCodes(rows)]).toEqual(['X-1']);
  });
});
