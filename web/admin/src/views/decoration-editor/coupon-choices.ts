import type { TCouponTemplate } from '@koi/contracts';

/** A coupon the operator can pick for a coupon block; `gone`: picked earlier but no longer claimable (the shop hides it). */
export interface TCouponChoice {
  id: string;
  name: string;
  summary: TCouponTemplate['summary'] | null;
  gone: boolean;
}

/** What shoppers can claim now: active templates listed for claiming. */
export function isClaimableTemplate(t: TCouponTemplate): boolean {
  return t.status === 'active' && t.claimable;
}

/**
 * The choices of the block's coupon picker: every claimable template, then what the block already holds
 * that is not claimable any more (so the operator sees it and can remove it), in the block's order.
 */
export function couponChoices(templates: readonly TCouponTemplate[], picked: readonly string[]): TCouponChoice[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const out: TCouponChoice[] = templates.filter(isClaimableTemplate).map((t) => ({ id: t.id, name: t.name, summary: t.summary, gone: false }));
  for (const id of picked) {
    const t = byId.get(id);
    if (t && isClaimableTemplate(t)) continue;
    out.push({ id, name: t?.name ?? id, summary: t?.summary ?? null, gone: true });
  }
  return out;
}
