import { defineErrors, defineNouns } from '../../platform/errors.ts';

defineNouns({ pickup: { zh: '自提订单', en: 'pickup order' }, local_delivery: { zh: '同城配送单', en: 'local delivery' } });

export const PickupErrors = defineErrors({
  'pickup.code_not_found': { status: 404, zh: '核销码无效，请核对后重新输入', en: 'No pickup waits with this code; check it and try again' },
  'pickup.already_picked_up': { status: 409, zh: '该订单已核销提货', en: 'This order has already been picked up' },
  'pickup.order_not_ready': { status: 409, zh: '订单当前状态不能提货（可能已退款或关闭）', en: 'The order cannot be handed over in its current state (refunded or closed?)' },
  'pickup.too_many_wrong_codes': {
    status: 429, zh: '核销码输错次数过多，请 {minutes} 分钟后再试', en: 'Too many wrong pickup codes; try again in {minutes} minutes',
  },
  'local_delivery.wrong_status': { status: 409, zh: '配送单当前状态不能进行此操作', en: 'The delivery is not in a state that allows this' },
  'local_delivery.order_not_paid': { status: 409, zh: '订单当前状态不能发出配送', en: 'The order cannot go out for delivery in its current state' },
});
