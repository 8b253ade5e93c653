import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AFTERSALE_KINDS, AFTERSALE_STATUSES, type TAfterSaleKind, type TAfterSaleStatus } from '@koi/contracts';
import {
  OPEN_STATUSES, RELEASING_STATUSES, TRANSITIONS, adminActions, allowedKinds, isTerminal, nextStatus, shopperActions, validateMachine,
  type Actor, type AfterSaleAction,
} from './aftersale-state.rules.ts';

const ACTIONS: AfterSaleAction[] = [
  'withdraw', 'approve', 'auto_approve', 'reject', 'ship_back', 'receive', 'start_refund', 'refund_succeeded', 'refund_failed', 'reship', 'confirm_exchange', 'close',
];
const ACTORS: Actor[] = ['shopper', 'merchant', 'system'];

describe('after-sale state machine', () => {
  it('validates at start-up', () => {
    expect(() => validateMachine(AFTERSALE_STATUSES, AFTERSALE_KINDS)).not.toThrow();
    for (const s of AFTERSALE_STATUSES) expect(TRANSITIONS[s]).toBeDefined();
  });

  it('walks each kind along its path', () => {
    const walk = (kind: TAfterSaleKind, steps: [AfterSaleAction, Actor][]) => {
      let s: TAfterSaleStatus = 'requested';
      const seen: TAfterSaleStatus[] = [s];
      for (const [a, by] of steps) {
        const n = nextStatus({ status: s, kind }, a, by);
        if (!n) throw new Error(`${kind}: ${s} -${a}/${by}→ refused`);
        s = n;
        seen.push(s);
      }
      return seen;
    };
    expect(walk('refund_only', [['approve', 'merchant'], ['start_refund', 'system'], ['refund_succeeded', 'system']]))
      .toEqual(['requested', 'approved', 'refunding', 'refunded']);
    expect(walk('return_refund', [['auto_approve', 'system'], ['ship_back', 'shopper'], ['receive', 'merchant'], ['start_refund', 'merchant'], ['refund_failed', 'system'], ['start_refund', 'merchant'], ['refund_succeeded', 'system']]).at(-1))
      .toBe('refunded');
    expect(walk('exchange', [['approve', 'merchant'], ['ship_back', 'shopper'], ['receive', 'merchant'], ['reship', 'merchant'], ['confirm_exchange', 'shopper']]).at(-1))
      .toBe('closed');
  });

  it('lets the shopper withdraw only before the answer, and only the right party act', () => {
    expect(nextStatus({ status: 'requested', kind: 'refund_only' }, 'withdraw', 'shopper')).toBe('withdrawn');
    expect(nextStatus({ status: 'awaiting_return', kind: 'return_refund' }, 'withdraw', 'shopper')).toBeNull();
    expect(nextStatus({ status: 'requested', kind: 'refund_only' }, 'approve', 'shopper')).toBeNull();
    expect(nextStatus({ status: 'requested', kind: 'refund_only' }, 'auto_approve', 'merchant')).toBeNull();
    expect(nextStatus({ status: 'received', kind: 'exchange' }, 'start_refund', 'merchant')).toBeNull();
    expect(nextStatus({ status: 'received', kind: 'return_refund' }, 'reship', 'merchant')).toBeNull();
    expect(shopperActions({ status: 'requested', kind: 'exchange' })).toEqual(['withdraw']);
    expect(adminActions({ status: 'requested', kind: 'exchange' })).toEqual(['approve', 'reject']);
    expect(adminActions({ status: 'refund_failed', kind: 'return_refund' })).toEqual(['refund']);
  });

  it('random action sequences never reach an invalid state', () => {
    const arb = fc.record({
      kind: fc.constantFrom(...AFTERSALE_KINDS),
      steps: fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.constantFrom(...ACTORS)), { maxLength: 30 }),
    });
    fc.assert(fc.property(arb, ({ kind, steps }) => {
      let s: TAfterSaleStatus = 'requested';
      let returned = false;
      let received = false;
      for (const [a, by] of steps) {
        const n = nextStatus({ status: s, kind }, a, by);
        if (isTerminal(s)) expect(n).toBeNull();
        if (!n) continue;
        expect(AFTERSALE_STATUSES).toContain(n);
        if (n === 'returned') returned = true;
        if (n === 'received') { expect(returned).toBe(true); received = true; }
        // An exchange never moves money; a return refunds only what came back.
        if (n === 'refunding' || n === 'refunded') {
          expect(kind).not.toBe('exchange');
          if (kind === 'return_refund') expect(received).toBe(true);
        }
        if (n === 'reshipped') expect(kind).toBe('exchange');
        if (n === 'withdrawn') expect(s).toBe('requested');
        if (n === 'refunded') expect(s).toBe('refunding');
        if (n === 'refunded' || n === 'refunding') expect(by).not.toBe('shopper');
        expect(OPEN_STATUSES.includes(n) || RELEASING_STATUSES.includes(n) || isTerminal(n)).toBe(true);
        s = n;
      }
    }), { numRuns: 2000 });
  });
});

describe('when a shopper may ask', () => {
  const now = new Date('2026-11-20T00:00:00Z');
  it('allows only a refund before shipping, anything in transit, and anything within the window after receipt', () => {
    expect(allowedKinds({ status: 'paid', completedAt: null }, now, 7).kinds).toEqual(['refund_only']);
    expect(allowedKinds({ status: 'shipped', completedAt: null }, now, 7).kinds).toHaveLength(3);
    expect(allowedKinds({ status: 'completed', completedAt: new Date('2026-11-14T00:00:01Z') }, now, 7).kinds).toHaveLength(3);
    const late = allowedKinds({ status: 'completed', completedAt: new Date('2026-11-13T00:00:00Z') }, now, 7);
    expect(late).toEqual({ kinds: [], windowEndsAt: new Date('2026-11-20T00:00:00Z') });
    expect(allowedKinds({ status: 'pending_payment', completedAt: null }, now, 7).kinds).toEqual([]);
    expect(allowedKinds({ status: 'closed', completedAt: null }, now, 7).kinds).toEqual([]);
  });
});
