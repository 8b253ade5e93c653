import { describe, expect, it } from 'vitest';
import { KoiError, defineErrors, defineNouns, pickLang } from './errors.ts';

defineErrors({ 'test.sample': { status: 422, zh: '还差 {n} 件', en: '{n} more to go' } });

describe('errors', () => {
  it('negotiates zh-CN first, en second', () => {
    expect(pickLang(undefined)).toBe('zh-CN');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('fr-FR, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(pickLang('de')).toBe('zh-CN');
    expect(pickLang('zh-TW')).toBe('zh-CN');
  });

  it('carries a stable code, its status and messages in both languages', () => {
    const e = new KoiError('test.sample', { n: 3 });
    expect(e.code).toBe('test.sample');
    expect(e.status).toBe(422);
    expect(e.localized('zh-CN')).toBe('还差 3 件');
    expect(e.localized('en')).toBe('3 more to go');
  });

  it('names things in the reader\'s language', () => {
    defineNouns({ teapot: { zh: '茶壶', en: 'Teapot' } });
    const e = new KoiError('resource.not_found', { what: 'teapot' });
    expect(e.localized('zh-CN')).toBe('茶壶不存在');
    expect(e.localized('en')).toBe('Teapot not found');
  });

  it('refuses an undeclared code and a code declared twice differently', () => {
    expect(() => new KoiError('nope.nothing')).toThrow(/unknown error code/);
    expect(() => defineErrors({ 'test.sample': { status: 400, zh: 'x', en: 'y' } })).toThrow(/defined twice/);
  });
});
