import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import { kmText, normaliseCode, pickupErrorText } from './data.ts';

const t = (key: string) => key;
const problem = (code: string) => new ApiError({ type: 'about:blank', title: 'x', status: 404, code });

describe('pickup counter', () => {
  it('keeps the digits of a typed or scanned code', () => {
    expect(normaliseCode(' 1234-5678 ')).toBe('12345678');
    expect(normaliseCode('123456789')).toBe('12345678');
  });
  it('names refusals in the page\'s words', () => {
    expect(pickupErrorText(problem('pickup.code_not_found'), t)).toBe('pickup.errors.notFound');
    expect(pickupErrorText(problem('auth.store_scope'), t)).toBe('pickup.errors.scope');
    expect(pickupErrorText(problem('pickup.too_many_wrong_codes'), t)).toBe('pickup.errors.locked');
    expect(pickupErrorText(new Error('x'), t)).toBeNull();
  });
  it('shows distances in km with one decimal', () => {
    expect(kmText(3480)).toBe('3.5');
    expect(kmText(950)).toBe('1.0');
  });
});
