import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentLexemes, quoteLexeme } from './search-tokens.rules.ts';

const pot = {
  title: '宜兴原矿紫砂壶 西施壶',
  subtitle: '朱泥 手工 180ml',
  categoryNames: ['茶具', '紫砂壶'],
  tags: ['送礼', '茶礼'],
  specTerms: ['容量', '180ml', '220ml'],
  codes: ['QC-ZS-001', '6901234567890'],
};

describe('documentLexemes', () => {
  const set = documentLexemes(pot);
  const lexemes = set.lexemes();

  it('spells every tail of the title, so pinyin may start mid-title and cross words', () => {
    const cup = documentLexemes({ ...pot, title: '龙泉青瓷梅子青品茗杯', tags: [], categoryNames: [] }).lexemes();
    expect(cup).toEqual(expect.arrayContaining(['meiziqingpinmingbei', 'mzqpmb', 'qingcimeiziqingpinmingbei']));
  });

  it('holds jieba words, their pinyin and initials, and every Chinese character', () => {
    expect(lexemes).toEqual(expect.arrayContaining(['紫砂壶', '紫砂', '宜兴', '西施', 'zishahu', 'zsh', 'zisha', 'yixing', '紫', '砂', '壶']));
  });

  it('holds the whole title in pinyin and initials, so a pinyin prefix of the title finds it', () => {
    expect(lexemes).toContain('yixingyuankuangzishahuxishihu');
    expect(lexemes).toContain('yxykzshxsh');
  });

  it('keeps short fields whole (a tag jieba splits is still one lexeme)', () => {
    expect(lexemes).toContain('茶礼');
    expect(lexemes).toContain('180ml');
  });

  it('keeps SKU codes whole, lower case, and without separators', () => {
    expect(lexemes).toEqual(expect.arrayContaining(['qc-zs-001', 'qczs001', '6901234567890']));
  });

  it('weighs the title above categories and tags, above specs and codes', () => {
    expect(set.weightOf('紫砂壶')).toBe('A');
    expect(set.weightOf('送礼')).toBe('B');
    expect(set.weightOf('220ml')).toBe('C');
    expect(set.weightOf('qc-zs-001')).toBe('C');
  });

  it('gives characters of one field consecutive positions and leaves gaps between fields', () => {
    const literal = set.toLiteral();
    const pos = (lexeme: string) => new RegExp(`'${lexeme}':([0-9A-D,]+)`).exec(literal)![1]!.split(',').map((p) => Number.parseInt(p, 10));
    const [zi] = pos('紫');
    expect(pos('砂')).toContain(zi! + 1);
    expect(pos('壶')).toContain(zi! + 2);
    // 壶 of 紫砂壶 and 西 of 西施壶 are separated by a space: no phrase across it.
    expect(pos('西')).not.toContain(zi! + 3);
  });

  it('only ever writes letters, digits and . _ - inside quotes (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), (title, tags) => {
      const l = documentLexemes({ title, subtitle: '', categoryNames: [], tags, specTerms: [], codes: tags });
      return l.lexemes().every((x) => /^[\p{L}\p{N}._-]+$/u.test(x));
    }), { numRuns: 300 });
  });
});

describe('quoteLexeme', () => {
  it('doubles quotes and escapes backslashes', () => {
    expect(quoteLexeme("a'b")).toBe("'a''b'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });
});
