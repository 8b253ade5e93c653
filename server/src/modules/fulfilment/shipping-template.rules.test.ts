import { describe, expect, it } from 'vitest';
import { templateProblems, type LevelOf } from './shipping-template.rules.ts';

const levelOf: LevelOf = (code) => ({ '330000': 'province', '330100': 'city', '330106': 'district', '650000': 'province' } as const)[code as '330000'];

describe('templateProblems', () => {
  it('accepts provinces and cities, a city beside its province in another rule', () => {
    expect(templateProblems({ regionRules: [{ regions: ['330000'] }, { regions: ['330100'] }], undeliverable: ['650000'], freeShipping: [{ regions: ['330000'] }] }, levelOf)).toEqual([]);
  });

  it('names every bad code by its path', () => {
    const problems = templateProblems({
      regionRules: [{ regions: ['330000', '999999'] }, { regions: ['330000', '330106'] }],
      undeliverable: ['330000', '650000', '650000'],
      freeShipping: [{ regions: ['123456'] }],
    }, levelOf);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['body.regionRules.0.regions.1', 'region_unknown'],
      ['body.regionRules.1.regions.1', 'region_level'],
      ['body.regionRules.1.regions.0', 'region_overlap'],
      ['body.undeliverable.2', 'region_duplicate'],
      ['body.undeliverable.0', 'region_overlap'],
      ['body.freeShipping.0.regions.0', 'region_unknown'],
    ]);
  });
});
