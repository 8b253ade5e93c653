import type { TCategory, TCategoryInput, TCategoryPatch } from '@koi/contracts';

type T = (key: string, values?: Record<string, unknown>) => string;

/** Three levels (茶器 › 盖碗 › 汝窑盖碗) are plenty; the shop's navigation shows two. */
export const MAX_DEPTH = 3;

export interface TCategoryForm {
  name: string;
  parentId: string;
  icon: string;
  sort: number;
}

export function emptyCategoryForm(parentId: string | null, sort = 0): TCategoryForm {
  return { name: '', parentId: parentId ?? '', icon: '', sort };
}

export function categoryToForm(c: TCategory): TCategoryForm {
  return { name: c.name, parentId: c.parentId ?? '', icon: c.icon ?? '', sort: c.sort };
}

export function toCategoryInput(form: TCategoryForm): TCategoryInput {
  return { name: form.name.trim(), parentId: form.parentId || null, icon: form.icon || null, sort: form.sort };
}

/** Only what changed, for PATCH. */
export function toCategoryPatch(form: TCategoryForm, original: TCategory): TCategoryPatch {
  const next = toCategoryInput(form);
  const patch: TCategoryPatch = {};
  if (next.name !== original.name) patch.name = next.name;
  if (next.parentId !== original.parentId) patch.parentId = next.parentId;
  if (next.icon !== original.icon) patch.icon = next.icon;
  if (next.sort !== original.sort) patch.sort = next.sort;
  return patch;
}

/** Mirrors ZCategoryInput's name rule. */
export function nameError(name: string, t: T): string | undefined {
  const n = name.trim();
  if (!n) return t('category.nameRequired');
  if (n.length > 20) return t('category.nameTooLong');
  return undefined;
}

/**
 * After a drag, the siblings in their new order get sorts 10, 20, 30 …; only those whose sort changed
 * are sent. Gaps of ten leave room for a manual sort between two categories.
 */
export function resortPatches(orderedIds: readonly string[], sorts: ReadonlyMap<string, number>): { id: string; sort: number }[] {
  return orderedIds.flatMap((id, i) => {
    const sort = (i + 1) * 10;
    return sorts.get(id) === sort ? [] : [{ id, sort }];
  });
}

/** The sort a new child gets: after its last sibling. */
export function nextSort(siblings: readonly TCategory[]): number {
  return Math.min(9999, siblings.reduce((max, c) => Math.max(max, c.sort), 0) + 10);
}
