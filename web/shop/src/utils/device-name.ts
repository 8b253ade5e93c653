/**
 * A friendly name for a signed-in device, from the User-Agent its session was created with
 * (我的 → 登录设备): "iPhone · 微信", "Android · Chrome", "Mac · Safari", "微信小程序", "未知设备".
 *
 * Pure: no uni APIs, no stores. The few words that are not brand names come in `words`, so the
 * caller passes them in the shopper's language (zh-CN by default).
 */

export interface DeviceWords {
  /** The WeChat in-app browser (H5 opened inside WeChat). */
  wechat: string;
  /** Requests made by the WeChat mini-program itself. */
  miniProgram: string;
  /** Nothing recognisable in the user agent (or none at all). */
  unknown: string;
}

export const DEVICE_WORDS_ZH: DeviceWords = { wechat: '微信', miniProgram: '微信小程序', unknown: '未知设备' };

/** First match wins: the more specific tokens come before the ones they contain. */
const PLATFORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bipad\b/i, 'iPad'],
  [/\biphone\b|\bipod\b/i, 'iPhone'],
  [/harmonyos|openharmony/i, 'HarmonyOS'],
  [/\bandroid\b/i, 'Android'],
  [/windows phone/i, 'Windows Phone'],
  [/\bwindows\b/i, 'Windows'],
  [/\bcros\b/i, 'ChromeOS'],
  [/macintosh|mac os x/i, 'Mac'],
  [/\blinux\b/i, 'Linux'],
];

/** `null` name: the WeChat browser, whose word depends on the language. */
const APPS: ReadonlyArray<readonly [RegExp, string | null]> = [
  [/micromessenger/i, null],
  [/\bedg(e|a|ios)?\//i, 'Edge'],
  [/\b(opr|opt|opera)\//i, 'Opera'],
  [/\b(firefox|fxios)\//i, 'Firefox'],
  [/\bsamsungbrowser\//i, 'Samsung Internet'],
  [/\bucbrowser\//i, 'UC'],
  [/\bmqqbrowser\/|\bqqbrowser\//i, 'QQ'],
  [/\b(headlesschrome|chrome|crios|chromium)\//i, 'Chrome'],
  // Real Safari says Version/x … Safari/y; in-app web views on iOS usually leave out one of them.
  [/\bversion\/[\d.]+.*\bsafari\//i, 'Safari'],
];

/** Mini-program requests: `MiniProgramEnv/…` (wx.request), `miniProgram` (web-view), DevTools. */
const MINI_PROGRAM = /miniprogram|wechatdevtools/i;

export function deviceName(userAgent: string | null | undefined, words: DeviceWords = DEVICE_WORDS_ZH): string {
  const ua = userAgent?.trim() ?? '';
  if (!ua) return words.unknown;
  if (MINI_PROGRAM.test(ua)) return words.miniProgram;

  const platform = PLATFORMS.find(([re]) => re.test(ua))?.[1];
  const app = APPS.find(([re]) => re.test(ua));
  const appName = app ? (app[1] ?? words.wechat) : undefined;

  const parts = [platform, appName].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' · ') : words.unknown;
}
