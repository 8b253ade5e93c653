import type { TClaimableTemplate } from '@koi/contracts';

/** The operator's picks found in the coupon centre's list, in the operator's order; picks no longer claimable are absent there, so they drop out. */
export function pickTemplates(claimable: readonly TClaimableTemplate[], templateIds: readonly string[]): TClaimableTemplate[] {
  const byId = new Map(claimable.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const out: TClaimableTemplate[] = [];
  for (const id of templateIds) {
    const c = byId.get(id);
    if (c && !seen.has(id)) {
      seen.add(id);
      out.push(c);
    }
  }
  return out;
}
