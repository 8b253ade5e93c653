import { defineStore } from 'pinia';
import { ref } from 'vue';
import { Locale as WotLocale } from 'wot-design-uni';
import wotEnUS from 'wot-design-uni/locale/lang/en-US';
import wotZhCN from 'wot-design-uni/locale/lang/zh-CN';
import zhCN, { type Messages } from './zh-CN';
import en from './en';

/** The two languages the shop speaks; also sent as Accept-Language, so server errors match. */
export type LocaleCode = 'zh-CN' | 'en';

export const LOCALES: ReadonlyArray<{ code: LocaleCode; label: string }> = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
];

type Section = keyof Messages;
/** `section.key`, checked against zh-CN.ts at compile time. */
export type MessageKey = { [S in Section]: `${S}.${keyof Messages[S] & string}` }[Section];
export type MessageParams = Record<string, string | number>;

const STORAGE_KEY = 'koi.locale';
const catalogs: Record<LocaleCode, Messages> = { 'zh-CN': zhCN, en };

function isLocale(value: unknown): value is LocaleCode {
  return value === 'zh-CN' || value === 'en';
}

function readStoredLocale(): LocaleCode {
  try {
    const stored: unknown = uni.getStorageSync(STORAGE_KEY);
    return isLocale(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function translate(locale: LocaleCode, key: MessageKey, params?: MessageParams): string {
  const [section, name] = key.split('.') as [Section, string];
  const table = catalogs[locale][section] as Record<string, string>;
  const text = table[name] ?? (catalogs['zh-CN'][section] as Record<string, string>)[name] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, p: string) => (p in params ? String(params[p]) : whole));
}

/** The tab bar is native: its labels are set through the API, not the template. */
function applyTabBar(locale: LocaleCode): void {
  const labels: MessageKey[] = ['tab.home', 'tab.category', 'tab.cart', 'tab.me'];
  labels.forEach((key, index) => {
    uni.setTabBarItem({ index, text: translate(locale, key), fail: () => undefined });
  });
}

function applyComponents(locale: LocaleCode): void {
  if (locale === 'en') WotLocale.use('en-US', wotEnUS);
  else WotLocale.use('zh-CN', wotZhCN);
}

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<LocaleCode>(readStoredLocale());
  applyComponents(locale.value);

  function t(key: MessageKey, params?: MessageParams): string {
    return translate(locale.value, key, params);
  }

  function setLocale(code: LocaleCode): void {
    locale.value = code;
    uni.setStorageSync(STORAGE_KEY, code);
    applyComponents(code);
    applyTabBar(code);
  }

  /** Call from a page's onShow: native chrome (title, tab bar) does not follow reactivity. */
  function applyPageChrome(titleKey: MessageKey, opts: { tabPage: boolean }): void {
    uni.setNavigationBarTitle({ title: t(titleKey), fail: () => undefined });
    if (opts.tabPage) applyTabBar(locale.value);
  }

  return { locale, t, setLocale, applyPageChrome };
});
