import { KoiError } from '../../platform/errors.ts';
import { cleanToken } from './tokenize.ts';
import './search.errors.ts';

/**
 * Synonym groups as they are matched: each term reduced to its lexeme form (full-width and case
 * folded, spaces and punctuation dropped), each group distinct, no term in two groups (otherwise
 * which group a query word expands to would depend on storage order).
 */
export function normalizeSynonymGroups(groups: { terms: string[] }[]): string[][] {
  const owner = new Map<string, number>();
  return groups.map((g, i) => {
    const terms: string[] = [];
    for (const raw of g.terms) {
      const term = cleanToken(raw);
      if (!term) throw new KoiError('search.synonym_term_invalid', { term: raw });
      if (terms.includes(term)) continue;
      if (owner.has(term)) throw new KoiError('search.synonym_term_repeated', { term });
      owner.set(term, i);
      terms.push(term);
    }
    if (terms.length < 2) throw new KoiError('search.synonym_group_too_small', { index: i + 1 });
    return terms;
  });
}
