import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToYuan, parseYuan } from './yuan.rules.ts';

describe('parseYuan', () => {
  it('converts yuan text and numbers to exact fen', () => {
    expect(parseYuan('12.3')).toEqual({ ok: true, fen: 1230 });
    expect(parseYuan('0.07')).toEqual({ ok: true, fen: 7 });
    expect(parseYuan(' ¥1,299.00 ')).toEqual({ ok: true, fen: 129900 });
    expect(parseYuan(19.99)).toEqual({ ok: true, fen: 1999 });
    expect(parseYuan(0.29)).toEqual({ ok: true, fen: 29 }); // 0.29 * 100 = 28.999999999999996 in floats
    expect(parseYuan(1.1)).toEqual({ ok: true, fen: 110 });
    expect(parseYuan('5.')).toEqual({ ok: true, fen: 500 });
  });

  it('refuses negatives, three decimals, words and huge amounts with a reason', () => {
    for (const bad of ['-1', '1.234', 'abc', '', '1e3', '99999999999', '.5']) expect(parseYuan(bad).ok, bad).toBe(false);
    expect(parseYuan(-3)).toEqual({ ok: false, reason: '金额不能为负数' });
    expect(parseYuan(1.005)).toEqual({ ok: false, reason: '金额最多两位小数' });
    expect(parseYuan(1e-7).ok).toBe(false);
    expect(parseYuan(Number.NaN).ok).toBe(false);
  });

  it('round-trips every fen amount through its yuan text and through the number a spreadsheet stores', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (fen) => {
        const text = fenToYuan(fen);
        expect(parseYuan(text)).toEqual({ ok: true, fen });
        expect(parseYuan(Number(text))).toEqual({ ok: true, fen });
      }),
    );
  });
});

describe('fenToYuan', () => {
  it('formats with two decimals', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(129900)).toBe('1299.00');
    expect(fenToYuan(-250)).toBe('-2.50');
  });
});
