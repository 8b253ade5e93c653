import type { TCouponStatus, TLocalText } from '@koi/contracts';
import type { NotAppliedOutcome } from './kinds/kind.ts';
import { beijingTime, text, yuan } from './texts.ts';

/**
 * The engine's own reasons a promotion or coupon did not apply (the kinds add theirs, such as
 * `below_threshold`). Codes are stable; texts are for the shopper.
 */
export const REASON_CODES = [
  'kind_unknown', 'args_invalid', 'not_started', 'ended', 'coupon_not_yet_valid', 'coupon_expired', 'coupon_used',
  'coupon_frozen', 'out_of_scope', 'nothing_to_discount', 'exclusive', 'no_better_price', 'points_too_few', 'points_capped_to_zero', 'gift_out_of_stock',
] as const;

const out = (code: (typeof REASON_CODES)[number], data: Record<string, string | number>, t: TLocalText): NotAppliedOutcome => ({ type: 'not_applied', code, data, text: t });

export const reasons = {
  kindUnknown: (kind: string) => out('kind_unknown', { kind }, text(`暂不支持的优惠类型（${kind}），未生效`, `Unsupported kind (${kind}); not applied`)),
  argsInvalid: () => out('args_invalid', {}, text('优惠设置有误，未生效', 'Its settings are invalid; not applied')),
  notStarted: (startsMs: number, coupon: boolean) =>
    coupon
      ? out('coupon_not_yet_valid', { validFrom: new Date(startsMs).toISOString() }, text(`${beijingTime(startsMs)} 起可用`, `Usable from ${beijingTime(startsMs)} (Beijing time)`))
      : out('not_started', { startsAt: new Date(startsMs).toISOString() }, text(`活动 ${beijingTime(startsMs)} 开始`, `Starts ${beijingTime(startsMs)} (Beijing time)`)),
  ended: (endsMs: number, coupon: boolean) =>
    coupon
      ? out('coupon_expired', { validUntil: new Date(endsMs).toISOString() }, text(`已于 ${beijingTime(endsMs)} 过期`, `Expired ${beijingTime(endsMs)} (Beijing time)`))
      : out('ended', { endsAt: new Date(endsMs).toISOString() }, text(`活动已于 ${beijingTime(endsMs)} 结束`, `Ended ${beijingTime(endsMs)} (Beijing time)`)),
  couponStatus: (status: Exclude<TCouponStatus, 'available'>) =>
    status === 'used'
      ? out('coupon_used', { status }, text('优惠券已使用', 'This coupon has been used'))
      : status === 'frozen'
        ? out('coupon_frozen', { status }, text('优惠券已被另一笔待支付订单占用', 'This coupon is held by another unpaid order'))
        : out('coupon_expired', { status }, text('优惠券已过期', 'This coupon has expired')),
  outOfScope: (coupon: boolean) =>
    coupon
      ? out('out_of_scope', {}, text('所选商品都不在此券的可用范围内', 'None of these items is eligible for this coupon'))
      : out('out_of_scope', {}, text('所选商品都不参与此活动', 'None of these items takes part in this promotion')),
  nothingToDiscount: () => out('nothing_to_discount', {}, text('可用商品已无可优惠的金额', 'Nothing is left to discount on the eligible items')),
  exclusive: (winnerId: string, winnerName: string) =>
    out('exclusive', { winnerId, winnerName }, text(`与「${winnerName}」不可同享，已为你选择更优惠的「${winnerName}」`, `Cannot be combined with “${winnerName}”, which saves you more`)),
  noBetterPrice: () => out('no_better_price', {}, text('商品已是更低的价格', 'The items already have a lower price')),
  pointsTooFew: (balance: number, perYuan: number) =>
    out('points_too_few', { balance, perYuan }, text(`积分不足抵扣 ${yuan(1)}（${perYuan} 积分抵 ¥1）`, `Not enough points for ${yuan(1)} (${perYuan} points = ¥1)`)),
  giftOutOfStock: (skuId: string, left: number) => out('gift_out_of_stock', { skuId, left }, text('赠品已赠完', 'The gift has run out')),
  pointsCappedToZero: (capPercent: number) =>
    out('points_capped_to_zero', { capPercent }, text(`本单无可用积分抵扣的金额（最多抵扣 ${capPercent}%）`, `Nothing on this order can be paid with points (at most ${capPercent}%)`)),
};

export const capNote = (availableFen: number): TLocalText =>
  text(`（可优惠金额仅 ${yuan(availableFen)}，按此封顶）`, ` (capped at the ${yuan(availableFen)} left to discount)`);
