import { describe, expect, it } from 'vitest';
import type { TSegmentRule } from '@koi/contracts';
import { CONDITION_TYPES, actualText, blankCondition, blankGroup, conditionCount, validRule } from './data.ts';

const t = (k: string) => k;

describe('segment editor data', () => {
  it('gives every condition type a blank that is valid, or invalid only for the id the operator must pick', () => {
    for (const type of CONDITION_TYPES) {
      const ok = validRule({ type: 'group', op: 'and', items: [blankCondition(type)] }) !== null;
      expect(ok).toBe(type !== 'tag' && type !== 'category_purchase');
    }
  });
  it('rejects rules nested deeper than three levels', () => {
    const deep: TSegmentRule = { type: 'group', op: 'and', items: [{ type: 'group', op: 'or', items: [{ type: 'group', op: 'and', items: [blankGroup()] }] }] };
    expect(validRule(deep)).toBeNull();
    expect(validRule(blankGroup())).not.toBeNull();
  });
  it('shows actual values in words and yuan', () => {
    expect(actualText(blankCondition('order_spend'), 123_450, t)).toBe('¥1,234.50');
    expect(actualText(blankCondition('region'), null, t)).toBe('segments.explain.unknown');
    expect(actualText(blankCondition('tag'), true, t)).toBe('segments.explain.hasTag');
    expect(conditionCount({ type: 'group', op: 'and', items: [blankCondition('gender'), blankGroup()] })).toBe(2);
  });
});
