import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dataProblems, fitValue, keyType, valueProblem, wechatAmount, wechatTime, WECHAT_KEY_TYPES } from './wechat-values.rules.ts';

describe('WeChat subscribe-message value rules', () => {
  it('reads the key type from the key name', () => {
    expect(keyType('thing1')).toBe('thing');
    expect(keyType('character_string12')).toBe('character_string');
    expect(keyType('amount2')).toBe('amount');
    expect(keyType('thing')).toBeNull();
    expect(keyType('colour3')).toBeNull();
  });

  it('accepts the documented examples and refuses what WeChat refuses', () => {
    expect(valueProblem('thing', '青瓷小筑·汝窑天青盖碗')).toBeNull();
    expect(valueProblem('thing', '一二三四五六七八九十一二三四五六七八九十一')).not.toBeNull();
    expect(valueProblem('character_string', 'KOI20261122000123')).toBeNull();
    expect(valueProblem('character_string', '订单123')).not.toBeNull();
    expect(valueProblem('character_string', 'x'.repeat(33))).not.toBeNull();
    expect(valueProblem('time', '15:01')).toBeNull();
    expect(valueProblem('time', '2019年10月1日 15:01')).toBeNull();
    expect(valueProblem('time', '2019-10-01 15:01')).not.toBeNull();
    expect(valueProblem('time', '25:01')).not.toBeNull();
    expect(valueProblem('date', '2019年10月1日')).toBeNull();
    expect(valueProblem('amount', '¥100.00')).toBeNull();
    expect(valueProblem('amount', '100元')).toBeNull();
    expect(valueProblem('amount', '100.00')).not.toBeNull();
    expect(valueProblem('amount', '¥12345678901')).not.toBeNull();
    expect(valueProblem('phrase', '已发货')).toBeNull();
    expect(valueProblem('phrase', '已经发货了啊')).not.toBeNull();
    expect(valueProblem('phrase', 'ok')).not.toBeNull();
    expect(valueProblem('number', '3.5')).toBeNull();
    expect(valueProblem('number', '3a')).not.toBeNull();
    expect(valueProblem('name', '林小姐')).toBeNull();
    expect(valueProblem('phone_number', '+86 138-0013-8000')).toBeNull();
    for (const t of WECHAT_KEY_TYPES) expect(valueProblem(t, '')).toBe('empty');
  });

  it('fits any text into thing (≤ 20), phrase (≤ 5 Han) and character_string (≤ 32 printable ASCII)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }), (s) => {
      const thing = fitValue('thing', s);
      if (s.trim()) expect(valueProblem('thing', thing)).toBeNull();
      const cs = fitValue('character_string', s);
      expect(valueProblem('character_string', cs)).toBeNull();
    }));
    expect(fitValue('thing', '一二三四五六七八九十一二三四五六七八九十一二')).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(fitValue('phrase', '已经发货了啊')).toBe('已经发货了');
    expect(fitValue('character_string', '单号 SF 1234')).toBe('SF1234');
  });

  it('lists every bad key of a data object as 47003 would', () => {
    const problems = dataProblems({ thing1: { value: 'x'.repeat(21) }, amount2: { value: '100' }, foo3: { value: 'a' } }, ['thing1', 'amount2', 'time4']);
    expect(problems).toEqual([
      'data.time4 is missing',
      'data.thing1.value longer than 20 characters',
      'data.amount2.value not an amount (¥100.00)',
      'data.foo3 is not a template key',
    ]);
  });

  it('formats time in China time and fen as an amount', () => {
    expect(wechatTime(new Date('2026-11-22T16:05:00Z'))).toBe('2026年11月23日 00:05');
    expect(valueProblem('time', wechatTime(new Date('2026-01-02T03:04:00Z')))).toBeNull();
    expect(wechatAmount(12800)).toBe('¥128.00');
    expect(wechatAmount(5)).toBe('¥0.05');
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (fen) => valueProblem('amount', wechatAmount(fen)) === null));
  });
});
