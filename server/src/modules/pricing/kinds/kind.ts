import type { z } from 'zod';
import type { TLocalText, TPricingContext, TPricingPolicy } from '@koi/contracts';

/**
 * The plug-in interface of the pricing engine. A promotion or coupon kind is one small declared
 * object: its code, the stage it acts in, a zod schema of its arguments (with `.meta({ label, unit,
 * help })` on each field, from which the admin form is generated), how it stacks, and a pure `apply`.
 * The engine does everything common: validity dates, scope, stacking and exclusive groups, capping,
 * allocation to lines and the explanation's cap note. A new kind is a file in this folder and its line
 * in `registry.ts`.
 */

/** A cart line as a kind sees it (only the lines in the promotion's or coupon's scope). */
export type KindLine = Readonly<{
  lineId: string;
  skuId: string;
  productId: string;
  categoryIds: readonly string[];
  quantity: number;
  unitPriceFen: number;
  listPriceFen: number | null;
  /** One unit after item-level prices. */
  salePriceFen: number;
  weightGrams: number;
  /** What thresholds compare at this stage (see the engine's stage notes and the policy). */
  baseFen: number;
  /** What is still left to discount on this line. */
  remainingFen: number;
}>;

export type KindContext<A> = {
  args: A;
  lines: readonly KindLine[];
  shopper: TPricingContext;
  nowMs: number;
  shipping: Readonly<{ feeFen: number; remainingFen: number }>;
  policy: TPricingPolicy;
};

/** Why a kind did not apply: a stable code, the numbers behind it, and the sentence for the shopper. */
export type NotAppliedOutcome = { type: 'not_applied'; code: string; data: Record<string, string | number>; text: TLocalText };

/**
 * A discount on goods (order-level or coupon): the engine caps it at what the lines have left,
 * allocates it by largest remainder and asks `explain` for the sentence with the amount really taken.
 */
export type DiscountOutcome = {
  type: 'discount';
  amountFen: number;
  explain: (appliedFen: number) => TLocalText;
  hint?: TLocalText | null;
  /** Only these of the kind's lines take the discount (N元任选: the lines whose units were bundled); all of them when absent. */
  onLineIds?: readonly string[];
};
/** A discount on the shipping fee (capped at the fee left). */
export type ShippingOutcome = { type: 'shipping'; amountFen: number; explain: (appliedFen: number) => TLocalText; hint?: TLocalText | null };
/** Item level: a new unit price per line (lineId → fen); per line the lowest price of all item-level promotions wins. */
export type PricesOutcome = { type: 'prices'; prices: ReadonlyMap<string, number>; explain: (savedFen: number, lineCount: number) => TLocalText };

/**
 * 满赠 (order stage): a SKU given with the order. No amount: it changes no payable and takes no part in
 * allocation. The engine checks `giftStock` (when the caller passed it) before it applies.
 */
export type GiftOutcome = { type: 'gift'; skuId: string; quantity: number; text: TLocalText; hint?: TLocalText | null };

export type KindOutcome = DiscountOutcome | ShippingOutcome | PricesOutcome | GiftOutcome | NotAppliedOutcome;

export type Stacking = {
  /** Of the candidates in one group only one applies: the one that leaves the shopper the lowest payable. */
  exclusiveGroup?: string;
  /** Higher applies first within its stage (before the promotion's own priority and id). */
  priority: number;
};

type KindBase<A> = {
  readonly kind: string;
  readonly name: TLocalText;
  readonly description: TLocalText;
  /** Arguments, validated when the operator saves and again by the engine; fields carry `.meta()` labels. */
  readonly args: z.ZodType<A>;
  readonly stacking: Stacking;
  /** One line for lists: "满 ¥300 减 ¥30，满 ¥600 减 ¥80". */
  summary(args: A): TLocalText;
  apply(ctx: KindContext<A>): KindOutcome;
};

export type PromotionKind<A = unknown> = KindBase<A> & {
  readonly target: 'promotion';
  readonly stage: 'item' | 'order' | 'shipping';
  /** A kind that gives gifts names every SKU it may give, so the checkout can ask inventory for their stock before pricing. */
  giftSkuIds?(args: A): string[];
};
export type CouponKind<A = unknown> = KindBase<A> & { readonly target: 'coupon'; readonly stage: 'coupon' };
export type AnyKind = PromotionKind | CouponKind;

/** Identity helpers that check a kind's shape where it is declared. */
export const definePromotionKind = <A>(k: PromotionKind<A>): PromotionKind<A> => k;
export const defineCouponKind = <A>(k: CouponKind<A>): CouponKind<A> => k;

/**
 * A cross-field rule of a kind's args failed: the issue carries the sentence in both languages, so
 * the operator reads it in theirs under the field (the promotion module passes both on).
 */
export function ruleIssue(ctx: { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string; params: { zh: string; en: string } }): void }, path: (string | number)[], zh: string, en: string): void {
  ctx.addIssue({ code: 'custom', path, message: en, params: { zh, en } });
}
