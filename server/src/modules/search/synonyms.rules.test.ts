import { describe, expect, it } from 'vitest';
import { normalizeSynonymGroups } from './synonyms.rules.ts';

describe('normalizeSynonymGroups', () => {
  it('folds width and case, drops repeats inside a group', () => {
    expect(normalizeSynonymGroups([{ terms: ['紫砂壶', '宜兴壶', '宜兴壶', 'ＺＳＨ'] }])).toEqual([['紫砂壶', '宜兴壶', 'zsh']]);
  });

  it('refuses a term in two groups, and a group left with one term', () => {
    expect(() => normalizeSynonymGroups([{ terms: ['茶壶', '紫砂壶'] }, { terms: ['茶壶', '泡茶壶'] }])).toThrow(/more than one group/);
    expect(() => normalizeSynonymGroups([{ terms: ['盖碗', '盖碗'] }])).toThrow(/fewer than two/);
    expect(() => normalizeSynonymGroups([{ terms: ['盖碗', '!!'] }])).toThrow(/no letters or digits/);
  });
});
