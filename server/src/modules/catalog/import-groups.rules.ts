import { ZProductInput, type TSpecDimension } from '@koi/contracts';
import { KoiError } from '../../platform/errors.ts';
import { productIssues } from './product.rules.ts';
import { COL, type ImportRow } from './import-rows.rules.ts';
import type { ProductInput } from './product-store.ts';
import type { CategoryNode } from './category.rules.ts';
import './catalog.errors.ts';

/** Reasons per spreadsheet row number. */
export class RowErrors {
  readonly byRow = new Map<number, string[]>();
  add(row: number, reason: string): void {
    const list = this.byRow.get(row) ?? [];
    if (!list.includes(reason)) list.push(reason);
    this.byRow.set(row, list);
  }
  get size(): number {
    return this.byRow.size;
  }
}

/** A product as the file describes it: its rows (one per SKU) and the input they make. */
export type ImportGroup = { title: string; category: string; rows: number[]; input: ProductInput; has: { subtitle: boolean; tags: boolean; status: boolean; purchaseLimit: boolean; images: boolean } };

const FIELD_NAMES: Record<string, string> = {
  title: COL.title, subtitle: COL.subtitle, tags: COL.tags, images: COL.images, specs: '规格', skus: 'SKU', purchaseLimit: COL.purchaseLimit,
  code: COL.code, specValues: '规格值', priceFen: COL.price, listPriceFen: COL.listPrice, costPriceFen: COL.costPrice,
  weightGrams: COL.weight, barcode: COL.barcode, stock: COL.stock,
};

const PLACEHOLDER_CATEGORY = 'unresolved';

/**
 * Groups valid rows into products by title and checks each product as the API would (the contract's
 * schema, then the product rules), reporting every problem on the row it comes from. Rows of one
 * product must agree on the product's fields and spec names; SKU codes must be unique in the file.
 */
export function groupRows(rows: readonly ImportRow[], errors: RowErrors): ImportGroup[] {
  const byTitle = new Map<string, ImportRow[]>();
  for (const r of rows) byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r]);
  const codeRow = new Map<string, { row: number; title: string }>();
  for (const r of rows) {
    const first = codeRow.get(r.code);
    if (first && first.title !== r.title) errors.add(r.row, `SKU编码「${r.code}」与第 ${first.row} 行重复`);
    else if (!first) codeRow.set(r.code, { row: r.row, title: r.title });
  }

  const groups: ImportGroup[] = [];
  for (const [title, list] of byTitle) {
    const head = list[0]!;
    const specNames = head.specs.map((s) => s.name);
    for (const r of list.slice(1)) {
      if (r.specs.map((s) => s.name).join('\u0000') !== specNames.join('\u0000')) errors.add(r.row, `规格名与同一商品第 ${head.row} 行不一致`);
      const differs = (label: string, a: unknown, b: unknown) => {
        if (b !== null && JSON.stringify(a) !== JSON.stringify(b)) errors.add(r.row, `${label}与同一商品第 ${head.row} 行不一致`);
      };
      differs(COL.category, head.category, r.category);
      differs(COL.subtitle, head.subtitle, r.subtitle || null);
      differs(COL.tags, head.tags, r.tags?.length ? r.tags : null);
      differs(COL.status, head.status, r.status);
      differs(COL.purchaseLimit, head.purchaseLimit, r.purchaseLimit);
      differs(COL.images, head.images, r.images);
    }
    const specs: TSpecDimension[] = specNames.map((name, i) => ({ name, values: [...new Set(list.map((r) => r.specs[i]?.value ?? ''))] }));
    const candidate = {
      title, subtitle: head.subtitle ?? '', categoryId: PLACEHOLDER_CATEGORY, tags: head.tags ?? [], description: '', images: head.images ?? [],
      specs,
      skus: list.map((r) => ({
        code: r.code, specValues: r.specs.map((s) => s.value), priceFen: r.priceFen, listPriceFen: r.listPriceFen, costPriceFen: r.costPriceFen,
        weightGrams: r.weightGrams, barcode: r.barcode, imageUrl: null, stock: r.stock,
      })),
      purchaseLimit: head.purchaseLimit, status: head.status ?? 'draft', scheduledOnSaleAt: null, scheduledOffSaleAt: null, shippingTemplateId: null,
    };
    const rowOf = (path: readonly PropertyKey[]) => (path[0] === 'skus' && typeof path[1] === 'number' ? list[path[1]]?.row ?? head.row : head.row);
    const parsed = ZProductInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = [...issue.path].reverse().find((p) => typeof p === 'string' && FIELD_NAMES[p]) as string | undefined;
        errors.add(rowOf(issue.path), `${field ? FIELD_NAMES[field] : '数据'}：${issue.message}`);
      }
      continue;
    }
    const issues = productIssues(parsed.data);
    for (const issue of issues) {
      const path = issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      errors.add(rowOf(path), new KoiError(issue.code, issue.params).localized('zh-CN'));
    }
    if (issues.length) continue;
    groups.push({
      title, category: head.category, rows: list.map((r) => r.row), input: parsed.data,
      has: { subtitle: head.subtitle !== null, tags: head.tags !== null, status: head.status !== null, purchaseLimit: head.purchaseLimit !== null, images: head.images !== null },
    });
  }
  return groups;
}

/** 类目 as `一级/二级` (also `>` or `／`), or a name that only one category has. */
export function resolveCategory(text: string, all: readonly CategoryNode[]): { id: string } | { error: string } {
  const parts = text.split(/\s*[/>／]\s*/).filter(Boolean);
  if (parts.length > 1) {
    const parent = all.find((c) => c.parentId === null && c.name === parts[0]);
    const child = parent && all.find((c) => c.parentId === parent.id && c.name === parts[1]);
    return parts.length === 2 && child ? { id: child.id } : { error: `类目「${text}」不存在` };
  }
  const named = all.filter((c) => c.name === text);
  if (named.length === 1) return { id: named[0]!.id };
  return { error: named.length ? `类目「${text}」有多个同名，请写成「一级/二级」` : `类目「${text}」不存在` };
}

/**
 * Which existing product each group updates (null: a new one). The SKU codes decide: all of a group's
 * codes that exist must belong to one product. Without known codes, a unique title decides.
 */
export function matchProducts(groups: readonly ImportGroup[], codeOwner: ReadonlyMap<string, string>, titleOwners: ReadonlyMap<string, string[]>, errors: RowErrors): Map<ImportGroup, string | null> {
  const out = new Map<ImportGroup, string | null>();
  const claimedBy = new Map<string, ImportGroup>();
  for (const g of groups) {
    const owners = new Set(g.input.skus.map((s) => codeOwner.get(s.code)).filter((x): x is string => !!x));
    let target: string | null = null;
    if (owners.size > 1) {
      errors.add(g.rows[0]!, `本商品的 SKU 编码分属 ${owners.size} 个已有商品`);
      continue;
    }
    if (owners.size === 1) target = [...owners][0]!;
    else {
      const named = titleOwners.get(g.title) ?? [];
      if (named.length > 1) {
        errors.add(g.rows[0]!, `已有 ${named.length} 个名为「${g.title}」的商品，请填写其已有的 SKU 编码以指明更新哪一个`);
        continue;
      }
      target = named[0] ?? null;
    }
    if (target) {
      const other = claimedBy.get(target);
      if (other) {
        errors.add(g.rows[0]!, `与第 ${other.rows[0]} 行的商品对应同一个已有商品`);
        continue;
      }
      claimedBy.set(target, g);
    }
    out.set(g, target);
  }
  return out;
}

