import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import en from '@/i18n/locales/en.shipping.ts';
import zh from '@/i18n/locales/zh-CN.shipping.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('shipping template messages', () => {
  it('has the same keys in both languages and every message compiles', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const key of keys(zh)) {
        const text = i18n.global.t(key, { n: 2, name: 'x', amount: '¥1.00', quantity: 2, first: 1, firstFee: '¥1.00', additional: 1, additionalFee: '¥1.00' });
        expect(text, `${locale} ${key}`).not.toBe(key);
      }
    }
    i18n.global.locale.value = 'zh-CN';
  });
});
