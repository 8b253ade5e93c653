import { defineErrors, defineNouns } from '../../platform/errors.ts';

defineNouns({ order: { zh: '订单', en: 'order' } });

export const OrderErrors = defineErrors({
  'checkout.empty': { status: 409, zh: '没有可结算的商品，请先在购物车勾选商品', en: 'Nothing to check out: select items in your cart first' },
  'checkout.line_unavailable': { status: 409, zh: '「{title}」{reason}', en: '"{title}": {reason}' },
  'checkout.address_required': { status: 409, zh: '请选择收货地址', en: 'Choose a delivery address' },
  'checkout.undeliverable': { status: 409, zh: '「{title}」不支持配送到该地址', en: '"{title}" cannot be delivered to this address' },
  'checkout.limit_exceeded': { status: 409, zh: '「{title}」每人限购 {limit} 件', en: '"{title}" is limited to {limit} per person' },
  'checkout.out_of_stock': { status: 409, zh: '「{title}」库存不足，请减少数量或稍后再试', en: '"{title}" does not have enough stock; lower the quantity or try later' },
  'checkout.coupon_unusable': { status: 409, zh: '所选优惠券不可用：{reason}', en: 'The chosen coupon cannot be used: {reason}' },
  'checkout.first_order_taken': { status: 409, zh: '首单优惠已被你的另一笔订单使用，请重新确认订单', en: 'Your first-order discount went to another order of yours; please confirm again' },
  'order.not_pending': { status: 409, zh: '订单当前状态不能进行此操作', en: 'The order is not in a state that allows this' },
  'order.not_shipped': { status: 409, zh: '订单尚未发货，不能确认收货', en: 'The order has not been shipped yet' },
  'order.adjust_invalid': { status: 422, zh: '改价后的金额不能高于原价 {maxYuan}', en: 'The new amount cannot exceed the original {maxYuan}' },
  'order.adjust_balance_held': { status: 409, zh: '该订单部分使用余额支付，不能改价', en: 'Part of this order is paid from the balance; its price cannot be changed' },
  'order.pay_channel_unsupported': { status: 422, zh: '该支付方式在当前环境不可用', en: 'This payment method is not available here' },
});
