/**
 * The SKU matrix of the product editor: one row per combination of spec values (颜色 × 尺码 …), the
 * cartesian product of the dimensions. Pure, so that what the operator typed survives every change of
 * the dimensions: rows are matched to the new combinations by their values per dimension *name*.
 */

/** A spec dimension as edited: a name and its values (tags). */
export interface TSpecDraft {
  name: string;
  values: string[];
}

/** One SKU as the operator edits it: money as yuan text and counts as text, converted on save. */
export interface TSkuRow {
  /** The combination, one value per (complete) dimension in order; [] for a product without specs. */
  specValues: string[];
  code: string;
  price: string;
  listPrice: string;
  costPrice: string;
  weight: string;
  barcode: string;
  stock: string;
  imageUrl: string | null;
}

/** Columns a batch fill can set on every row (the code and barcode are unique per SKU, so not those). */
export const BATCH_FIELDS = ['price', 'listPrice', 'costPrice', 'weight', 'stock'] as const;
export type TBatchField = (typeof BATCH_FIELDS)[number];

/** Dimensions that can take part: a name and at least one value, values trimmed and deduplicated. */
export function completeSpecs(specs: readonly TSpecDraft[]): TSpecDraft[] {
  return specs
    .map((d) => ({ name: d.name.trim(), values: [...new Set(d.values.map((v) => v.trim()).filter(Boolean))] }))
    .filter((d) => d.name !== '' && d.values.length > 0);
}

/** [[天青, 月白], [S, M]] → [[天青, S], [天青, M], [月白, S], [月白, M]]; no dimensions → one empty combination. */
export function cartesian(dimensions: readonly (readonly string[])[]): string[][] {
  return dimensions.reduce<string[][]>((acc, values) => acc.flatMap((combo) => values.map((v) => [...combo, v])), [[]]);
}

/** A stable key of a combination (values may contain any character, so JSON rather than a separator). */
export function comboKey(specValues: readonly string[]): string {
  return JSON.stringify(specValues);
}

/** `KOI-A1-7` → `KOI-A1`: the prefix an existing code was suggested from. */
export function codePrefixOf(code: string): string {
  const m = /^(.*)-\d+$/.exec(code);
  return m ? m[1]! : code;
}

/** The next `<prefix>-<n>` no row uses yet (n counts from 1). */
export function nextCode(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const code = `${prefix}-${n}`;
    if (!taken.has(code)) return code;
  }
}

/** A prefix for a new product's codes: short, upper case, from the clock (`P` + base-36 seconds). */
export function suggestCodePrefix(now: Date): string {
  return `P${Math.floor(now.getTime() / 1000).toString(36).toUpperCase()}`;
}

export function emptyRow(specValues: string[], code: string): TSkuRow {
  return { specValues, code, price: '', listPrice: '', costPrice: '', weight: '', barcode: '', stock: '0', imageUrl: null };
}

/** The values of a row per dimension name, under the dimensions it was made for. */
function valuesByName(specValues: readonly string[], specs: readonly TSpecDraft[]): Map<string, string> {
  return new Map(specs.map((d, i) => [d.name, specValues[i] ?? ''] as const));
}

/**
 * A new combination takes over an old row when they agree on every dimension both have (by name):
 * adding 尺码 to 颜色 keeps 天青's row for 天青/S, removing 尺码 keeps 天青/S's row for 天青.
 */
function agrees(oldValues: Map<string, string>, newValues: Map<string, string>): boolean {
  for (const [name, value] of oldValues) {
    const other = newValues.get(name);
    if (other !== undefined && other !== value) return false;
  }
  return true;
}

/** A row nobody has typed into: only its suggested code and zero stock. Its code need not survive. */
export function isPristine(row: TSkuRow, codePrefix: string): boolean {
  return (
    row.price === '' &&
    row.listPrice === '' &&
    row.costPrice === '' &&
    row.weight === '' &&
    row.barcode === '' &&
    (row.stock === '' || row.stock === '0') &&
    row.imageUrl === null &&
    new RegExp(`^${codePrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(row.code)
  );
}

/**
 * The rows for `specs`, keeping what was typed: a combination that existed keeps its row as it was;
 * a new one takes over the first unused old row that agrees with it (code, barcode, stock and all),
 * and when that row is already taken (a dimension was added, so one row becomes several) it copies its
 * prices and weight under a fresh code, with no barcode and zero stock, since those belong to one SKU.
 * Rows nobody typed into are not kept (see isPristine), so a new product's codes follow the matrix.
 */
export function buildSkuRows(
  specs: readonly TSpecDraft[],
  previousSpecs: readonly TSpecDraft[],
  allPreviousRows: readonly TSkuRow[],
  codePrefix: string,
): TSkuRow[] {
  const dims = completeSpecs(specs);
  const oldDims = completeSpecs(previousSpecs);
  const combos = cartesian(dims.map((d) => d.values));
  // Untouched rows carry nothing worth keeping: dropping them numbers new codes in the matrix's order.
  const previousRows = allPreviousRows.filter((r) => !isPristine(r, codePrefix));
  const byKey = new Map(previousRows.map((r) => [comboKey(r.specValues), r] as const));
  const sameDims = comboKey(dims.map((d) => d.name)) === comboKey(oldDims.map((d) => d.name));

  const used = new Set<TSkuRow>();
  const planned: (TSkuRow | { copyOf: TSkuRow | null; specValues: string[] })[] = combos.map((specValues) => {
    const exact = sameDims ? byKey.get(comboKey(specValues)) : undefined;
    if (exact) {
      used.add(exact);
      return { ...exact, specValues };
    }
    return { copyOf: null, specValues };
  });

  // Second pass: inherit from agreeing rows, first come first served, so exact matches are never stolen.
  const oldMaps = previousRows.map((r) => ({ row: r, values: valuesByName(r.specValues, oldDims) }));
  const taken = new Set(planned.flatMap((p) => ('code' in p ? [p.code] : [])));
  return planned.map((p) => {
    if ('code' in p) return p;
    const mine = valuesByName(p.specValues, dims);
    const candidates = oldMaps.filter((o) => agrees(o.values, mine));
    const free = candidates.find((o) => !used.has(o.row));
    if (free) {
      used.add(free.row);
      taken.add(free.row.code);
      return { ...free.row, specValues: p.specValues };
    }
    const code = nextCode(codePrefix, new Set([...taken, ...previousRows.map((r) => r.code)]));
    taken.add(code);
    const source = candidates[0]?.row;
    const row = emptyRow(p.specValues, code);
    if (!source) return row;
    return { ...row, price: source.price, listPrice: source.listPrice, costPrice: source.costPrice, weight: source.weight };
  });
}

/** Sets one column on every row (批量填写). */
export function fillColumn(rows: readonly TSkuRow[], field: TBatchField, value: string): TSkuRow[] {
  return rows.map((r) => ({ ...r, [field]: value }));
}

/** Fresh `<prefix>-<n>` codes for every row, in order (after the operator changes the prefix). */
export function renumberCodes(rows: readonly TSkuRow[], prefix: string): TSkuRow[] {
  return rows.map((r, i) => ({ ...r, code: `${prefix}-${i + 1}` }));
}

/** Codes used by more than one row (the server refuses them too; this marks them before sending). */
export function duplicateCodes(rows: readonly TSkuRow[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const r of rows) {
    const code = r.code.trim();
    if (code && seen.has(code)) dup.add(code);
    seen.add(code);
  }
  return dup;
}
