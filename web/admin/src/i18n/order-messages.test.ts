import { describe, expect, it } from 'vitest';
import { i18n } from './index.ts';
import enOrder from './locales/en.order.ts';
import zhOrder from './locales/zh-CN.order.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('order messages', () => {
  it('has the same keys in both languages', () => {
    expect(keys(enOrder).sort()).toEqual(keys(zhOrder).sort());
  });

  it('compiles every message (no stray vue-i18n syntax such as @ or unbalanced braces)', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const key of keys(zhOrder)) expect(() => i18n.global.t(key, { count: 2, no: 'x', what: 'y' }), `${locale} ${key}`).not.toThrow();
    }
    i18n.global.locale.value = 'zh-CN';
  });

  it('counts orders in English with the right plural', () => {
    i18n.global.locale.value = 'en';
    expect(i18n.global.t('order.total', { count: 1 }, 1)).toBe('1 order');
    expect(i18n.global.t('order.total', { count: 3 }, 3)).toBe('3 orders');
    i18n.global.locale.value = 'zh-CN';
    expect(i18n.global.t('order.total', { count: 3 }, 3)).toBe('共 3 个订单');
  });
});
