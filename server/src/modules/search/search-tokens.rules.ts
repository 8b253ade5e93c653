import { cleanToken, codeChunks, cutForIndex, hanChars, isHan, isHanOnly, normalize, pinyinFull, pinyinInitials, pinyinSyllables } from './tokenize.ts';

/**
 * The lexemes a product is found by, written as a PostgreSQL tsvector literal.
 *
 * Why a literal and not `to_tsvector('simple', …)`: the text-search parser would split our tokens
 * again (an SKU code `QC-ZS-001` becomes `qc`, `-zs`, `-001`) and classifies characters by the
 * server's locale; a literal cast (`'…'::tsvector`) stores exactly these lexemes, with their
 * positions and weights, identically on PGlite and on any PostgreSQL.
 *
 * What goes in, per field (weight A > B > C > D, used by ts_rank):
 * - jieba search-mode words (紫砂壶 → 紫砂, 砂壶, 紫砂壶) at the field's weight;
 * - every Han character at consecutive positions, one weight lower, so a query word jieba did not
 *   cut the same way still matches as a phrase of characters (宜兴壶 → '宜' <-> '兴' <-> '壶');
 * - full pinyin and initials of each Chinese word of two or more characters (zishahu, zsh) and of
 *   the whole field (xihulongjing…, xhlj…) so pinyin prefixes find it;
 * - short fields (tags, category names, spec values) also whole (茶礼), and SKU codes / barcodes
 *   whole and without separators.
 */

export type Weight = 'A' | 'B' | 'C' | 'D';
export type IndexedFields = {
  title: string;
  subtitle: string;
  categoryNames: string[];
  tags: string[];
  specTerms: string[];
  codes: string[];
};

const RANK: Record<Weight, number> = { A: 4, B: 3, C: 2, D: 1 };
const LOWER: Record<Weight, Weight> = { A: 'B', B: 'C', C: 'D', D: 'D' };
/** PostgreSQL's limits: positions 1..16383; we keep a lexeme's first 64 positions (ranking needs no more). */
const MAX_POSITION = 16383;
const MAX_POSITIONS = 64;
/** Gap between fields and values so a character phrase never spans two of them. */
const GAP = 4;
const WHOLE_MAX_CHARS = 20;
const PINYIN_MAX_CHARS = 400;
/** Tails are indexed for the first this-many characters of a field (titles are at most 60). */
const SUFFIX_PINYIN_MAX_CHARS = 60;

export class LexemeSet {
  private readonly entries = new Map<string, Map<number, Weight>>();
  private next = 1;

  /** Adds a lexeme at a position with a weight; a position keeps its strongest weight. */
  add(lexeme: string, position: number, weight: Weight): void {
    if (!lexeme) return;
    const pos = Math.min(Math.max(position, 1), MAX_POSITION);
    const positions = this.entries.get(lexeme) ?? new Map<number, Weight>();
    const had = positions.get(pos);
    if (positions.size >= MAX_POSITIONS && had === undefined) return;
    if (had === undefined || RANK[weight] > RANK[had]) positions.set(pos, weight);
    this.entries.set(lexeme, positions);
  }

  /** Reserves `n` consecutive positions (plus a gap) and returns the first. */
  reserve(n: number): number {
    const start = this.next;
    this.next += n + GAP;
    return start;
  }

  lexemes(): string[] {
    return [...this.entries.keys()].sort();
  }

  weightOf(lexeme: string): Weight | null {
    const positions = this.entries.get(lexeme);
    if (!positions) return null;
    return [...positions.values()].reduce<Weight>((best, w) => (RANK[w] > RANK[best] ? w : best), 'D');
  }

  /** `'紫砂壶':1A,9B 'zsh':1B …` — the input format of the tsvector type. */
  toLiteral(): string {
    return this.lexemes()
      .map((lexeme) => {
        const positions = [...this.entries.get(lexeme)!.entries()].sort((a, b) => a[0] - b[0]);
        return `${quoteLexeme(lexeme)}:${positions.map(([p, w]) => (w === 'D' ? `${p}` : `${p}${w}`)).join(',')}`;
      })
      .join(' ');
  }
}

/** A lexeme quoted for tsvector/tsquery input: inside quotes, a quote is doubled and a backslash escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

type TextOptions = { weight: Weight; pinyinWeight: Weight; whole?: boolean; wholePinyin?: boolean };

function addText(set: LexemeSet, raw: string, opts: TextOptions): void {
  const text = normalize(raw).trim();
  if (!text) return;
  const chars = [...text];
  const start = set.reserve(chars.length);
  // Han characters at their own positions; anything else leaves a hole, which breaks a phrase.
  chars.forEach((c, i) => {
    if (isHan(c)) set.add(c, start + i, LOWER[opts.weight]);
  });
  for (const word of cutForIndex(text)) {
    if (isHanOnly(word) && [...word].length === 1) continue; // the character itself is already there
    set.add(word, start, opts.weight);
    if (hanChars(word).length >= 2) {
      set.add(pinyinFull(word), start, opts.pinyinWeight);
      set.add(pinyinInitials(word), start, opts.pinyinWeight);
    }
  }
  for (const code of codeChunks(text)) set.add(code, start, opts.weight);
  if (opts.whole && chars.length <= WHOLE_MAX_CHARS) set.add(cleanToken(text), start, opts.weight);
  if (opts.wholePinyin && hanChars(text).length >= 2) {
    // The pinyin of every tail of the text, so a typed spelling may start at any character and cross
    // word boundaries: 龙泉青瓷梅子青品茗杯 is found by meiziqing and by mzq, not only by longquan….
    set.add(pinyinFull(text).slice(0, PINYIN_MAX_CHARS), start, opts.pinyinWeight);
    set.add(pinyinInitials(text).slice(0, PINYIN_MAX_CHARS), start, opts.pinyinWeight);
    const syllables = pinyinSyllables(text).slice(0, SUFFIX_PINYIN_MAX_CHARS);
    for (let i = 1; i < syllables.length - 1; i++) {
      const tail = syllables.slice(i);
      set.add(tail.join('').slice(0, PINYIN_MAX_CHARS), start, opts.pinyinWeight);
      set.add(tail.map((x) => x[0]).join('').slice(0, PINYIN_MAX_CHARS), start, opts.pinyinWeight);
    }
  }
}

function addCode(set: LexemeSet, raw: string): void {
  const code = cleanToken(raw);
  if (!code) return;
  const at = set.reserve(1);
  set.add(code, at, 'C');
  set.add(code.replace(/[._-]/g, ''), at, 'C');
}

export function documentLexemes(f: IndexedFields): LexemeSet {
  const set = new LexemeSet();
  addText(set, f.title, { weight: 'A', pinyinWeight: 'B', wholePinyin: true });
  addText(set, f.subtitle, { weight: 'C', pinyinWeight: 'D' });
  for (const name of f.categoryNames) addText(set, name, { weight: 'B', pinyinWeight: 'C', whole: true, wholePinyin: true });
  for (const tag of f.tags) addText(set, tag, { weight: 'B', pinyinWeight: 'C', whole: true, wholePinyin: true });
  for (const term of f.specTerms) addText(set, term, { weight: 'C', pinyinWeight: 'D', whole: true });
  for (const code of f.codes) addCode(set, code);
  return set;
}
