import type { THotWords, TSynonymGroups } from '@koi/contracts';
import type { THotWordsInput, TSynonymGroupsInput } from '@/api/catalog-types';

type T = (key: string, values?: Record<string, unknown>) => string;

export const MAX_HOT_WORDS = 30;
export const MAX_TERMS = 10;
export const MAX_TERM_LENGTH = 20;

/** Each term once per group, trimmed, in the order typed. */
export function cleanTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((x) => x.trim()).filter(Boolean))];
}

export function synonymsToForm(groups: TSynonymGroups): string[][] {
  return groups.items.map((g) => [...g.terms]);
}

export type TResult<I> = { ok: true; input: I } | { ok: false; errors: Record<string, string> };

/** Empty groups are dropped; the others need two to ten terms of at most 20 characters. */
export function toSynonymsInput(groups: readonly (readonly string[])[], t: T): TResult<TSynonymGroupsInput> {
  const errors: Record<string, string> = {};
  const kept = groups.map(cleanTerms).filter((g) => g.length > 0);
  kept.forEach((terms, i) => {
    if (terms.length < 2) errors[`items.${i}.terms`] = t('search.groupTooSmall');
    else if (terms.length > MAX_TERMS) errors[`items.${i}.terms`] = t('search.groupTooBig', { max: MAX_TERMS });
    else if (terms.some((x) => x.length > MAX_TERM_LENGTH)) errors[`items.${i}.terms`] = t('search.termTooLong', { max: MAX_TERM_LENGTH });
  });
  if (kept.length > 500) errors.items = t('search.tooManyGroups');
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { items: kept.map((terms) => ({ terms })) } };
}

/** Hot words in the order shown to shoppers (by `sort`). */
export function hotWordsToForm(words: THotWords): string[] {
  return [...words.items].sort((a, b) => a.sort - b.sort).map((w) => w.word);
}

/** The list order becomes `sort` 0, 1, 2 …; duplicates and blanks are refused rather than silently merged. */
export function toHotWordsInput(words: readonly string[], t: T): TResult<THotWordsInput> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  const clean = words.map((w) => w.trim());
  clean.forEach((w, i) => {
    if (!w) errors[`items.${i}.word`] = t('search.wordRequired');
    else if (w.length > MAX_TERM_LENGTH) errors[`items.${i}.word`] = t('search.termTooLong', { max: MAX_TERM_LENGTH });
    else if (seen.has(w)) errors[`items.${i}.word`] = t('search.wordDuplicate');
    seen.add(w);
  });
  if (clean.length > MAX_HOT_WORDS) errors.items = t('search.tooManyWords', { max: MAX_HOT_WORDS });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { items: clean.map((word, sort) => ({ word, sort })) } };
}
