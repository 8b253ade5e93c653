import type { TDiscountShare, TNotApplied, TPricedLine, TPricedOrder, TPricingInput } from '@koi/contracts';
import { candidatesOf, groupsOf } from './candidates.rules.ts';
import { applyItemStage } from './item-stage.rules.ts';
import { KINDS, type KindRegistry } from './kinds/registry.ts';
import { runGroups, type Env, type Share, type State } from './pipeline.rules.ts';
import { allocatePoints, allocateStoredValue, pointsValue } from './points.rules.ts';
import { reasons } from './reasons.ts';
import { text, thousands, yuan } from './texts.ts';

/**
 * Prices a cart. Pure: no I/O, no clock (`context.now`), the same input gives a deep-equal output
 * whatever the order of its promotions and coupons. The order of application is fixed:
 *
 *   1. item-level prices   limited-time discount, member price — per line the lowest wins
 *   2. order-level         满减 / 满折 — on the lines after item-level prices
 *   3. coupons             thresholds on the amount before or after stage 2 (policy)
 *   4. shipping            free-shipping promotions, on what is left after coupons
 *   5. points              at most capPercent % of what is left (shipping too if the policy says so)
 *   6. stored value        a means of payment: splits the payable, changes nothing in it
 *
 * 满赠 acts in stage 2 but gives a SKU, not money: it is listed in `gifts` (and in `applied` at ¥0),
 * never allocated, so it changes no payable; its stock is checked against `giftStock` when given.
 *
 * Within a stage candidates apply in rank order (kind priority, promotion priority, id), each on what
 * the previous ones left; of an exclusive group only the one leaving the lowest payable applies.
 * Every discount is capped at what its lines have left and allocated by largest remainder, so no line
 * goes below zero, lines + shipping sum to the payable, and refunds are exact (see refund.rules.ts).
 * Linear in lines × promotions (plus one re-run of the later stages per member of a contested group).
 */
export function priceCart(input: TPricingInput, registry: KindRegistry = KINDS): TPricedOrder {
  const nowMs = checkInput(input);
  const env: Env = { input, nowMs };
  const { candidates, rejected } = candidatesOf(input, registry, nowMs);
  const amounts = input.lines.map((l) => l.unitPriceFen * l.quantity);
  const s: State = {
    stage: 'item', salePrice: input.lines.map((l) => l.unitPriceFen), subtotal: amounts.slice(), remaining: amounts.slice(), afterOrder: null,
    shippingRemaining: input.shippingFen, shares: [], applied: [], notApplied: [], totals: { item: 0, order: 0, coupon: 0, shipping: 0 },
    gifts: [], giftLeft: input.giftStock ? { ...input.giftStock } : null,
  };
  applyItemStage(s, env, candidates.filter((c) => c.stage === 'item'));
  runGroups(s, env, groupsOf(candidates), 0, 'best');

  const goods = s.remaining.reduce((a, b) => a + b, 0);
  const pv = pointsValue(goods, s.shippingRemaining, input.points, input.policy);
  const pointsSplit = allocatePoints(s.remaining, s.shippingRemaining, pv, input.policy);
  const notApplied = [...rejected, ...s.notApplied];
  if (input.points && input.points.requested > 0) {
    const pointsLabel = text('积分抵扣', 'Points');
    pointsSplit.fen.forEach((fen, i) => {
      if (fen > 0) s.shares.push({ line: i < input.lines.length ? i : -1, source: 'points', sourceId: 'points', stage: 'points', label: pointsLabel, amountFen: fen });
    });
    if (pv.valueFen > 0) {
      const capped = pv.valueFen < pv.requestedValueFen;
      const short = input.points.requested > input.points.balance;
      s.applied.push({
        source: 'points', sourceId: 'points', kind: 'points', stage: 'points', name: pointsLabel.zh, amountFen: pv.valueFen, requestedFen: pv.requestedValueFen, capped,
        text: text(
          `使用 ${thousands(pv.used)} 积分抵 ${yuan(pv.valueFen)}${capped ? `（积分最多抵扣 ${input.points.capPercent}%）` : ''}${short ? `（积分余额 ${thousands(input.points.balance)}）` : ''}`,
          `${thousands(pv.used)} points: −${yuan(pv.valueFen)}${capped ? ` (points pay at most ${input.points.capPercent}%)` : ''}${short ? ` (balance ${thousands(input.points.balance)})` : ''}`,
        ),
        hint: null,
        lineIds: input.lines.filter((_, i) => pointsSplit.fen[i]! > 0).map((l) => l.lineId),
      });
    } else {
      const r = pv.requestedValueFen === 0 ? reasons.pointsTooFew(input.points.balance, input.points.perYuan) : reasons.pointsCappedToZero(input.points.capPercent);
      notApplied.push({ source: 'points', sourceId: 'points', kind: 'points', name: pointsLabel.zh, code: r.code, data: r.data, text: r.text });
    }
  }
  return result(input, s, pv, pointsSplit, notApplied);
}

function result(input: TPricingInput, s: State, pv: ReturnType<typeof pointsValue>, pts: { fen: number[]; points: number[] }, notApplied: TNotApplied[]): TPricedOrder {
  const n = input.lines.length;
  const byLine: TDiscountShare[][] = input.lines.map(() => []);
  const shipping: TDiscountShare[] = [];
  for (const sh of s.shares) (sh.line >= 0 ? byLine[sh.line]! : shipping).push(shareOut(sh));
  const payables = [...s.remaining.map((r, i) => r - pts.fen[i]!), s.shippingRemaining - pts.fen[n]!];
  const sv = allocateStoredValue(payables, input.storedValue);

  const lines: TPricedLine[] = input.lines.map((l, i) => {
    const amountFen = l.unitPriceFen * l.quantity;
    const discountFen = byLine[i]!.reduce((a, d) => a + d.amountFen, 0);
    const payableFen = payables[i]!;
    if (amountFen - discountFen !== payableFen || payableFen < 0) throw new Error(`pricing invariant broken on line ${l.lineId}`);
    return {
      lineId: l.lineId, skuId: l.skuId, productId: l.productId, quantity: l.quantity, listPriceFen: l.listPriceFen, unitPriceFen: l.unitPriceFen,
      salePriceFen: s.salePrice[i]!, amountFen, subtotalFen: s.subtotal[i]!, discounts: byLine[i]!, discountFen, payableFen,
      points: pts.points[i]!, storedValueFen: sv.parts[i]!, cashFen: payableFen - sv.parts[i]!,
    };
  });
  const shipDiscount = shipping.filter((d) => d.source !== 'points').reduce((a, d) => a + d.amountFen, 0);
  const shipPayable = payables[n]!;
  const itemsFen = lines.reduce((a, l) => a + l.amountFen, 0);
  const discountFen = s.totals.item + s.totals.order + s.totals.coupon + s.totals.shipping;
  const payableFen = lines.reduce((a, l) => a + l.payableFen, 0) + shipPayable;
  if (payableFen !== itemsFen - discountFen + input.shippingFen - pv.valueFen) throw new Error('pricing invariant broken: totals');
  return {
    lines,
    shipping: {
      feeFen: input.shippingFen, discounts: shipping, discountFen: shipDiscount, pointsFen: pts.fen[n]!, points: pts.points[n]!,
      payableFen: shipPayable, storedValueFen: sv.parts[n]!, cashFen: shipPayable - sv.parts[n]!,
    },
    totals: { itemsFen, discounts: { ...s.totals }, discountFen, pointsFen: pv.valueFen, payableFen, storedValueFen: sv.total, cashPayableFen: payableFen - sv.total },
    points: input.points ? { requested: input.points.requested, used: pv.used, valueFen: pv.valueFen, capFen: pv.capFen } : null,
    applied: s.applied,
    gifts: s.gifts,
    notApplied: notApplied.sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0)),
    policy: input.policy,
  };
}

const SOURCE_ORDER = { promotion: 0, coupon: 1, points: 2 } as const;

function shareOut(sh: Share): TDiscountShare {
  return { source: sh.source, sourceId: sh.sourceId, stage: sh.stage, label: sh.label, amountFen: sh.amountFen };
}

const money = (v: number) => Number.isSafeInteger(v) && v >= 0;

/** The caller builds the input from its own data, so a bad one is a bug: refused loudly. Returns `now` in ms. */
function checkInput(input: TPricingInput): number {
  const nowMs = Date.parse(input.context.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`pricing: bad now ${input.context.now}`);
  if (!money(input.shippingFen)) throw new RangeError('pricing: bad shipping fee');
  for (const l of input.lines) {
    if (!money(l.unitPriceFen) || !Number.isSafeInteger(l.quantity) || l.quantity < 1 || !money(l.unitPriceFen * l.quantity)) throw new RangeError(`pricing: bad line ${l.lineId}`);
  }
  for (const [what, ids] of [['line', input.lines.map((l) => l.lineId)], ['promotion', input.promotions.map((p) => p.id)], ['coupon', input.coupons.map((c) => c.id)]] as const) {
    if (new Set(ids).size !== ids.length) throw new RangeError(`pricing: a ${what} id appears twice`);
  }
  return nowMs;
}
