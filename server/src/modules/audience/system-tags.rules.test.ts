import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_TAG_SETTINGS, SYSTEM_TAGS, spendLevel } from './system-tags.rules.ts';

describe('spend level', () => {
  const config = { windowDays: 365, highFromFen: 200_000, midFromFen: 50_000 };
  it('bands at the configured fen, inclusive', () => {
    expect(spendLevel(0, config)).toBeNull();
    expect(spendLevel(1, config)).toBe('low');
    expect(spendLevel(49_999, config)).toBe('low');
    expect(spendLevel(50_000, config)).toBe('mid');
    expect(spendLevel(199_999, config)).toBe('mid');
    expect(spendLevel(200_000, config)).toBe('high');
  });
  it('is monotone in spend', () => {
    const rank = (l: ReturnType<typeof spendLevel>) => (l === null ? 0 : { low: 1, mid: 2, high: 3 }[l]);
    fc.assert(fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return rank(spendLevel(lo, config)) <= rank(spendLevel(hi, config));
    }));
  });
});

describe('system tag definitions', () => {
  it('are 8 RFM groups, 6 lifecycle stages and 3 spend levels with unique codes', () => {
    expect(SYSTEM_TAGS.filter((t) => t.group === 'rfm')).toHaveLength(8);
    expect(SYSTEM_TAGS.filter((t) => t.group === 'lifecycle')).toHaveLength(6);
    expect(SYSTEM_TAGS.filter((t) => t.group === 'spend')).toHaveLength(3);
    expect(new Set(SYSTEM_TAGS.map((t) => t.code)).size).toBe(SYSTEM_TAGS.length);
  });
  it('default settings parse from the contract defaults', () => {
    expect(DEFAULT_TAG_SETTINGS.rfm.windowDays).toBe(365);
    expect(DEFAULT_TAG_SETTINGS.lifecycle.dormantAfterDays).toBe(90);
    expect(DEFAULT_TAG_SETTINGS.spend.highFromFen).toBeGreaterThan(DEFAULT_TAG_SETTINGS.spend.midFromFen);
  });
});
