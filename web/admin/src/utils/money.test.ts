import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuanText, parseOptionalYuan, parseWholeNumber, parseYuan } from './money.ts';

const fen = (input: string, options = {}) => {
  const r = parseYuan(input, options);
  return r.ok ? r.fen : r.error;
};

describe('parseYuan', () => {
  it('reads yuan text exactly, without floating point', () => {
    expect(fen('12.30')).toBe(1230);
    expect(fen('12.3')).toBe(1230);
    expect(fen('12.')).toBe(1200);
    expect(fen('12')).toBe(1200);
    expect(fen('0.1')).toBe(10);
    expect(fen('0.07')).toBe(7);
    expect(fen('.5')).toBe(50);
    expect(fen(' 1,280.00 ')).toBe(128000);
    expect(fen('¥9.90')).toBe(990);
    expect(fen('￥19')).toBe(1900);
    // The classic float traps: 1.13 * 100 = 112.99999999999999, 0.29 * 100 = 28.999999999999996.
    expect(fen('1.13')).toBe(113);
    expect(fen('0.29')).toBe(29);
    expect(fen('4.35')).toBe(435);
  });

  it('rejects more than two decimals, non-numbers and empty text', () => {
    expect(fen('1.234')).toBe('decimals');
    expect(fen('1.230')).toBe('decimals');
    expect(fen('')).toBe('empty');
    expect(fen('   ')).toBe('empty');
    expect(fen('abc')).toBe('format');
    expect(fen('1e3')).toBe('format');
    expect(fen('1.2.3')).toBe('format');
    expect(fen('12元')).toBe('format');
    expect(fen('0x10')).toBe('format');
  });

  it('refuses negative amounts unless asked, and amounts past the limit', () => {
    expect(fen('-1')).toBe('negative');
    expect(fen('-0')).toBe(0);
    expect(fen('-5.5', { allowNegative: true })).toBe(-550);
    expect(fen('+5', { allowNegative: true })).toBe(500);
    expect(fen('10000000')).toBe(1_000_000_000);
    expect(fen('10000000.01')).toBe('range');
    expect(fen('99999999999999999999')).toBe('range');
    expect(fen('100', { maxFen: 5000 })).toBe('range');
  });

  it('round-trips every amount in fen through the text an input shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (n) => {
        expect(parseYuan(fenToYuanText(n))).toEqual({ ok: true, fen: n });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (n) => {
        expect(parseYuan(fenToYuanText(n), { allowNegative: true })).toEqual({ ok: true, fen: n });
      }),
    );
  });

  it('agrees with integer arithmetic for any yuan and cents typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const two = `${yuan}.${String(cents).padStart(2, '0')}`;
        expect(parseYuan(two)).toEqual({ ok: true, fen: yuan * 100 + cents });
        if (cents % 10 === 0) expect(parseYuan(`${yuan}.${cents / 10}`)).toEqual({ ok: true, fen: yuan * 100 + cents });
      }),
    );
  });
});

describe('parseOptionalYuan', () => {
  it('treats empty as null and parses the rest', () => {
    expect(parseOptionalYuan('  ')).toEqual({ ok: true, fen: null });
    expect(parseOptionalYuan('8.8')).toEqual({ ok: true, fen: 880 });
    expect(parseOptionalYuan('8.888')).toEqual({ ok: false, error: 'decimals' });
  });
});

describe('fenToYuanText', () => {
  it('formats fen for an input field', () => {
    expect(fenToYuanText(1230)).toBe('12.30');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(-5)).toBe('-0.05');
    expect(fenToYuanText(0)).toBe('0.00');
    expect(fenToYuanText(null)).toBe('');
  });
});

describe('parseWholeNumber', () => {
  it('accepts whole numbers within bounds only', () => {
    expect(parseWholeNumber('12', 0, 100)).toEqual({ ok: true, value: 12 });
    expect(parseWholeNumber(' 0 ', 0, 100)).toEqual({ ok: true, value: 0 });
    expect(parseWholeNumber('1.5', 0, 100)).toEqual({ ok: false, error: 'format' });
    expect(parseWholeNumber('-1', 0, 100)).toEqual({ ok: false, error: 'range' });
    expect(parseWholeNumber('101', 0, 100)).toEqual({ ok: false, error: 'range' });
    expect(parseWholeNumber('', 0, 100)).toEqual({ ok: false, error: 'empty' });
  });
});
