import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { DB_KINDS } from './harness.ts';
import { openTestDb } from './databases.ts';
import type { Db } from '../src/platform/db.ts';
import { documentLexemes } from '../src/modules/search/search-tokens.rules.ts';
import { planQuery, soundsLike } from '../src/modules/search/search-query.rules.ts';

/**
 * The literals we build are parsed by the database, not by us: check on each engine that any text
 * yields a valid tsvector and tsquery, and that a product is always found by its own title.
 */
const WORDS = ['紫砂壶', '宜兴', '西施壶', '朱泥', '盖碗', '景德镇', '青花', '西湖龙井', '明前', '白牡丹', '品茗杯', '汝窑', '开片', '茶礼', '送礼', '老白茶', '250g', 'QC-ZS-001', '2026', 'zisha'];
const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .chain((parts) => fc.constantFrom(' ', '', '·').map((sep) => parts.join(sep)));

describe.each(DB_KINDS)('tsvector and tsquery literals on %s', (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDb(kind));
  });
  afterAll(async () => close());

  it('any title parses, and its own words find it (property)', async () => {
    await fc.assert(fc.asyncProperty(text, fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }), { maxLength: 2 }), async (title, groups) => {
      const vector = documentLexemes({ title, subtitle: '', categoryNames: [], tags: [], specTerms: [], codes: [] }).toLiteral();
      const plan = planQuery(title, groups);
      const sound = soundsLike(title);
      const [row] = await db.rows<{ hit: boolean; sound: boolean }>(sql`select
        ${plan.tsquery ? sql`${vector}::tsvector @@ ${plan.tsquery}::tsquery` : sql`${vector}::tsvector is not null`} as hit,
        ${sound ? sql`${vector}::tsvector @@ ${sound.tsquery}::tsquery` : sql`true`} as sound`);
      expect(row!.hit, `${title} → ${plan.tsquery}`).toBe(true);
      // The whole title in pinyin is indexed, so the title's sound finds it too.
      if (sound) expect(row!.sound, `${title} → ${sound.tsquery}`).toBe(true);
    }), { numRuns: 400 });
  });

  it('matches a Chinese phrase only with its characters adjacent in one field', async () => {
    const vector = documentLexemes({ title: '龙泉青瓷 井栏壶', subtitle: '', categoryNames: ['龙井'], tags: [], specTerms: [], codes: [] }).toLiteral();
    const [row] = await db.rows<{ a: boolean; b: boolean; c: boolean }>(sql`select
      ${vector}::tsvector @@ ${"'龙' <-> '井'"}::tsquery as a,
      ${vector}::tsvector @@ ${"'瓷' <-> '井'"}::tsquery as b,
      ${vector}::tsvector @@ ${"'泉' <-> '青'"}::tsquery as c`);
    expect(row).toEqual({ a: true, b: false, c: true });
  });
});
