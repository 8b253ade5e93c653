import { z } from 'zod';
import { defineCouponKind } from './kind.ts';
import { amountOff } from './amount-off.kind.ts';
import { text, yuan } from '../texts.ts';
import { MAX_FEN } from './rates.ts';

export const ZNoThresholdArgs = z.strictObject({
  amountFen: z.number().int().min(1).max(MAX_FEN).meta({ label: { zh: '减', en: 'Amount off' }, unit: 'fen' }),
});
export type TNoThresholdArgs = z.output<typeof ZNoThresholdArgs>;

/**
 * 无门槛券: 满减券 with no minimum spend (amount_off with threshold 0 already prices so), offered as its
 * own kind so the operator picks it by name and fills one field. Same group `order_coupon`.
 */
export const noThreshold = defineCouponKind<TNoThresholdArgs>({
  kind: 'no_threshold',
  target: 'coupon',
  stage: 'coupon',
  name: { zh: '无门槛券', en: 'No-minimum coupon' },
  description: { zh: '不限金额，直接抵扣', en: 'Money off with no minimum spend' },
  args: ZNoThresholdArgs,
  stacking: { exclusiveGroup: 'order_coupon', priority: 100 },
  summary: (a) => text(`无门槛减 ${yuan(a.amountFen)}`, `${yuan(a.amountFen)} off, no minimum`),
  apply: (ctx) => amountOff.apply({ ...ctx, args: { thresholdFen: 0, amountFen: ctx.args.amountFen } }),
});
