import { describe, expect, it } from 'vitest';
import { planQuery, soundsLike } from './search-query.rules.ts';

describe('planQuery', () => {
  it('matches a Chinese word as a word or as a phrase of its characters, the last one as a prefix', () => {
    const p = planQuery('紫砂壶', []);
    expect(p.tokens).toEqual(['紫砂壶']);
    expect(p.tsquery).toBe("('紫砂壶':* | '紫' <-> '砂' <-> '壶')");
    expect(p.pinyin).toBe(false);
  });

  it('needs every word (AND), only the last one as a prefix', () => {
    const p = planQuery('西湖龙井 明前', []);
    expect(p.tokens).toEqual(['西湖', '龙井', '明前']);
    expect(p.tsquery).toBe("('西湖' | '西' <-> '湖') & ('龙井' | '龙' <-> '井') & ('明前':* | '明' <-> '前')");
  });

  it('treats latin words as pinyin prefixes and says so', () => {
    expect(planQuery('zisha', [])).toMatchObject({ tsquery: "'zisha':*", pinyin: true });
    expect(planQuery('ZSH', [])).toMatchObject({ tsquery: "'zsh':*", pinyin: true });
    expect(planQuery('Ｚｉｓｈａ ｈｕ', []).tsquery).toBe("'zisha':* & 'hu':*");
  });

  it('expands a word of a synonym group to the whole group, found even where jieba would cut it', () => {
    const groups = [['紫砂壶', '宜兴壶', '茶壶']];
    const p = planQuery('宜兴壶 朱泥', groups);
    expect(p.tokens).toEqual(['宜兴壶', '朱泥']);
    expect(p.synonyms).toEqual(['紫砂壶', '茶壶']);
    expect(p.tsquery).toBe("(('紫砂壶' | '紫' <-> '砂' <-> '壶') | ('宜兴壶' | '宜' <-> '兴' <-> '壶') | ('茶壶' | '茶' <-> '壶')) & ('朱泥':* | '朱' <-> '泥')");
  });

  it('matches latin synonyms as whole words only', () => {
    const p = planQuery('zishahu', [['hu', 'pot']]);
    expect(p.synonyms).toEqual([]);
    expect(p.tsquery).toBe("'zishahu':*");
  });

  it('keeps SKU codes whole where jieba would cut them apart', () => {
    expect(planQuery('QC-GW-002', []).tsquery).toBe("'qc-gw-002':*");
    expect(planQuery('紫砂壶QC-ZS-001', []).tokens).toEqual(['紫砂壶', 'qc-zs-001']);
  });

  it('has nothing to search for punctuation and spaces', () => {
    expect(planQuery(' ，。!! ', [])).toEqual({ tsquery: null, tokens: [], synonyms: [], pinyin: false });
  });

  it('cannot be used to inject tsquery syntax', () => {
    const p = planQuery("a' | b:* & !c", []);
    expect(p.tsquery).toBe("'a':* & 'b':* & 'c':*");
  });
});

describe('soundsLike', () => {
  it('spells a Chinese query in pinyin as a prefix (a typo still sounds right)', () => {
    expect(soundsLike('紫沙壶')).toEqual({ tsquery: "'zishahu':*", pinyin: 'zishahu' });
    expect(soundsLike('zishahu')).toBeNull();
  });
});

describe('soundsLike with characters that have no pinyin', () => {
  it('gives no query rather than an empty lexeme', () => {
    expect(soundsLike('𧼯㡢')).toBeNull();
  });
});
