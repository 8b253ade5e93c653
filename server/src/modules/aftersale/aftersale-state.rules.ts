import type { TAfterSaleKind, TAfterSaleStatus } from '@koi/contracts';

/**
 * The after-sale state machine (pure), as data: who may do what from which status, and where it
 * leads for each kind. Checked at start-up by `validateMachine` (the tests run it too).
 *
 *   requested ─withdraw(shopper)→ withdrawn
 *       ├─reject(merchant)→ rejected
 *       └─approve(merchant) / auto_approve(system, past the merchant's deadline)
 *            refund_only → approved ─start_refund→ refunding ─refund_succeeded→ refunded
 *            return_refund, exchange → awaiting_return ─ship_back(shopper)→ returned ─receive(merchant)→ received
 *                 return_refund: received ─start_refund→ refunding → refunded
 *                 exchange:      received ─reship(merchant)→ reshipped ─confirm_exchange(shopper)/close(system)→ closed
 *   refunding ─refund_failed(system)→ refund_failed ─start_refund(merchant)→ refunding
 */
export type AfterSaleAction =
  | 'withdraw' | 'approve' | 'auto_approve' | 'reject' | 'ship_back' | 'receive'
  | 'start_refund' | 'refund_succeeded' | 'refund_failed' | 'reship' | 'confirm_exchange' | 'close';
export type Actor = 'shopper' | 'merchant' | 'system';

type Target = TAfterSaleStatus | Partial<Record<TAfterSaleKind, TAfterSaleStatus>>;
type Edge = { by: readonly Actor[]; to: Target };

const RETURNS = { refund_only: 'approved', return_refund: 'awaiting_return', exchange: 'awaiting_return' } as const;

export const TRANSITIONS: Record<TAfterSaleStatus, Partial<Record<AfterSaleAction, Edge>>> = {
  requested: {
    withdraw: { by: ['shopper'], to: 'withdrawn' },
    approve: { by: ['merchant'], to: RETURNS },
    auto_approve: { by: ['system'], to: RETURNS },
    reject: { by: ['merchant'], to: 'rejected' },
  },
  approved: { start_refund: { by: ['merchant', 'system'], to: { refund_only: 'refunding' } } },
  awaiting_return: { ship_back: { by: ['shopper'], to: 'returned' } },
  returned: { receive: { by: ['merchant'], to: 'received' } },
  received: {
    start_refund: { by: ['merchant', 'system'], to: { return_refund: 'refunding' } },
    reship: { by: ['merchant'], to: { exchange: 'reshipped' } },
  },
  refunding: {
    refund_succeeded: { by: ['system'], to: 'refunded' },
    refund_failed: { by: ['system'], to: 'refund_failed' },
  },
  refund_failed: { start_refund: { by: ['merchant', 'system'], to: 'refunding' } },
  reshipped: {
    confirm_exchange: { by: ['shopper'], to: 'closed' },
    close: { by: ['system', 'merchant'], to: 'closed' },
  },
  rejected: {},
  withdrawn: {},
  refunded: {},
  closed: {},
};

/** Statuses in which the after-sale still holds its units (and fen) of the order lines. */
export const OPEN_STATUSES: readonly TAfterSaleStatus[] = ['requested', 'approved', 'awaiting_return', 'returned', 'received', 'refunding', 'refund_failed', 'reshipped'];
/** Ended without money moving: the units it held are free again. */
export const RELEASING_STATUSES: readonly TAfterSaleStatus[] = ['rejected', 'withdrawn'];

export function isTerminal(status: TAfterSaleStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/** The status after `action` by `actor`, or null when it is not allowed. */
export function nextStatus(s: { status: TAfterSaleStatus; kind: TAfterSaleKind }, action: AfterSaleAction, actor: Actor): TAfterSaleStatus | null {
  const edge = TRANSITIONS[s.status][action];
  if (!edge || !edge.by.includes(actor)) return null;
  return typeof edge.to === 'string' ? edge.to : (edge.to[s.kind] ?? null);
}

export function actionsFor(s: { status: TAfterSaleStatus; kind: TAfterSaleKind }, actor: Actor): AfterSaleAction[] {
  return (Object.keys(TRANSITIONS[s.status]) as AfterSaleAction[]).filter((a) => nextStatus(s, a, actor) !== null);
}

/** The shopper's buttons. */
export function shopperActions(s: { status: TAfterSaleStatus; kind: TAfterSaleKind }): ('withdraw' | 'ship_back' | 'confirm_exchange')[] {
  return actionsFor(s, 'shopper').filter((a): a is 'withdraw' | 'ship_back' | 'confirm_exchange' => a === 'withdraw' || a === 'ship_back' || a === 'confirm_exchange');
}

/** The operator's buttons (`refund` retries a refund that failed or never started). */
export function adminActions(s: { status: TAfterSaleStatus; kind: TAfterSaleKind }): ('approve' | 'reject' | 'receive' | 'refund' | 'reship')[] {
  const out: ('approve' | 'reject' | 'receive' | 'refund' | 'reship')[] = [];
  for (const a of actionsFor(s, 'merchant')) {
    if (a === 'approve' || a === 'reject' || a === 'receive' || a === 'reship') out.push(a);
    else if (a === 'start_refund') out.push('refund');
  }
  return out;
}

/**
 * Start-up check of the table: every target is a status, refunds only happen for the kinds that
 * refund, and only terminal statuses have no way forward. Throws on the first problem.
 */
export function validateMachine(statuses: readonly TAfterSaleStatus[], kinds: readonly TAfterSaleKind[]): void {
  for (const from of statuses) {
    for (const [action, edge] of Object.entries(TRANSITIONS[from])) {
      const targets = typeof edge.to === 'string' ? [edge.to] : Object.values(edge.to);
      for (const t of targets) if (!statuses.includes(t)) throw new Error(`after-sale machine: ${from} -${action}→ unknown ${t}`);
      if (typeof edge.to !== 'string') for (const k of Object.keys(edge.to)) if (!kinds.includes(k as TAfterSaleKind)) throw new Error(`after-sale machine: unknown kind ${k}`);
    }
  }
  const toRefunding = TRANSITIONS.received.start_refund?.to;
  if (typeof toRefunding !== 'string' && toRefunding?.exchange) throw new Error('after-sale machine: an exchange must not refund');
}

/** When the request may be made, given the order's state (pure; `now` from the caller). */
export type OrderFacts = { status: 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'closed'; completedAt: Date | null };

export function allowedKinds(order: OrderFacts, now: Date, windowDays: number): { kinds: TAfterSaleKind[]; windowEndsAt: Date | null } {
  if (order.status === 'paid') return { kinds: ['refund_only'], windowEndsAt: null };
  if (order.status === 'shipped') return { kinds: ['refund_only', 'return_refund', 'exchange'], windowEndsAt: null };
  if (order.status === 'completed' && order.completedAt) {
    const ends = new Date(order.completedAt.getTime() + windowDays * 86_400_000);
    return { kinds: now < ends ? ['refund_only', 'return_refund', 'exchange'] : [], windowEndsAt: ends };
  }
  return { kinds: [], windowEndsAt: null };
}
