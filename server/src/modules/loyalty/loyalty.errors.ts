import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const LoyaltyErrors = defineErrors({
  'loyalty.insufficient_points': { status: 409, zh: '积分不足', en: 'Not enough points' },
  'loyalty.insufficient_balance': { status: 409, zh: '余额不足', en: 'Not enough balance' },
  'loyalty.hold_conflict': { status: 409, zh: '该订单已占用了不同数额的积分或余额', en: 'This order already holds a different amount' },
  'loyalty.already_signed_in': { status: 409, zh: '今天已经签到过了', en: 'You have already signed in today' },
  'loyalty.package_unavailable': { status: 422, zh: '该充值套餐已下架', en: 'This recharge package is not available' },
  'loyalty.level_threshold_taken': { status: 409, zh: '已有相同成长值门槛的等级', en: 'Another level has the same threshold' },
  'loyalty.level_in_use': { status: 409, zh: '还有 {members} 位会员处于该等级，不能删除', en: '{members} members hold this level; it cannot be deleted' },
  'loyalty.card_plan_unavailable': { status: 422, zh: '该会员卡已停售', en: 'This membership card is not on sale' },
  'loyalty.refund_exceeds': { status: 422, zh: '退回金额超过该订单使用的余额', en: 'The refund exceeds the balance this order used' },
});

defineNouns({
  loyalty_level: { zh: '会员等级', en: 'Level' },
  recharge_package: { zh: '充值套餐', en: 'Recharge package' },
  recharge: { zh: '充值单', en: 'Recharge' },
  card_plan: { zh: '会员卡', en: 'Membership card' },
  card_purchase: { zh: '会员卡订单', en: 'Card purchase' },
});
