import { computed, watch } from 'vue';
import { createI18n } from 'vue-i18n';
import type { Language } from 'element-plus/es/locale/index.mjs';
import epEn from 'element-plus/es/locale/lang/en.mjs';
import epZhCn from 'element-plus/es/locale/lang/zh-cn.mjs';
import en from './locales/en.ts';
import zhCN from './locales/zh-CN.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];
type TMessages = typeof zhCN;

const STORAGE_KEY = 'koi.admin.locale';

function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** zh-CN first: only a saved choice switches to English. */
function initialLocale(): TLocale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : 'zh-CN';
}

export const i18n = createI18n<[TMessages], TLocale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function getLocale(): TLocale {
  return i18n.global.locale.value;
}

export function setLocale(locale: TLocale): void {
  i18n.global.locale.value = locale;
}

/** Element Plus' own texts (pagination, empty, confirm buttons) follow the same switch. */
export const elementLocale = computed<Language>(() => (i18n.global.locale.value === 'en' ? epEn : epZhCn));

watch(
  i18n.global.locale,
  (locale) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  },
  { immediate: true },
);
