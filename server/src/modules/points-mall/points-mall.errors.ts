import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const PointsMallErrors = defineErrors({
  'points_mall.unavailable': { status: 422, zh: '该商品暂不可兑换', en: 'This item cannot be exchanged now' },
  'points_mall.sold_out': { status: 409, zh: '已兑完', en: 'Sold out' },
  'points_mall.limit_reached': { status: 409, zh: '每人限兑 {limit} 件，你已兑满', en: 'Limited to {limit} per customer; you have reached it' },
  'points_mall.address_required': { status: 422, zh: '兑换实物商品需要填写收货地址', en: 'A delivery address is needed for a product' },
  'points_mall.coupon_sold_out': { status: 409, zh: '该优惠券已发完，积分未扣除', en: 'This coupon has run out; no points were spent' },
  'points_mall.coupon_limit_reached': { status: 409, zh: '你已达到该优惠券的每人限领数量，积分未扣除', en: 'You hold as many of this coupon as allowed; no points were spent' },
  'points_mall.coupon_unavailable': { status: 409, zh: '该优惠券已结束发放，积分未扣除', en: 'This coupon is no longer issued; no points were spent' },
  'points_mall.ref_invalid': { status: 422, zh: '所选优惠券或商品规格不存在或不可用', en: 'The chosen coupon template or SKU does not exist or cannot be used' },
  'points_mall.idempotency_conflict': { status: 409, zh: '该请求编号已用于另一件商品的兑换', en: 'This Idempotency-Key was used to exchange another item' },
});

defineNouns({
  points_mall_item: { zh: '积分商城商品', en: 'Points mall item' },
  points_mall_exchange: { zh: '兑换记录', en: 'Exchange' },
});
