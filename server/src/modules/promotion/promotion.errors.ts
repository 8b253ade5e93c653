import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const PromotionErrors = defineErrors({
  'promotion.kind_unknown': { status: 422, zh: '不支持的优惠类型：{kind}', en: 'Unknown kind: {kind}' },
  'promotion.args_invalid': { status: 400, zh: '优惠规则有误，请检查标出的字段', en: 'The rule has invalid fields' },
  /** One field of the rule (a field error's message): the sentence comes in both languages. */
  'promotion.arg_rule': { status: 400, zh: '{zh}', en: '{en}' },
  'promotion.schedule_invalid': { status: 422, zh: '结束时间必须晚于开始时间', en: 'The end must be after the start' },
  'promotion.not_editable': { status: 409, zh: '已结束的活动不能再修改', en: 'An ended promotion cannot be changed' },
  'promotion.not_deletable': { status: 409, zh: '只能删除草稿；进行过的活动请结束它', en: 'Only drafts can be deleted; end a promotion that has run instead' },
  'promotion.template_not_deletable': { status: 409, zh: '只能删除未发放过的草稿券', en: 'Only draft templates that issued no coupon can be deleted' },
  'promotion.quantity_below_issued': { status: 422, zh: '发放总量不能少于已发放的 {issued} 张', en: 'The total cannot be below the {issued} already issued' },
  'promotion.template_not_claimable': { status: 422, zh: '该优惠券当前不可领取', en: 'This coupon cannot be claimed now' },
  'promotion.coupon_sold_out': { status: 409, zh: '优惠券已被领完', en: 'All of these coupons have been claimed' },
  'promotion.claim_limit_reached': { status: 409, zh: '每人限领 {limit} 张，你已领过', en: 'At most {limit} per customer; you already have yours' },
  'promotion.coupon_not_found': { status: 404, zh: '优惠券不存在或不属于你', en: 'Coupon not found' },
  'promotion.coupon_unavailable': { status: 409, zh: '所选优惠券已被使用、被其他订单占用或已过期，请重新选择', en: 'A chosen coupon is used, held by another order or expired; choose again' },
});

defineNouns({
  promotion: { zh: '活动', en: 'Promotion' },
  coupon_template: { zh: '优惠券', en: 'Coupon template' },
});
