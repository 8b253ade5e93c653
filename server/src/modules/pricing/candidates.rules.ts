import type { TNotApplied, TPricingCoupon, TPricingInput, TPricingLine, TPricingPromotion, TScope } from '@koi/contracts';
import type { AnyKind, NotAppliedOutcome } from './kinds/kind.ts';
import type { KindRegistry } from './kinds/registry.ts';
import { reasons } from './reasons.ts';

export type Stage = 'item' | 'order' | 'coupon' | 'shipping';
export const STAGE_ORDER: readonly Stage[] = ['item', 'order', 'coupon', 'shipping'];

/** A promotion or coupon that passed the common checks (kind known, args valid, in its dates, lines in scope). */
export type Candidate = {
  source: 'promotion' | 'coupon';
  id: string;
  name: string;
  kind: AnyKind;
  stage: Stage;
  args: unknown;
  /** Indexes of the lines in scope, in line order. */
  eligible: number[];
  group: string | null;
  priority: number;
};

/** A group of candidates of which at most one applies (a lone candidate when it has no exclusive group). */
export type Group = { stage: Stage; members: Candidate[] };

/** Whether a scope covers a product (its id and categories); the coupon's product-page list uses it too. */
export function inScope(scope: TScope, line: Pick<TPricingLine, 'productId' | 'categoryIds'>, ids: ReadonlySet<string>, excluded: ReadonlySet<string>): boolean {
  if (excluded.has(line.productId)) return false;
  if (scope.type === 'all') return true;
  if (scope.type === 'products') return ids.has(line.productId);
  return line.categoryIds.some((c) => ids.has(c));
}

function eligibleLines(scope: TScope, lines: readonly TPricingLine[]): number[] {
  const ids = new Set(scope.ids);
  const excluded = new Set(scope.excludeProductIds);
  const found: number[] = [];
  lines.forEach((l, i) => {
    if (inScope(scope, l, ids, excluded)) found.push(i);
  });
  return found;
}

export function rejection(source: 'promotion' | 'coupon', p: { id: string; kind: string; name: string }, r: NotAppliedOutcome): TNotApplied {
  return { source, sourceId: p.id, kind: p.kind, name: p.name, code: r.code, data: r.data, text: r.text };
}

/**
 * The common checks, in this order: the kind exists, its args parse, it is within its dates (a
 * coupon: available and within its validity), and some line is in scope. Whatever fails is not
 * applied with the reason; the rest are candidates, ranked: stage, then the kind's stacking
 * priority, then the promotion's priority (higher first), then id — a total order, so the input's
 * order never matters.
 */
export function candidatesOf(input: TPricingInput, registry: KindRegistry, nowMs: number): { candidates: Candidate[]; rejected: TNotApplied[] } {
  const candidates: Candidate[] = [];
  const rejected: TNotApplied[] = [];
  const consider = (source: 'promotion' | 'coupon', p: TPricingPromotion | TPricingCoupon, kind: AnyKind | undefined, from: string, until: string | null, priority: number) => {
    const coupon = source === 'coupon';
    if (!kind) return rejected.push(rejection(source, p, reasons.kindUnknown(p.kind)));
    const parsed = kind.args.safeParse(p.args);
    if (!parsed.success) return rejected.push(rejection(source, p, reasons.argsInvalid()));
    if (coupon && (p as TPricingCoupon).status !== 'available') {
      return rejected.push(rejection(source, p, reasons.couponStatus((p as TPricingCoupon).status as 'used' | 'frozen' | 'expired')));
    }
    const startMs = Date.parse(from);
    if (nowMs < startMs) return rejected.push(rejection(source, p, reasons.notStarted(startMs, coupon)));
    const endMs = until === null ? Infinity : Date.parse(until);
    if (nowMs >= endMs) return rejected.push(rejection(source, p, reasons.ended(endMs, coupon)));
    const eligible = eligibleLines(p.scope, input.lines);
    if (!eligible.length) return rejected.push(rejection(source, p, reasons.outOfScope(coupon)));
    candidates.push({ source, id: p.id, name: p.name, kind, stage: kind.stage, args: parsed.data, eligible, group: kind.stacking.exclusiveGroup ?? null, priority });
  };
  for (const p of input.promotions) consider('promotion', p, registry.promotions.get(p.kind), p.startsAt, p.endsAt, p.priority);
  for (const c of input.coupons) consider('coupon', c, registry.coupons.get(c.kind), c.validFrom, c.validUntil, 0);
  candidates.sort(byRank);
  return { candidates, rejected };
}

function byRank(a: Candidate, b: Candidate): number {
  return (
    STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) ||
    b.kind.stacking.priority - a.kind.stacking.priority ||
    b.priority - a.priority ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Ranked candidates of the stages after `item` into groups: one per exclusive group, in the rank of its first member. */
export function groupsOf(ranked: readonly Candidate[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const c of ranked) {
    if (c.stage === 'item') continue;
    if (c.group === null) {
      groups.push({ stage: c.stage, members: [c] });
      continue;
    }
    const key = `${c.stage}:${c.group}`;
    let g = byKey.get(key);
    if (!g) {
      g = { stage: c.stage, members: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.members.push(c);
  }
  return groups;
}
