import { cleanToken, cutForQuery, hanChars, isHan, isHanOnly, normalize, pinyinFull } from './tokenize.ts';
import { quoteLexeme } from './search-tokens.rules.ts';

/**
 * A shopper's query as a tsquery literal over the lexemes of search-tokens.rules.ts.
 *
 * - The query is cut precisely (jieba `cut`); every word must match (AND).
 * - A Chinese word matches as a word or as a phrase of its characters ('龙井' | '龙' <-> '井'), so
 *   a word the documents were segmented differently still matches, but only with its characters
 *   adjacent in one field.
 * - Words in an operator synonym group are found first, as units, and match any term of their
 *   group (紫砂壶 | 宜兴壶 | 茶壶).
 * - The last word matches as a prefix (typing), and so does every latin word: a pinyin fragment
 *   (zisha, zsh) is a prefix of the pinyin lexemes.
 */

export type QueryPlan = {
  /** null: nothing searchable in the query (browse everything that matches the filters). */
  tsquery: string | null;
  tokens: string[];
  /** Terms added by synonym groups. */
  synonyms: string[];
  /** Some word was matched as pinyin. */
  pinyin: boolean;
};

const MAX_UNITS = 10;
const LATIN = /^[a-z]+$/;

type Unit = { text: string; group: string[] | null };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits `text` around occurrences of `term`; Han terms match anywhere, latin ones as whole words. */
function splitAround(text: string, term: string): string[] {
  const pattern = isHan(term) ? escapeRegExp(term) : `(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`;
  return text.split(new RegExp(`(${pattern})`, 'u'));
}

/** The query's units: synonym terms found in it (longest first), the rest cut by jieba. */
function unitsOf(q: string, groups: string[][]): Unit[] {
  const terms = groups
    .flatMap((g) => {
      const group = [...new Set(g.map((t) => cleanToken(t)).filter(Boolean))];
      return group.map((t) => ({ t, group }));
    })
    .sort((a, b) => b.t.length - a.t.length);
  let parts: (string | Unit)[] = [q];
  for (const { t, group } of terms) {
    parts = parts.flatMap((p) => {
      if (typeof p !== 'string' || !p.includes(t)) return [p];
      return splitAround(p, t).map((piece, i) => (i % 2 === 1 ? { text: t, group } : piece));
    });
  }
  const units = parts.flatMap((p) => (typeof p === 'string' ? cutForQuery(p).map((text) => ({ text, group: null })) : [p]));
  const seen = new Set<string>();
  return units.filter((u) => !seen.has(u.text) && seen.add(u.text)).slice(0, MAX_UNITS);
}

function termExpr(term: string, prefix: boolean): string {
  const lexeme = `${quoteLexeme(term)}${prefix ? ':*' : ''}`;
  const chars = [...term];
  if (isHanOnly(term) && chars.length > 1) return `(${lexeme} | ${chars.map(quoteLexeme).join(' <-> ')})`;
  return lexeme;
}

export function planQuery(rawQuery: string, groups: string[][]): QueryPlan {
  const q = normalize(rawQuery).trim().slice(0, 60);
  const units = unitsOf(q, groups);
  if (!units.length) return { tsquery: null, tokens: [], synonyms: [], pinyin: false };
  const parts = units.map((u, i) => {
    if (u.group) return `(${u.group.map((t) => termExpr(t, false)).join(' | ')})`;
    return termExpr(u.text, i === units.length - 1 || LATIN.test(u.text));
  });
  const synonyms = [...new Set(units.flatMap((u) => (u.group ?? []).filter((t) => t !== u.text)))];
  return {
    tsquery: parts.join(' & '),
    tokens: units.map((u) => u.text),
    synonyms,
    pinyin: units.some((u) => !u.group && LATIN.test(u.text)),
  };
}

/**
 * The query by sound, for "did you mean": 紫沙壶 (a typo) → 'zishahu':*, which finds 紫砂壶.
 * null when the query has fewer than two Chinese characters (pure pinyin was already searched as such).
 */
export function soundsLike(rawQuery: string): { tsquery: string; pinyin: string } | null {
  const q = normalize(rawQuery);
  // One character has too many homophones to be a useful guess (and only words of two or more are spelled in the index).
  if (hanChars(q).length < 2) return null;
  const pinyin = pinyinFull(q);
  // Rare characters (CJK extension B…) may have no spelling at all: then there is nothing to sound like.
  if (!pinyin) return null;
  return { tsquery: `${quoteLexeme(pinyin)}:*`, pinyin };
}
