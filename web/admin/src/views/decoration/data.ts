import type { TCreatePageInput, TDecoratedPageSummary } from '@/api/catalog-types';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';

type T = (key: string, values?: Record<string, unknown>) => string;

/** The home page first, then the others by title. */
export function sortPages(items: readonly TDecoratedPageSummary[]): TDecoratedPageSummary[] {
  return [...items].sort((a, b) => (a.slug === 'home' ? -1 : b.slug === 'home' ? 1 : a.title.localeCompare(b.title, 'zh-CN')));
}

export function pageColumns(t: T): TColumn<TDecoratedPageSummary>[] {
  return [
    { prop: 'title', label: t('decoration.pageTitle'), minWidth: 200 },
    { prop: 'slug', label: t('decoration.slug'), minWidth: 140 },
    { prop: 'publishedVersion', label: t('decoration.state'), minWidth: 200 },
    { prop: 'updatedAt', label: t('product.updatedAt'), minWidth: 160, formatter: (r) => formatDateTime(r.updatedAt) },
  ];
}

export interface TPageForm {
  slug: string;
  title: string;
}

/** Mirrors ZCreatePageInput: the slug is part of the shop's URL (`/pages/page/page?slug=`). */
export function toCreatePageInput(form: TPageForm, t: T): { ok: true; input: TCreatePageInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const slug = form.slug.trim();
  const title = form.title.trim();
  if (!/^[a-z0-9-]{1,40}$/.test(slug)) errors.slug = t('decoration.slugInvalid');
  if (!title) errors.title = t('decoration.titleRequired');
  else if (title.length > 30) errors.title = t('decoration.titleTooLong');
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { slug, title } };
}
