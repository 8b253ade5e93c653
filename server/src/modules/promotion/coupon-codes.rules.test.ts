import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_ALPHABET, CODE_LENGTH, checkSymbol, formatCode, generatedCode, isGeneratedCode, normalizeCode, validSharedCode, worthLookingUp } from './coupon-codes.rules.ts';

const body = fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 10, maxLength: 10 }).map((a) => a.join(''));
const code = body.map((b) => b + checkSymbol(b));

describe('redeem codes', () => {
  it('generates 11 alphabet symbols whose check symbol holds, from unbiased bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
      const c = generatedCode(bytes);
      if (bytes.filter((b) => b < 248).length < 10) return c === null;
      return c !== null && c.length === CODE_LENGTH && isGeneratedCode(c) && [...c].every((ch) => CODE_ALPHABET.includes(ch));
    }));
    // Bytes 248..255 are skipped (they would favour the first symbols).
    expect(generatedCode(new Uint8Array([248, 255, ...Array(10).fill(0)]))).toBe(`AAAAAAAAAA${checkSymbol('AAAAAAAAAA')}`);
    expect(CODE_ALPHABET).not.toMatch(/[0O1IZ]/);
  });

  it('catches every single-symbol typo', () => {
    fc.assert(fc.property(code, fc.integer({ min: 0, max: CODE_LENGTH - 1 }), fc.constantFrom(...CODE_ALPHABET), (c, i, ch) => {
      fc.pre(c[i] !== ch);
      return !isGeneratedCode(c.slice(0, i) + ch + c.slice(i + 1));
    }), { numRuns: 2000 });
  });

  it('catches every swap of two different neighbours', () => {
    fc.assert(fc.property(code, fc.integer({ min: 0, max: CODE_LENGTH - 2 }), (c, i) => {
      fc.pre(c[i] !== c[i + 1]);
      return !isGeneratedCode(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2));
    }), { numRuns: 2000 });
  });

  it('reads what shoppers type: case, spaces and dashes do not matter', () => {
    fc.assert(fc.property(code, (c) => normalizeCode(` ${formatCode(c).toLowerCase()} `) === c));
    expect(formatCode('ABCDEFGHJKL')).toBe('ABCD-EFGH-JKL');
    expect(formatCode('SPRING2026')).toBe('SPRING2026');
  });

  it('only asks the database about possible codes', () => {
    fc.assert(fc.property(code, (c) => worthLookingUp(c)));
    expect(worthLookingUp('SPRING2026')).toBe(true);
    expect(worthLookingUp('AB')).toBe(false);
    expect(worthLookingUp('ABC$')).toBe(false);
    // 11 alphabet symbols with a wrong check symbol: a typo of a generated code.
    const c = `AAAAAAAAAA${checkSymbol('AAAAAAAAAA')}`;
    expect(worthLookingUp(c.slice(0, 10) + (c[10] === 'B' ? 'C' : 'B'))).toBe(false);
    // The operator may not pick a shared code shaped like a generated one.
    expect(validSharedCode(c)).toBe(false);
    expect(validSharedCode('NEWYEAR2027')).toBe(true); // 11 symbols but 0 and 1 are not in the alphabet
    expect(validSharedCode('TEA')).toBe(false);
  });
});
