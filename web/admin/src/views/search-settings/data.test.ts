import { ZHotWordsInput, ZSynonymGroupsInput } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { hotWordsToForm, toHotWordsInput, toSynonymsInput } from './data.ts';

const t = (key: string) => key;

describe('synonyms', () => {
  it('drops empty groups, dedupes terms and makes a valid request', () => {
    const out = toSynonymsInput([[' 紫砂壶', '宜兴壶', '紫砂壶', '茶壶'], [], ['  ']], t);
    expect(out).toEqual({ ok: true, input: { items: [{ terms: ['紫砂壶', '宜兴壶', '茶壶'] }] } });
    if (out.ok) expect(ZSynonymGroupsInput.safeParse(out.input).success).toBe(true);
  });

  it('needs at least two terms per group', () => {
    expect(toSynonymsInput([['盖碗', '三才碗'], ['公道杯']], t)).toEqual({ ok: false, errors: { 'items.1.terms': 'search.groupTooSmall' } });
  });
});

describe('hot words', () => {
  it('orders by sort and writes the list order back as sort', () => {
    expect(hotWordsToForm({ items: [{ word: '建盏', sort: 2 }, { word: '紫砂壶', sort: 0 }, { word: '盖碗', sort: 1 }] })).toEqual(['紫砂壶', '盖碗', '建盏']);
    const out = toHotWordsInput(['建盏', ' 盖碗 '], t);
    expect(out).toEqual({ ok: true, input: { items: [{ word: '建盏', sort: 0 }, { word: '盖碗', sort: 1 }] } });
    if (out.ok) expect(ZHotWordsInput.safeParse(out.input).success).toBe(true);
  });

  it('refuses blanks and duplicates at their row', () => {
    expect(toHotWordsInput(['建盏', '', '建盏'], t)).toEqual({ ok: false, errors: { 'items.1.word': 'search.wordRequired', 'items.2.word': 'search.wordDuplicate' } });
  });
});
