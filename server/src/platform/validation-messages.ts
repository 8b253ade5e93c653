import type { Lang } from './errors.ts';

/**
 * Field messages of schema validation (problem+json `errors[].message`) in the request's language.
 * zod writes English; in English we keep its words. In Chinese the common issue kinds get a message of
 * our own, built from the issue's details (minimum, maximum, format, allowed values), and the few
 * custom English messages the contracts write get their Chinese twin. Anything else keeps zod's text.
 */

/** What fastify-type-provider-zod hands over for one issue: its `code` (keyword), zod's message, the rest of the issue. */
export type ValidationIssue = { keyword: string; message: string; params: Record<string, unknown> };

/** The contracts' own English messages (`.min(0, 'must not be negative')`), in Chinese. */
const CUSTOM_ZH: Record<string, string> = {
  'must not be negative': '不能为负数',
  'too large': '数值过大',
  'letters, digits, . _ - only': '只能包含字母、数字和 . _ -',
  'lowercase letters, digits and - only': '只能包含小写字母、数字和 -',
  'must be an 11-digit mainland mobile number': '请输入 11 位中国大陆手机号',
  'must be 6 digits': '请输入 6 位数字',
  'at least 8 characters': '至少 8 个字符',
};

/** zod's own English for each kind; a message that does not start like this was written by a contract. */
const ZOD_DEFAULT: Record<string, RegExp> = {
  invalid_type: /^Invalid input: expected /,
  too_small: /^Too small: /,
  too_big: /^Too big: /,
  invalid_format: /^Invalid /,
  invalid_value: /^Invalid (option|input): expected /,
  unrecognized_keys: /^Unrecognized keys?: /,
  not_multiple_of: /^Invalid number: must be a multiple of /,
  invalid_union: /^Invalid input$/,
};

const TYPE_ZH: Record<string, string> = {
  string: '文本', number: '数字', int: '整数', bigint: '整数', boolean: '是或否', array: '列表', object: '对象', date: '日期', null: '空值',
};

const FORMAT_ZH: Record<string, string> = {
  email: '邮箱格式不正确',
  url: '网址格式不正确',
  uuid: '不是有效的 ID',
  guid: '不是有效的 ID',
  datetime: '日期时间格式不正确',
  date: '日期格式不正确',
  time: '时间格式不正确',
  duration: '时长格式不正确',
  ipv4: 'IP 地址格式不正确',
  ipv6: 'IP 地址格式不正确',
};

const num = (v: unknown): string => (typeof v === 'bigint' || typeof v === 'number' ? String(v) : String(v ?? ''));
const literal = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

/** A missing field reads "received undefined" in zod's English; it is the one kind worth its own word. */
export function isMissing(issue: ValidationIssue): boolean {
  return issue.keyword === 'invalid_type' && /received undefined$/.test(issue.message);
}

function sizeZh(p: Record<string, unknown>, which: 'min' | 'max'): string | null {
  const inclusive = p.inclusive !== false;
  const n = num(which === 'min' ? p.minimum : p.maximum);
  switch (p.origin) {
    case 'string':
      if (which === 'min') return n === '1' ? '不能为空' : `至少 ${n} 个字符`;
      return `最多 ${n} 个字符`;
    case 'array':
    case 'set':
      if (which === 'min') return n === '1' ? '至少选择一项' : `至少 ${n} 项`;
      return `最多 ${n} 项`;
    case 'number':
    case 'int':
    case 'bigint':
      if (which === 'min') return inclusive ? `不能小于 ${n}` : `必须大于 ${n}`;
      return inclusive ? `不能大于 ${n}` : `必须小于 ${n}`;
    case 'date':
      return which === 'min' ? '日期太早' : '日期太晚';
    case 'file':
      return which === 'min' ? '文件太小' : '文件太大';
    default:
      return null;
  }
}

function zodZh(issue: ValidationIssue): string | null {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type': {
      if (isMissing(issue)) return '必填';
      const expected = typeof p.expected === 'string' ? p.expected : '';
      return TYPE_ZH[expected] ? `应为${TYPE_ZH[expected]}` : '类型不正确';
    }
    case 'too_small':
      return sizeZh(p, 'min');
    case 'too_big':
      return sizeZh(p, 'max');
    case 'invalid_format':
      return FORMAT_ZH[String(p.format)] ?? '格式不正确';
    case 'invalid_value': {
      const values = Array.isArray(p.values) ? p.values : [];
      if (values.length === 1) return `只能是 ${literal(values[0])}`;
      return values.length ? `只能是以下之一：${values.map(literal).join('、')}` : '取值无效';
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.map(String) : [];
      return `不支持的字段：${keys.join('、')}`;
    }
    case 'not_multiple_of':
      return `必须是 ${num(p.divisor)} 的倍数`;
    case 'invalid_union':
      return '格式不正确';
    default:
      return null;
  }
}

/** The message for one issue in `lang`. */
export function validationMessage(issue: ValidationIssue, lang: Lang): string {
  if (lang === 'en') return issue.message;
  const zodWords = ZOD_DEFAULT[issue.keyword]?.test(issue.message) ?? false;
  if (!zodWords) return CUSTOM_ZH[issue.message] ?? issue.message;
  return zodZh(issue) ?? issue.message;
}
