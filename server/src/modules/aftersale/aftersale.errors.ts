import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const AfterSaleErrors = defineErrors({
  'aftersale.not_allowed': { status: 422, zh: '该订单当前不能申请此类售后', en: 'This kind of after-sale cannot be requested for the order now' },
  'aftersale.window_passed': { status: 422, zh: '已超过售后申请期限（确认收货后 {days} 天）', en: 'The after-sale window has passed ({days} days after receipt)' },
  'aftersale.line_unknown': { status: 422, zh: '订单中没有这件商品', en: 'That line is not in the order' },
  'aftersale.quantity_exceeded': { status: 409, zh: '申请数量超过可售后数量（可能已有售后在处理）', en: 'More units than are left for after-sales (another request may hold them)' },
  'aftersale.amount_exceeded': { status: 422, zh: '退款金额不能超过 {max}', en: 'The refund cannot exceed {max}' },
  'aftersale.bad_transition': { status: 409, zh: '售后单当前状态不能进行该操作', en: 'The after-sale cannot do that in its current status' },
  'aftersale.return_address_required': { status: 422, zh: '请填写退货地址（或在售后设置中设置默认退货地址）', en: 'Give a return address (or set a default one in the after-sale settings)' },
  'aftersale.order_not_paid': { status: 422, zh: '订单未支付，无需售后', en: 'The order was not paid' },
});

defineNouns({
  aftersale: { zh: '售后单', en: 'After-sale' },
});
