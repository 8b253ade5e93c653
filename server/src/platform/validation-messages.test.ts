import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isMissing, validationMessage, type ValidationIssue } from './validation-messages.ts';

/** The issues exactly as fastify-type-provider-zod hands them over: keyword, zod's message, the rest as params. */
function issuesOf(schema: z.ZodType, value: unknown): ValidationIssue[] {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues.map(({ code, message, path: _path, ...params }) => ({ keyword: code, message, params }));
}
const zh = (schema: z.ZodType, value: unknown) => issuesOf(schema, value).map((i) => validationMessage(i, 'zh-CN'));

describe('validation messages', () => {
  it('speaks Chinese for each common kind, from the issue\'s own details', () => {
    expect(zh(z.object({ a: z.string() }), {})).toEqual(['必填']);
    expect(zh(z.object({ a: z.number().int() }), { a: 1.5 })).toEqual(['应为整数']);
    expect(zh(z.object({ a: z.string() }), { a: 3 })).toEqual(['应为文本']);
    expect(zh(z.string().min(1), '')).toEqual(['不能为空']);
    expect(zh(z.string().min(2), 'x')).toEqual(['至少 2 个字符']);
    expect(zh(z.string().max(30), 'x'.repeat(31))).toEqual(['最多 30 个字符']);
    expect(zh(z.number().min(1), 0)).toEqual(['不能小于 1']);
    expect(zh(z.number().gt(0), 0)).toEqual(['必须大于 0']);
    expect(zh(z.number().max(9999), 10000)).toEqual(['不能大于 9999']);
    expect(zh(z.array(z.string()).min(1), [])).toEqual(['至少选择一项']);
    expect(zh(z.array(z.string()).max(2), ['a', 'b', 'c'])).toEqual(['最多 2 项']);
    expect(zh(z.email(), 'nope')).toEqual(['邮箱格式不正确']);
    expect(zh(z.uuid(), 'nope')).toEqual(['不是有效的 ID']);
    expect(zh(z.iso.datetime({ offset: true }), 'yesterday')).toEqual(['日期时间格式不正确']);
    expect(zh(z.string().regex(/^a+$/), 'b')).toEqual(['格式不正确']);
    expect(zh(z.enum(['draft', 'on_sale']), 'gone')).toEqual(['只能是以下之一：draft、on_sale']);
    expect(zh(z.literal(true), false)).toEqual(['只能是 true']);
    expect(zh(z.strictObject({}), { extra: 1, more: 2 })).toEqual(['不支持的字段：extra、more']);
  });

  it('translates the contracts\' own words and keeps unknown custom words as written', () => {
    expect(zh(z.number().min(0, 'must not be negative'), -1)).toEqual(['不能为负数']);
    expect(zh(z.string().regex(/^\d{6}$/, 'must be 6 digits'), '12')).toEqual(['请输入 6 位数字']);
    expect(zh(z.string().min(3, '至少三个字'), 'a')).toEqual(['至少三个字']);
  });

  it('keeps zod\'s English words in English', () => {
    const [issue] = issuesOf(z.string().max(3), 'abcd');
    expect(validationMessage(issue!, 'en')).toBe('Too big: expected string to have <=3 characters');
    expect(isMissing(issuesOf(z.object({ a: z.string() }), {})[0]!)).toBe(true);
    expect(isMissing(issuesOf(z.object({ a: z.string() }), { a: null })[0]!)).toBe(false);
  });
});
