import type { TProductStatus } from '@koi/contracts';
import { parseYuan } from './yuan.rules.ts';

/**
 * The spreadsheet layout shared by the template, the import and the export: one row per SKU, the
 * product's fields repeated on each of its rows (rows with the same 商品标题 are one product).
 * Columns are found by their header text, so their order does not matter and extra columns (行号,
 * 错误 in an error report) are ignored: a corrected error report can be imported as it is.
 */
export const COL = {
  title: '商品标题', subtitle: '副标题', category: '类目', code: 'SKU编码', price: '售价(元)', listPrice: '划线价(元)', costPrice: '成本价(元)',
  weight: '重量(克)', barcode: '条码', stock: '库存', tags: '标签', status: '状态', purchaseLimit: '限购', images: '图片',
} as const;
export type ColKey = keyof typeof COL;
export const MAX_SPEC_COLUMNS = 5;
export const specNameHeader = (n: number) => `规格${n}名`;
export const specValueHeader = (n: number) => `规格${n}值`;
export const ERROR_HEADER = '错误';
const REQUIRED: ColKey[] = ['title', 'category', 'code', 'price', 'stock'];

/** Column headers in the order the template and the export write them. */
export function headerRow(specColumns: number): string[] {
  const specs = Array.from({ length: specColumns }, (_, i) => [specNameHeader(i + 1), specValueHeader(i + 1)]).flat();
  return [COL.title, COL.subtitle, COL.category, ...specs, COL.code, COL.price, COL.listPrice, COL.costPrice, COL.weight, COL.barcode, COL.stock, COL.tags, COL.status, COL.purchaseLimit, COL.images];
}

export type HeaderMap = { cols: Map<ColKey, number>; specs: { name: number; value: number }[] };

/** Finds the columns by header text; `missing` names required headers that are absent. */
export function mapHeaders(cells: readonly unknown[]): { map: HeaderMap; missing: string[] } {
  const byText = new Map<string, number>();
  cells.forEach((c, i) => {
    const t = cellText(c);
    if (t && !byText.has(t)) byText.set(t, i);
  });
  const cols = new Map<ColKey, number>();
  for (const key of Object.keys(COL) as ColKey[]) {
    const i = byText.get(COL[key]);
    if (i !== undefined) cols.set(key, i);
  }
  const specs: HeaderMap['specs'] = [];
  for (let n = 1; n <= MAX_SPEC_COLUMNS; n++) {
    const name = byText.get(specNameHeader(n));
    const value = byText.get(specValueHeader(n));
    if (name !== undefined && value !== undefined) specs.push({ name, value });
  }
  return { map: { cols, specs }, missing: REQUIRED.filter((k) => !cols.has(k)).map((k) => COL[k]) };
}

/** A cell's value as trimmed text: rich text joined, formulas by their result, hyperlinks by their text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('').trim();
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
  }
  return '';
}

export type ImportRow = {
  row: number;
  title: string;
  subtitle: string | null;
  category: string;
  specs: { name: string; value: string }[];
  code: string;
  priceFen: number;
  listPriceFen: number | null;
  costPriceFen: number | null;
  weightGrams: number | null;
  barcode: string | null;
  stock: number;
  tags: string[] | null;
  status: TProductStatus | null;
  purchaseLimit: number | null;
  images: string[] | null;
};

const STATUS_WORDS: Record<string, TProductStatus> = {
  上架: 'on_sale', 在售: 'on_sale', 出售中: 'on_sale', on_sale: 'on_sale',
  下架: 'off_shelf', 已下架: 'off_shelf', off_shelf: 'off_shelf',
  草稿: 'draft', 仓库中: 'draft', draft: 'draft',
};
export const STATUS_LABEL: Record<TProductStatus, string> = { on_sale: '上架', off_shelf: '下架', draft: '草稿' };

/** Whole numbers only: `12` or `12.0`, never `12.5` or `1e3`. */
function parseWhole(raw: unknown): number | null {
  const t = typeof raw === 'number' ? String(raw) : cellText(raw);
  if (!/^\d+(\.0+)?$/.test(t)) return null;
  const n = Number(t.split('.')[0]);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * One data row to typed values, or the reasons it cannot be. `raw` are the row's cells by column
 * index (as the reader gives them). An empty row is `null`: it is skipped.
 */
export function parseImportRow(raw: readonly unknown[], map: HeaderMap, row: number): { ok: true; value: ImportRow } | { ok: false; errors: string[] } | null {
  const cell = (k: ColKey) => (map.cols.has(k) ? raw[map.cols.get(k)!] : undefined);
  const text = (k: ColKey) => cellText(cell(k));
  if (raw.every((c) => cellText(c) === '')) return null;

  const errors: string[] = [];
  const need = (k: ColKey) => {
    const t = text(k);
    if (!t) errors.push(`${COL[k]}不能为空`);
    return t;
  };
  const money = (k: ColKey, required: boolean): number | null => {
    const v = cell(k);
    if (cellText(v) === '') {
      if (required) errors.push(`${COL[k]}不能为空`);
      return null;
    }
    const parsed = parseYuan(typeof v === 'number' ? v : cellText(v));
    if (!parsed.ok) {
      errors.push(`${COL[k]}「${cellText(v)}」${parsed.reason}`);
      return null;
    }
    return parsed.fen;
  };
  const whole = (k: ColKey, required: boolean): number | null => {
    const t = text(k);
    if (t === '') {
      if (required) errors.push(`${COL[k]}不能为空`);
      return null;
    }
    const n = parseWhole(cell(k));
    if (n === null) errors.push(`${COL[k]}「${t}」必须是不小于 0 的整数`);
    return n;
  };

  const title = need('title');
  const category = need('category');
  const code = need('code');
  const priceFen = money('price', true);
  const listPriceFen = money('listPrice', false);
  const costPriceFen = money('costPrice', false);
  const weightGrams = whole('weight', false);
  const stock = whole('stock', true);
  const purchaseLimit = whole('purchaseLimit', false);
  const statusText = text('status');
  const status = statusText ? (STATUS_WORDS[statusText] ?? null) : null;
  if (statusText && !status) errors.push(`状态「${statusText}」无法识别，请填 上架、下架 或 草稿`);

  const specs: ImportRow['specs'] = [];
  map.specs.forEach((s, i) => {
    const name = cellText(raw[s.name]);
    const value = cellText(raw[s.value]);
    if (!name && !value) return;
    if (!name || !value) errors.push(`规格${i + 1}的名称和值要同时填写`);
    else specs.push({ name, value });
  });

  if (errors.length) return { ok: false, errors };
  const tags = text('tags');
  const images = text('images');
  return {
    ok: true,
    value: {
      row, title, category, code, specs, priceFen: priceFen!, listPriceFen, costPriceFen, weightGrams, stock: stock!, status, purchaseLimit,
      subtitle: map.cols.has('subtitle') ? text('subtitle') : null,
      barcode: text('barcode') || null,
      tags: map.cols.has('tags') ? (tags ? tags.split(/[,，、;；\s]+/).filter(Boolean) : []) : null,
      images: map.cols.has('images') && images ? images.split(/\s+/).filter(Boolean) : null,
    },
  };
}
