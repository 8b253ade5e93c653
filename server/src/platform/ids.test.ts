import { describe, expect, it } from 'vitest';
import { clock } from './clock.ts';
import { newId, newNumericCode, newOrderNo } from './ids.ts';

describe('ids', () => {
  it('ids sort by creation time', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
  });

  it('order numbers read as Shanghai time and are 18 digits', () => {
    clock.set('2026-11-22T16:05:09Z'); // 00:05:09 next day in Shanghai
    const no = newOrderNo();
    clock.reset();
    expect(no).toMatch(/^261123000509\d{6}$/);
  });

  it('numeric codes are zero-padded', () => {
    for (let i = 0; i < 200; i++) expect(newNumericCode(6)).toMatch(/^\d{6}$/);
  });
});
