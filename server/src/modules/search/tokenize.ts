import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';

/**
 * Chinese word segmentation (jieba) and pinyin (pinyin-pro), the only two sources of search terms.
 * Deterministic and free of I/O: the same text always gives the same tokens, on every process.
 */

/** Words of the trade that jieba's general dictionary splits (公道杯 → 公道 + 杯) or does not know. */
const TRADE_WORDS = [
  '紫砂壶', '宜兴壶', '西施壶', '石瓢壶', '提梁壶', '侧把壶', '朱泥', '段泥', '紫泥', '盖碗', '公道杯', '品茗杯', '主人杯',
  '闻香杯', '建盏', '天目盏', '茶宠', '茶盘', '茶则', '茶针', '茶漏', '茶洗', '茶席', '茶礼', '茶具', '茶仓', '青瓷', '汝窑',
  '柴烧', '粗陶', '白牡丹', '寿眉', '银针', '正山小种', '金骏眉', '大红袍', '肉桂', '铁观音', '凤凰单丛', '明前', '雨前',
];

const jieba = Jieba.withDict(dict);
jieba.loadDict(Buffer.from(TRADE_WORDS.map((w) => `${w} 20000 n`).join('\n')));

/** Han characters that are letters (not radicals such as ⺀, which are symbols). */
const HAN = /(?=\p{L})\p{Script=Han}/u;
const HAN_ONLY = /^(?:(?=\p{L})\p{Script=Han})+$/u;
/** Characters a lexeme may hold: letters, digits, and the separators of SKU codes. */
const NOT_LEXEME = /[^\p{L}\p{N}._-]+/gu;

/** A latin/digit run joined by separators (an SKU code, a model number): jieba would cut it apart. */
const CODE = /[a-z0-9]+(?:[._-]+[a-z0-9]+)+/g;

/** The code-like runs of a text, whole (`qc-zs-001`), wherever they stand. */
export function codeChunks(text: string): string[] {
  return [...normalize(text).matchAll(CODE)].map((m) => m[0]);
}

/** Full-width to half-width (ＺＳＨ → zsh), lower case. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A raw token reduced to lexeme characters; '' when nothing meaningful is left (spaces, punctuation, lone '-'). */
export function cleanToken(token: string): string {
  const t = normalize(token).replace(NOT_LEXEME, '').replace(/^[._-]+|[._-]+$/g, '');
  return /[\p{L}\p{N}]/u.test(t) ? t : '';
}

function clean(tokens: string[]): string[] {
  return tokens.map(cleanToken).filter(Boolean);
}

/** Search-mode segmentation for documents: words and the shorter words inside them (紫砂壶 → 紫砂, 砂壶, 紫砂壶). */
export function cutForIndex(text: string): string[] {
  return clean(jieba.cutForSearch(normalize(text), true));
}

/** Precise segmentation for queries: each word is one term every result must contain. */
export function cutForQuery(text: string): string[] {
  const t = normalize(text);
  const out: string[] = [];
  let at = 0;
  for (const m of t.matchAll(CODE)) {
    out.push(...clean(jieba.cut(t.slice(at, m.index), true)), m[0]);
    at = m.index + m[0].length;
  }
  out.push(...clean(jieba.cut(t.slice(at), true)));
  return out;
}

export function isHan(text: string): boolean {
  return HAN.test(text);
}

export function isHanOnly(text: string): boolean {
  return HAN_ONLY.test(text);
}

/** The Han characters of a text, in order. */
export function hanChars(text: string): string[] {
  return [...text].filter((c) => HAN.test(c));
}

/** Words repeat across a catalog: their spellings are remembered (bounded; cleared when full). */
const SPELLINGS_MAX = 50_000;
const spellings = new Map<string, { full: string; initials: string }>();

/** Syllables without tones, ü as v as people type it; initials are their first letters (zh → z). */
function spell(text: string): { full: string; initials: string } {
  const han = hanChars(text).join('');
  if (!han) return { full: '', initials: '' };
  let s = spellings.get(han);
  if (!s) {
    const syllables = (pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[]).map((x) => x.replace(/[^a-z]/g, '')).filter(Boolean);
    s = { full: syllables.join(''), initials: syllables.map((x) => x[0]).join('') };
    if (spellings.size >= SPELLINGS_MAX) spellings.clear();
    spellings.set(han, s);
  }
  return s;
}

/** One toneless syllable per Chinese character, in order: 梅子青 → [mei, zi, qing]. */
export function pinyinSyllables(text: string): string[] {
  const han = hanChars(text).join('');
  if (!han) return [];
  return (pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[]).map((x) => x.replace(/[^a-z]/g, '')).filter(Boolean);
}

/** Full pinyin without tones or spaces: 紫砂壶 → zishahu, 绿茶 → lvcha. '' without Han. */
export function pinyinFull(text: string): string {
  return spell(text).full;
}

/** Initials of each syllable: 紫砂壶 → zsh. '' without Han. */
export function pinyinInitials(text: string): string {
  return spell(text).initials;
}
