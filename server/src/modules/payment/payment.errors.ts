import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const PaymentErrors = defineErrors({
  'payment.amount_invalid': { status: 422, zh: '支付金额必须大于 0 元', en: 'The amount to pay must be more than zero' },
  'payment.openid_required': { status: 422, zh: '微信内支付需要先用微信登录', en: 'Paying inside WeChat needs a WeChat sign-in (openid)' },
  'payment.trade_no_invalid': { status: 422, zh: '商户订单号须为 6–28 位字母、数字或下划线', en: 'The trade number must be 6–28 letters, digits or underscores' },
  'payment.trade_no_taken': { status: 409, zh: '该商户订单号已用于另一笔支付', en: 'This trade number belongs to another payment' },
  'payment.expired': { status: 422, zh: '支付时间已过，请重新下单', en: 'The time to pay has passed; place the order again' },
  'payment.already_paid': { status: 409, zh: '该订单已支付，请勿重复付款', en: 'This has already been paid' },
  'payment.busy': { status: 409, zh: '正在发起支付，请稍后再试', en: 'A payment is being started; try again in a moment' },
  'payment.provider_refused': { status: 502, zh: '支付渠道拒绝了本次请求（{code}）', en: 'The payment provider refused the request ({code})' },
  'payment.provider_unavailable': { status: 503, zh: '支付渠道暂不可用，请稍后再试', en: 'The payment provider is unavailable; try again later' },
  'payment.refund_amount_invalid': { status: 422, zh: '退款金额必须大于 0 元', en: 'The refund must be more than zero' },
  'payment.refund_no_invalid': { status: 422, zh: '退款单号须为 1–64 位字母、数字或 _-|*@', en: 'The refund number must be 1–64 letters, digits or _-|*@' },
  'payment.refund_no_conflict': { status: 409, zh: '该退款单号已用于另一笔退款', en: 'This refund number was used for a different refund' },
  'payment.refund_not_paid': { status: 422, zh: '没有可退款的支付', en: 'There is no completed payment to refund' },
  'payment.refund_intent_ambiguous': { status: 409, zh: '该订单有多笔支付，请指明退哪一笔', en: 'Several payments exist; say which one to refund' },
  'payment.refund_exceeds': { status: 422, zh: '退款金额超过可退金额（最多可退 {remaining}）', en: 'The refund exceeds what is left to refund ({remaining} at most)' },
});

defineNouns({
  payment_intent: { zh: '支付单', en: 'Payment' },
  payment_refund: { zh: '退款单', en: 'Refund' },
});
