import type { TOrderStatus } from '@koi/contracts';

/**
 * The order state machine (pure). After-sale flags come with the after-sales work; they ride beside
 * the status rather than being states of their own.
 *
 *   pending_payment ─pay→ paid ─ship→ shipped ─confirm/auto_confirm→ completed
 *                             └─pick_up (到店自提: store staff verified the code)→ completed
 *          └─close (timeout, buyer, merchant)→ closed
 *   paid / shipped / completed ─refund_close (every unit refunded by after-sales)→ closed
 */
export type OrderAction = 'pay' | 'close' | 'adjust_price' | 'ship' | 'confirm_receipt' | 'pick_up' | 'refund_close';

const ALLOWED: Record<TOrderStatus, readonly OrderAction[]> = {
  pending_payment: ['pay', 'close', 'adjust_price'],
  paid: ['ship', 'pick_up', 'refund_close'],
  shipped: ['confirm_receipt', 'refund_close'],
  completed: ['refund_close'],
  closed: [],
};

const TARGET: Record<OrderAction, TOrderStatus | null> = {
  pay: 'paid',
  close: 'closed',
  adjust_price: null,
  ship: 'shipped',
  confirm_receipt: 'completed',
  pick_up: 'completed',
  /** After-sales refunded every unit (issue 6): the order closes with reason `refunded`. */
  refund_close: 'closed',
};

export function can(status: TOrderStatus, action: OrderAction): boolean {
  return ALLOWED[status].includes(action);
}

/** The status after `action`, or null when the action is not allowed from `status`. */
export function next(status: TOrderStatus, action: OrderAction): TOrderStatus | null {
  if (!can(status, action)) return null;
  return TARGET[action] ?? status;
}

/** What the shopper's buttons may offer. */
export function shopperActions(status: TOrderStatus): ('pay' | 'cancel' | 'confirm_receipt')[] {
  if (status === 'pending_payment') return ['pay', 'cancel'];
  if (status === 'shipped') return ['confirm_receipt'];
  return [];
}

/** What the operator's buttons may offer. */
export function adminActions(status: TOrderStatus): ('adjust_price' | 'close' | 'remark')[] {
  return status === 'pending_payment' ? ['adjust_price', 'close', 'remark'] : ['remark'];
}

export function isTerminal(status: TOrderStatus): boolean {
  return ALLOWED[status].length === 0;
}
