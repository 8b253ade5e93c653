import { ZCreatePageInput } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { sortPages, toCreatePageInput } from './data.ts';

const t = (key: string) => key;
const page = (slug: string, title: string) => ({ id: slug, slug, title, publishedVersion: null, dirty: false, updatedAt: '2026-01-01T00:00:00Z' });

describe('decorated pages', () => {
  it('lists the home page first', () => {
    expect(sortPages([page('tea', 'Tea'), page('home', 'Home'), page('gift', 'Gifts')]).map((p) => p.slug)).toEqual(['home', 'gift', 'tea']);
  });

  it('checks the slug and title like the contract', () => {
    const ok = toCreatePageInput({ slug: ' spring-tea ', title: ' 春茶上新 ' }, t);
    expect(ok).toEqual({ ok: true, input: { slug: 'spring-tea', title: '春茶上新' } });
    if (ok.ok) expect(ZCreatePageInput.safeParse(ok.input).success).toBe(true);
    expect(toCreatePageInput({ slug: 'Spring Tea', title: '' }, t)).toEqual({ ok: false, errors: { slug: 'decoration.slugInvalid', title: 'decoration.titleRequired' } });
  });
});
