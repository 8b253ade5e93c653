import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ORDER_STATUSES } from '@koi/contracts';
import { can, next, isTerminal, shopperActions, type OrderAction } from './order-state.rules.ts';

const ACTIONS: OrderAction[] = ['pay', 'close', 'adjust_price', 'ship', 'confirm_receipt', 'pick_up'];

describe('order state machine', () => {
  it('walks the happy path and closes only unpaid orders', () => {
    expect(next('pending_payment', 'pay')).toBe('paid');
    expect(next('paid', 'ship')).toBe('shipped');
    expect(next('shipped', 'confirm_receipt')).toBe('completed');
    expect(next('pending_payment', 'close')).toBe('closed');
    expect(next('paid', 'close')).toBeNull();
    expect(next('pending_payment', 'adjust_price')).toBe('pending_payment');
    expect(next('closed', 'pay')).toBeNull();
    expect(next('paid', 'pick_up')).toBe('completed');
    expect(next('shipped', 'pick_up')).toBeNull();
  });

  it('never leaves a terminal state, and every sequence only ever moves forward', () => {
    const rank = { pending_payment: 0, paid: 1, shipped: 2, completed: 3, closed: 3 } as const;
    fc.assert(fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 12 }), (actions) => {
      let s: (typeof ORDER_STATUSES)[number] = 'pending_payment';
      for (const a of actions) {
        const n = next(s, a);
        if (isTerminal(s)) expect(n).toBeNull();
        if (n) { expect(rank[n]).toBeGreaterThanOrEqual(rank[s]); s = n; }
      }
    }));
  });

  it('offers shoppers only what the machine allows', () => {
    for (const s of ORDER_STATUSES) {
      for (const a of shopperActions(s)) expect(can(s, a === 'cancel' ? 'close' : a)).toBe(true);
    }
  });
});
