import type { TCloseReason, TOrderStatus } from '@koi/contracts';
import type { OrderTab } from '@/api/order';
import type { MessageKey } from '@/locale';

/** Words for the order states, close reasons and the list's tabs (待付款, 待发货 …). */
const STATUS: Record<TOrderStatus, MessageKey> = {
  pending_payment: 'order.statusPendingPayment',
  paid: 'order.statusPaid',
  shipped: 'order.statusShipped',
  completed: 'order.statusCompleted',
  closed: 'order.statusClosed',
};

const CLOSE_REASON: Record<TCloseReason, MessageKey> = {
  payment_timeout: 'order.closedTimeout',
  buyer_cancelled: 'order.closedByBuyer',
  merchant_closed: 'order.closedByMerchant',
  refunded: 'order.closedRefunded',
};

export function statusKey(status: TOrderStatus): MessageKey {
  return STATUS[status];
}

export function closeReasonKey(reason: TCloseReason): MessageKey {
  return CLOSE_REASON[reason];
}

export const ORDER_TABS_SHOWN: ReadonlyArray<{ tab: OrderTab; key: MessageKey }> = [
  { tab: 'all', key: 'order.tabAll' },
  { tab: 'pending_payment', key: 'order.tabPendingPayment' },
  { tab: 'paid', key: 'order.tabPaid' },
  { tab: 'shipped', key: 'order.tabShipped' },
  { tab: 'completed', key: 'order.tabCompleted' },
  { tab: 'closed', key: 'order.tabClosed' },
];

/** Payment channels by name (the order keeps the channel it was paid through). */
export function channelKey(channel: string): MessageKey {
  if (channel.startsWith('wechat')) return 'pay.wechat';
  if (channel.startsWith('alipay')) return 'pay.alipay';
  // Issue 8: paid in full from the stored-value balance (no provider payment).
  if (channel === 'balance') return 'pay.balance';
  return 'pay.other';
}
