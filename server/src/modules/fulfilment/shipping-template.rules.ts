/**
 * What makes a shipping template consistent, beyond its schema. Pure: the caller passes how to look
 * up a region code's level. Every problem is reported with the path of the field, like validation.
 *
 * - Region rules, undeliverable regions and free-shipping conditions name provinces or cities
 *   (xx0000 / xxxx00), not districts: a template prices by where a parcel goes, to city precision.
 * - A code appears in at most one region rule, and not both in a region rule and in `undeliverable`:
 *   otherwise the destination's rule would depend on the order of the list. (A city may be listed
 *   while its province is listed elsewhere: the city's entry wins, see shipping-fee.rules.ts.)
 */
export type TemplateShape = {
  regionRules: { regions: string[] }[];
  undeliverable: string[];
  freeShipping: { regions: string[] }[];
};
export type FieldProblem = { path: string; message: string; code: string };
export type LevelOf = (code: string) => 'province' | 'city' | 'district' | undefined;

export function templateProblems(t: TemplateShape, levelOf: LevelOf): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const checkCodes = (codes: string[], path: string) => {
    codes.forEach((code, i) => {
      const level = levelOf(code);
      if (level === undefined) problems.push({ path: `${path}.${i}`, message: `unknown region ${code}`, code: 'region_unknown' });
      else if (level === 'district') problems.push({ path: `${path}.${i}`, message: `${code} is a district; pick its province or city`, code: 'region_level' });
    });
    const seen = new Set<string>();
    codes.forEach((code, i) => {
      if (seen.has(code)) problems.push({ path: `${path}.${i}`, message: `${code} is listed twice`, code: 'region_duplicate' });
      seen.add(code);
    });
  };

  const ruled = new Map<string, number>();
  t.regionRules.forEach((rule, r) => {
    checkCodes(rule.regions, `body.regionRules.${r}.regions`);
    rule.regions.forEach((code, i) => {
      const other = ruled.get(code);
      if (other !== undefined && other !== r) problems.push({ path: `body.regionRules.${r}.regions.${i}`, message: `${code} is already in region rule ${other + 1}`, code: 'region_overlap' });
      if (other === undefined) ruled.set(code, r);
    });
  });
  checkCodes(t.undeliverable, 'body.undeliverable');
  t.undeliverable.forEach((code, i) => {
    const r = ruled.get(code);
    if (r !== undefined) problems.push({ path: `body.undeliverable.${i}`, message: `${code} has a region rule (${r + 1}) and cannot also be undeliverable`, code: 'region_overlap' });
  });
  t.freeShipping.forEach((c, k) => checkCodes(c.regions, `body.freeShipping.${k}.regions`));
  return problems;
}
