/**
 * Typed errors with stable codes. Each module declares its codes once, with HTTP status and a
 * zh-CN and an en message; they leave the server as RFC 9457 problem+json (see http.ts).
 * Status conventions: validation 400, not signed in 401, forbidden 403, missing or not-yours 404,
 * conflict 409, rule violation 422, too many 429.
 */
export type ErrorDef = { status: number; zh: string; en: string };
export type Lang = 'zh-CN' | 'en';

const registry = new Map<string, ErrorDef>();
const nouns = new Map<string, { zh: string; en: string }>();

/**
 * Names of things in both languages, for messages like `resource.not_found` ({what}): a module
 * registers the nouns it uses (`device` → 登录设备 / Device) and the message reads right in each.
 */
export function defineNouns(defs: Record<string, { zh: string; en: string }>): void {
  for (const [key, value] of Object.entries(defs)) nouns.set(key, value);
}

export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    const existing = registry.get(code);
    if (existing && existing !== def) throw new Error(`error code defined twice: ${code}`);
    registry.set(code, def);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function errorDef(code: string): ErrorDef | undefined {
  return registry.get(code);
}

export function allErrorCodes(): string[] {
  return [...registry.keys()].sort();
}

export class KoiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Values interpolated into the message: `{seconds}` → params.seconds. */
  readonly params: Record<string, string | number>;
  /**
   * Every bad field. With `code` a registered error code and `params`, the message is rendered in the
   * request's language from that code (`message` is then the English fallback).
   */
  readonly fieldErrors?: { path: string; message: string; code?: string; params?: Record<string, string | number> }[];
  readonly headers?: Record<string, string>;

  constructor(
    code: string,
    params: Record<string, string | number> = {},
    extra: { fieldErrors?: KoiError['fieldErrors']; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    const def = registry.get(code);
    if (!def) throw new Error(`unknown error code: ${code}`);
    super(interpolate(def.en, params, 'en'), { cause: extra.cause });
    this.name = 'KoiError';
    this.code = code;
    this.status = def.status;
    this.params = params;
    this.fieldErrors = extra.fieldErrors;
    this.headers = extra.headers;
  }

  localized(lang: Lang): string {
    const def = registry.get(this.code)!;
    return interpolate(lang === 'en' ? def.en : def.zh, this.params, lang);
  }
}

function interpolate(text: string, params: Record<string, string | number>, lang: Lang): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => {
    if (!(k in params)) return m;
    const value = String(params[k]);
    const noun = nouns.get(value);
    return noun ? (lang === 'en' ? noun.en : noun.zh) : value;
  });
}

/** Accept-Language negotiation between our two languages; zh-CN first. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Codes every module can use. */
export const CommonErrors = defineErrors({
  'http.validation_failed': { status: 400, zh: '请求参数有误，请检查标出的字段', en: 'The request has invalid fields' },
  'http.malformed_json': { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  'http.bad_request': { status: 400, zh: '请求无效', en: 'The request is invalid' },
  'http.unsupported_media_type': { status: 415, zh: '不支持的内容类型，请使用 application/json', en: 'Unsupported content type; send application/json' },
  'http.payload_too_large': { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  'http.not_found': { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  'http.method_not_allowed': { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  'http.rate_limited': { status: 429, zh: '操作太频繁，请 {seconds} 秒后再试', en: 'Too many requests; try again in {seconds} s' },
  'http.internal': { status: 500, zh: '服务器开小差了，请稍后再试（编号 {requestId}）', en: 'Something went wrong on our side (reference {requestId})' },
  'auth.unauthenticated': { status: 401, zh: '请先登录', en: 'Please sign in' },
  'auth.session_expired': { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  'auth.forbidden': { status: 403, zh: '没有权限执行此操作', en: 'You do not have permission to do this' },
  'auth.store_scope': { status: 403, zh: '只能操作所属门店的数据', en: 'You can only act within your own store' },
  'resource.not_found': { status: 404, zh: '{what}不存在', en: '{what} not found' },
  'idempotency.key_reused': { status: 409, zh: '该幂等键已用于另一个不同的请求', en: 'This Idempotency-Key was already used for a different request' },
  'idempotency.in_progress': { status: 409, zh: '相同的请求正在处理中，请稍候', en: 'The same request is still being processed' },
  'idempotency.key_invalid': { status: 400, zh: 'Idempotency-Key 格式无效（1–200 个可见字符）', en: 'Idempotency-Key must be 1–200 visible characters' },
});

defineNouns({
  job: { zh: '任务', en: 'Job' },
});
