import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToYuan, MAX_ALIPAY_FEN, yuanToFen } from './amount.rules.ts';

describe('yuan ↔ fen (Alipay amounts)', () => {
  it('formats fen as two-decimal yuan', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(1)).toBe('0.01');
    expect(fenToYuan(29)).toBe('0.29');
    expect(fenToYuan(8888)).toBe('88.88');
    expect(fenToYuan(100)).toBe('1.00');
    expect(fenToYuan(123456789)).toBe('1234567.89');
    expect(() => fenToYuan(-1)).toThrow(RangeError);
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
  });

  it('parses exactly the amounts Alipay sends', () => {
    expect(yuanToFen('88.88')).toBe(8888);
    expect(yuanToFen('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(yuanToFen('20')).toBe(2000);
    expect(yuanToFen('0.5')).toBe(50);
    expect(yuanToFen('0.00')).toBe(0);
    for (const bad of ['', ' 1.00', '1.00 ', '-1.00', '+1.00', '1.001', '1e2', '01.00', '1.', '.5', '1,000.00', 'NaN', '100000000.01']) {
      expect(yuanToFen(bad), bad).toBeNull();
    }
    expect(yuanToFen(fenToYuan(MAX_ALIPAY_FEN))).toBe(MAX_ALIPAY_FEN);
  });

  it('round-trips every amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_ALIPAY_FEN }), (fen) => yuanToFen(fenToYuan(fen)) === fen));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = `${yuan}.${String(cents).padStart(2, '0')}`;
        return fenToYuan(yuanToFen(text)!) === text;
      }),
    );
  });
});
