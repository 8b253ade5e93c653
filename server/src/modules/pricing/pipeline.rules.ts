import type { TAppliedDiscount, TDiscountSource, TLocalText, TNotApplied, TPricedGift, TPricingInput, TPricingStage } from '@koi/contracts';
import { allocate } from './allocate.rules.ts';
import type { Candidate, Group, Stage } from './candidates.rules.ts';
import { rejection } from './candidates.rules.ts';
import type { DiscountOutcome, GiftOutcome, KindLine, KindOutcome, ShippingOutcome } from './kinds/kind.ts';
import { pointsValue } from './points.rules.ts';
import { capNote, reasons } from './reasons.ts';
import { joinText } from './texts.ts';

/** One discount's share of a line (`line` ≥ 0) or of the shipping fee (`line` = -1). */
export type Share = { line: number; source: TDiscountSource; sourceId: string; stage: TPricingStage; label: TLocalText; amountFen: number };

/** Everything the stages change, as plain arrays so scoring an exclusive choice can copy it in O(lines). */
export type State = {
  stage: Stage;
  /** Per line: one unit after item-level prices, and × quantity (fixed after the item stage). */
  salePrice: number[];
  subtotal: number[];
  /** Per line: what is left to pay for the goods. */
  remaining: number[];
  /** `remaining` when the order-level stage ended (what coupon thresholds see under `after_order_promotions`). */
  afterOrder: number[] | null;
  shippingRemaining: number;
  shares: Share[];
  applied: TAppliedDiscount[];
  notApplied: TNotApplied[];
  totals: { item: number; order: number; coupon: number; shipping: number };
  /** 满赠: gifts given so far, and the units of each gift SKU still in stock (null: not checked). */
  gifts: TPricedGift[];
  giftLeft: Record<string, number> | null;
};

export type Env = { input: TPricingInput; nowMs: number };

export function cloneState(s: State): State {
  return {
    ...s,
    remaining: s.remaining.slice(),
    shares: s.shares.slice(),
    applied: s.applied.slice(),
    notApplied: s.notApplied.slice(),
    totals: { ...s.totals },
    gifts: s.gifts.slice(),
    giftLeft: s.giftLeft && { ...s.giftLeft },
  };
}

function enterStage(s: State, stage: Stage): void {
  if (s.stage === stage) return;
  if (s.afterOrder === null && (stage === 'coupon' || stage === 'shipping')) s.afterOrder = s.remaining.slice();
  s.stage = stage;
}

/**
 * What thresholds compare, per stage: order-level promotions look at the lines after item-level
 * prices (other 满减 do not lower it); coupons at that too, or at what is left after the order-level
 * stage, by the policy; shipping promotions at what is left after coupons.
 */
function baseOf(s: State, env: Env, stage: Stage, i: number): number {
  if (stage === 'order') return s.subtotal[i]!;
  if (stage === 'coupon') return env.input.policy.couponThresholdBase === 'before_order_promotions' ? s.subtotal[i]! : (s.afterOrder ?? s.remaining)[i]!;
  if (stage === 'shipping') return s.remaining[i]!;
  const l = env.input.lines[i]!;
  return l.unitPriceFen * l.quantity;
}

export function kindLines(s: State, env: Env, c: Candidate): KindLine[] {
  return c.eligible.map((i) => {
    const l = env.input.lines[i]!;
    return {
      lineId: l.lineId, skuId: l.skuId, productId: l.productId, categoryIds: l.categoryIds, quantity: l.quantity,
      unitPriceFen: l.unitPriceFen, listPriceFen: l.listPriceFen, salePriceFen: s.salePrice[i]!, weightGrams: l.weightGrams,
      baseFen: baseOf(s, env, c.stage, i), remainingFen: s.remaining[i]!,
    };
  });
}

export function evaluate(s: State, env: Env, c: Candidate): KindOutcome {
  const outcome = c.kind.apply({
    args: c.args, lines: kindLines(s, env, c), shopper: env.input.context, nowMs: env.nowMs,
    shipping: { feeFen: env.input.shippingFen, remainingFen: s.shippingRemaining }, policy: env.input.policy,
  });
  const allowed: Record<Stage, KindOutcome['type'][]> = { item: ['prices', 'not_applied'], order: ['discount', 'gift', 'not_applied'], coupon: ['discount', 'shipping', 'not_applied'], shipping: ['shipping', 'not_applied'] };
  if (!allowed[c.stage].includes(outcome.type)) throw new Error(`kind ${c.kind.kind} returned ${outcome.type} at the ${c.stage} stage`);
  if ((outcome.type === 'discount' || outcome.type === 'shipping') && (!Number.isSafeInteger(outcome.amountFen) || outcome.amountFen < 0)) {
    throw new Error(`kind ${c.kind.kind} returned a bad amount ${outcome.amountFen}`);
  }
  return outcome;
}

/** What a discount outcome would really take: its amount, capped at what its lines (or the fee) have left. */
function available(s: State, env: Env, c: Candidate, o: DiscountOutcome | ShippingOutcome): number {
  if (o.type === 'shipping') return s.shippingRemaining;
  let sum = 0;
  for (const i of targets(env, c, o)) sum += s.remaining[i]!;
  return sum;
}

/** The lines a goods discount is spread over: the candidate's eligible lines, or the subset the kind named. */
function targets(env: Env, c: Candidate, o: DiscountOutcome): number[] {
  if (!o.onLineIds) return c.eligible;
  const only = new Set(o.onLineIds);
  return c.eligible.filter((i) => only.has(env.input.lines[i]!.lineId));
}

export function label(c: { source: TDiscountSource; name: string }): TLocalText {
  return { zh: c.name, en: c.name };
}

/** Takes the discount off, allocated by largest remainder over the eligible lines' remaining amounts. */
export function applyDiscount(s: State, env: Env, c: Candidate, o: DiscountOutcome | ShippingOutcome): void {
  const avail = available(s, env, c, o);
  const amount = Math.min(o.amountFen, avail);
  const stage: TPricingStage = c.stage;
  const lineIds: string[] = [];
  if (o.type === 'shipping') {
    s.shippingRemaining -= amount;
    s.shares.push({ line: -1, source: c.source, sourceId: c.id, stage, label: label(c), amountFen: amount });
    s.totals.shipping += amount;
  } else {
    const on = targets(env, c, o);
    const parts = allocate(amount, on.map((i) => s.remaining[i]!));
    parts.forEach((a, k) => {
      if (a === 0) return;
      const i = on[k]!;
      s.remaining[i]! -= a;
      s.shares.push({ line: i, source: c.source, sourceId: c.id, stage, label: label(c), amountFen: a });
      lineIds.push(env.input.lines[i]!.lineId);
    });
    if (c.stage === 'coupon') s.totals.coupon += amount;
    else s.totals.order += amount;
  }
  const capped = amount < o.amountFen;
  s.applied.push({
    source: c.source, sourceId: c.id, kind: c.kind.kind, stage, name: c.name, amountFen: amount, requestedFen: o.amountFen, capped,
    text: capped ? joinText(o.explain(amount), capNote(avail)) : o.explain(amount), hint: o.hint ?? null, lineIds,
  });
}

/** Units of a gift SKU left: unlimited when the caller passed no stock (dry-run, cart summary), none when it did not list the SKU. */
function giftStockOf(s: State, skuId: string): number {
  if (!s.giftLeft) return Number.MAX_SAFE_INTEGER;
  return s.giftLeft[skuId] ?? 0;
}

/**
 * 满赠: the gift goes in `gifts` and in `applied` with amount 0 (the explanation names it); no share of
 * any line, so payables and refunds are untouched. Its units are taken from the stock left.
 */
function applyGift(s: State, env: Env, c: Candidate, o: GiftOutcome): void {
  if (s.giftLeft) s.giftLeft[o.skuId] = giftStockOf(s, o.skuId) - o.quantity;
  s.gifts.push({ promotionId: c.id, kind: c.kind.kind, name: c.name, skuId: o.skuId, quantity: o.quantity, text: o.text });
  s.applied.push({
    source: c.source, sourceId: c.id, kind: c.kind.kind, stage: c.stage, name: c.name, amountFen: 0, requestedFen: 0, capped: false,
    text: o.text, hint: o.hint ?? null, lineIds: c.eligible.map((i) => env.input.lines[i]!.lineId),
  });
}

function applyOutcome(s: State, env: Env, c: Candidate, o: DiscountOutcome | ShippingOutcome | GiftOutcome): void {
  if (o.type === 'gift') applyGift(s, env, c, o);
  else applyDiscount(s, env, c, o);
}

/** Σ what is left after every stage, points included (stored value is payment and does not change it). */
export function payableAfterPoints(s: State, env: Env): number {
  let goods = 0;
  for (const r of s.remaining) goods += r;
  return goods + s.shippingRemaining - pointsValue(goods, s.shippingRemaining, env.input.points, env.input.policy).valueFen;
}

/**
 * Runs the groups from `from` on. In a group of several applicable candidates only one applies.
 * `best` (the real run) keeps the candidate that leaves the lowest final payable, found by running the
 * rest of the pipeline once per candidate in `greedy` mode (which keeps the largest discount at its
 * stage); ties go to the higher rank. So adding a candidate to a group can never raise the payable.
 * Cost: lines × (candidates + Σ over contested groups of members × the groups after).
 */
export function runGroups(s: State, env: Env, groups: readonly Group[], from: number, mode: 'best' | 'greedy'): void {
  for (let g = from; g < groups.length; g++) {
    const group = groups[g]!;
    enterStage(s, group.stage);
    const ok: { c: Candidate; o: DiscountOutcome | ShippingOutcome | GiftOutcome; take: number }[] = [];
    for (const c of group.members) {
      const o = evaluate(s, env, c);
      if (o.type === 'not_applied') {
        s.notApplied.push(rejection(c.source, { id: c.id, kind: c.kind.kind, name: c.name }, o));
        continue;
      }
      if (o.type === 'prices') continue; // not allowed here; evaluate() already refused it
      if (o.type === 'gift') {
        const left = giftStockOf(s, o.skuId);
        if (left < o.quantity) s.notApplied.push(rejection(c.source, { id: c.id, kind: c.kind.kind, name: c.name }, reasons.giftOutOfStock(o.skuId, left)));
        else ok.push({ c, o, take: 0 });
        continue;
      }
      const take = Math.min(o.amountFen, available(s, env, c, o));
      if (take === 0) s.notApplied.push(rejection(c.source, { id: c.id, kind: c.kind.kind, name: c.name }, reasons.nothingToDiscount()));
      else ok.push({ c, o, take });
    }
    if (!ok.length) continue;
    let winner = ok[0]!;
    if (ok.length > 1) {
      if (mode === 'greedy') {
        for (const r of ok) if (r.take > winner.take) winner = r;
      } else {
        let bestPayable = Infinity;
        for (const r of ok) {
          const trial = cloneState(s);
          applyOutcome(trial, env, r.c, r.o);
          runGroups(trial, env, groups, g + 1, 'greedy');
          const p = payableAfterPoints(trial, env);
          if (p < bestPayable) {
            bestPayable = p;
            winner = r;
          }
        }
      }
    }
    applyOutcome(s, env, winner.c, winner.o);
    for (const r of ok) {
      if (r !== winner) s.notApplied.push(rejection(r.c.source, { id: r.c.id, kind: r.c.kind.kind, name: r.c.name }, reasons.exclusive(winner.c.id, winner.c.name)));
    }
  }
  enterStage(s, 'shipping');
}
