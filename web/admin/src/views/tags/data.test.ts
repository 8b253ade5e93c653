import { describe, expect, it } from 'vitest';
import { describeCondition, describeRule, describeSystem } from './data.ts';

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}${JSON.stringify(named)}` : key);

describe('tag reasons in words', () => {
  it('describes a rule with the server’s fen shown as yuan', () => {
    expect(describeCondition({ type: 'order_spend', withinDays: 365, cmp: 'gte', valueFen: 200_000 }, t)).toContain('¥2,000.00');
    expect(describeRule({ type: 'group', op: 'or', items: [
      { type: 'source_channel', in: ['douyin'] }, { type: 'tag', op: 'has', tagId: 'x' },
    ] }, t, { tag: () => '紫砂壶爱好者' })).toBe('tags.rule.types.source_channel ∈ tags.channels.douyin tags.rule.or tags.rule.has「紫砂壶爱好者」');
  });
  it('describes a spend level from its facts and bands', () => {
    const s = describeSystem({ kind: 'spend', level: 'high', spentFen: 219_200, config: { windowDays: 365, highFromFen: 200_000, midFromFen: 50_000 }, computedAt: '2026-01-01T00:00:00.000Z' }, t);
    expect(s).toContain('¥2,192.00');
    expect(s).toContain('¥2,000.00');
  });
});
