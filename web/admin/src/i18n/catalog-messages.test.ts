import { describe, expect, it } from 'vitest';
import { i18n } from './index.ts';
import enCatalog from './locales/en.catalog.ts';
import enShopWindow from './locales/en.shop-window.ts';
import zhCatalog from './locales/zh-CN.catalog.ts';
import zhShopWindow from './locales/zh-CN.shop-window.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const zh = { ...zhCatalog, ...zhShopWindow };
const en = { ...enCatalog, ...enShopWindow };

describe('catalog messages', () => {
  it('has the same keys in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('compiles every message (no stray vue-i18n syntax such as @ or unbalanced braces)', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const key of keys(zh)) expect(() => i18n.global.t(key, { count: 2, max: 3, id: 'x', name: 'n' }), `${locale} ${key}`).not.toThrow();
    }
    i18n.global.locale.value = 'zh-CN';
  });

  it('picks the English singular or plural by count, and leaves Chinese alone', () => {
    i18n.global.locale.value = 'en';
    expect(i18n.global.t('product.skuCount', { count: 1 }, 1)).toBe('1 SKU');
    expect(i18n.global.t('product.skuCount', { count: 4 }, 4)).toBe('4 SKUs');
    i18n.global.locale.value = 'zh-CN';
    expect(i18n.global.t('product.skuCount', { count: 4 }, 4)).toBe('4 个 SKU');
  });
});
