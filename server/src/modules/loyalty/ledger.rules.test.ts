import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyPostings, entryProblem, splitWalletRefund, splitWalletSpend, takeFromLots, zeroBalances,
  type CustomerAccount, type Lot, type Posting,
} from './ledger.rules.ts';
import { expiryFor } from './points.rules.ts';

describe('ledger rules', () => {
  it('accepts only entries of ≥ 2 non-zero postings on distinct accounts summing to zero', () => {
    expect(entryProblem([{ account: 'points_issued', amount: -10 }, { account: 'points', amount: 10 }])).toBeNull();
    expect(entryProblem([{ account: 'points', amount: 10 }])).toMatch(/fewer/);
    expect(entryProblem([{ account: 'points_issued', amount: -10 }, { account: 'points', amount: 9 }])).toMatch(/sum to -1/);
    expect(entryProblem([{ account: 'points_issued', amount: 0 }, { account: 'points', amount: 0 }])).toMatch(/zero/);
    expect(entryProblem([{ account: 'points', amount: -1 }, { account: 'points', amount: 1 }])).toMatch(/twice/);
  });

  it('refuses postings that take a customer account below zero; merchant accounts are unbounded', () => {
    const b = zeroBalances();
    expect(applyPostings(b, [{ account: 'points', amount: -1 }, { account: 'points_redeemed', amount: 1 }])).toEqual({ ok: false, account: 'points' });
    const r = applyPostings(b, [{ account: 'points_issued', amount: -5 }, { account: 'points', amount: 5 }]);
    expect(r.ok && r.balances.points).toBe(5);
  });

  it('splits a stored-value spend in proportion, bonus rounded down, never beyond either part', () => {
    expect(splitWalletSpend(50_000, 5_000, 11_000)).toEqual({ principal: 10_000, bonus: 1_000 });
    expect(splitWalletSpend(50_000, 5_000, 1)).toEqual({ principal: 1, bonus: 0 });
    expect(splitWalletSpend(0, 300, 200)).toEqual({ principal: 0, bonus: 200 });
    expect(splitWalletSpend(100, 0, 101)).toBeNull();
    fc.assert(fc.property(fc.nat(10_000_000), fc.nat(10_000_000), fc.integer({ min: 1, max: 20_000_000 }), (p, b, a) => {
      const s = splitWalletSpend(p, b, a);
      if (a > p + b) return s === null;
      return s !== null && s.principal + s.bonus === a && s.principal >= 0 && s.bonus >= 0 && s.principal <= p && s.bonus <= b;
    }));
  });

  it('refunds to balance never more than was taken of each part, whatever the sequence of partial refunds', () => {
    fc.assert(fc.property(fc.nat(100_000), fc.nat(100_000), fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 8 }), (p, b, asks) => {
      const taken = { principal: p, bonus: b };
      const refunded = { principal: 0, bonus: 0 };
      for (const ask of asks) {
        const r = splitWalletRefund(taken, refunded, ask);
        const left = p + b - refunded.principal - refunded.bonus;
        if (ask > left) { if (r !== null) return false; continue; }
        if (!r || r.principal + r.bonus !== ask || r.principal < 0 || r.bonus < 0) return false;
        refunded.principal += r.principal;
        refunded.bonus += r.bonus;
        if (refunded.principal > p || refunded.bonus > b) return false;
      }
      return true;
    }));
  });

  it('takes points from the soonest-expiring lots first, never-expiring last', () => {
    const lots: Lot[] = [
      { id: 'a', remaining: 10, expiresAt: null, earnedAt: new Date('2026-01-01') },
      { id: 'b', remaining: 5, expiresAt: new Date('2027-03-01'), earnedAt: new Date('2026-03-01') },
      { id: 'c', remaining: 5, expiresAt: new Date('2027-02-01'), earnedAt: new Date('2026-02-01') },
    ];
    expect(takeFromLots(lots, 8)).toEqual([{ id: 'c', n: 5 }, { id: 'b', n: 3 }]);
    expect(takeFromLots(lots, 21)).toBeNull();
  });
});

/**
 * A model of the points + stored-value ledger driven by random sequences of earn, freeze, consume,
 * release, expire, refund take-back, recharge, wallet spend and refund to balance — each applied only
 * through the same rules the service uses. After every step: each entry balanced, each balance the
 * sum of its postings, no customer balance negative, lots = points balance, held = held holds.
 */
describe('ledger invariants under random sequences (fast-check)', () => {
  type Op =
    | { t: 'earn'; n: number } | { t: 'freeze'; n: number } | { t: 'consume' } | { t: 'release' } | { t: 'expire' }
    | { t: 'clawback'; n: number } | { t: 'recharge'; p: number; b: number } | { t: 'wfreeze'; n: number } | { t: 'wconsume' } | { t: 'wrefund'; n: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ t: fc.constant('earn' as const), n: fc.integer({ min: 1, max: 500 }) }),
    fc.record({ t: fc.constant('freeze' as const), n: fc.integer({ min: 1, max: 800 }) }),
    fc.constant({ t: 'consume' as const }), fc.constant({ t: 'release' as const }), fc.constant({ t: 'expire' as const }),
    fc.record({ t: fc.constant('clawback' as const), n: fc.integer({ min: 1, max: 300 }) }),
    fc.record({ t: fc.constant('recharge' as const), p: fc.integer({ min: 100, max: 50_000 }), b: fc.nat(5_000) }),
    fc.record({ t: fc.constant('wfreeze' as const), n: fc.integer({ min: 1, max: 60_000 }) }),
    fc.constant({ t: 'wconsume' as const }),
    fc.record({ t: fc.constant('wrefund' as const), n: fc.integer({ min: 1, max: 30_000 }) }),
  );

  it('keeps every invariant and never goes negative', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      let bal: Record<CustomerAccount, number> = zeroBalances();
      const sums = new Map<string, number>();
      let lots: Lot[] = [];
      let day = 0;
      let pHold: { n: number; lots: { id: string; n: number }[] } | null = null;
      let wHold: { principal: number; bonus: number } | null = null;
      const spent: { taken: { principal: number; bonus: number }; refunded: { principal: number; bonus: number } }[] = [];
      const post = (ps: Posting[]): boolean => {
        const live = ps.filter((p) => p.amount !== 0);
        if (entryProblem(live)) throw new Error(`bad entry ${JSON.stringify(live)}`);
        const r = applyPostings(bal, live);
        if (!r.ok) return false;
        bal = r.balances;
        for (const p of live) sums.set(p.account, (sums.get(p.account) ?? 0) + p.amount);
        return true;
      };
      const reduce = (taken: { id: string; n: number }[], sign: 1 | -1) => {
        lots = lots.map((l) => ({ ...l, remaining: l.remaining + sign * (taken.find((t) => t.id === l.id)?.n ?? 0) }));
      };
      for (const o of ops) {
        day += 1;
        const now = new Date(Date.UTC(2026, 0, 1) + day * 20 * 86_400_000);
        if (o.t === 'earn' && post([{ account: 'points_issued', amount: -o.n }, { account: 'points', amount: o.n }])) {
          lots.push({ id: `l${day}`, remaining: o.n, earnedAt: now, expiresAt: expiryFor({ mode: 'rolling', months: 6 }, now) });
        } else if (o.t === 'freeze' && !pHold) {
          const taken = takeFromLots(lots, o.n);
          const ok = post([{ account: 'points', amount: -o.n }, { account: 'points_held', amount: o.n }]);
          if (ok !== (taken !== null)) return false; // the account and the lots agree on whether it fits
          if (ok) { reduce(taken!, -1); pHold = { n: o.n, lots: taken! }; }
        } else if (o.t === 'consume' && pHold) {
          if (!post([{ account: 'points_held', amount: -pHold.n }, { account: 'points_redeemed', amount: pHold.n }])) return false;
          pHold = null;
        } else if (o.t === 'release' && pHold) {
          if (!post([{ account: 'points_held', amount: -pHold.n }, { account: 'points', amount: pHold.n }])) return false;
          reduce(pHold.lots, 1);
          pHold = null;
        } else if (o.t === 'expire') {
          for (const l of lots.filter((x) => x.expiresAt && x.expiresAt <= now && x.remaining > 0)) {
            if (!post([{ account: 'points', amount: -l.remaining }, { account: 'points_expired', amount: l.remaining }])) return false;
            reduce([{ id: l.id, n: l.remaining }], -1);
          }
        } else if (o.t === 'clawback') {
          const n = Math.min(o.n, bal.points); // takeBack: what the balance allows
          if (n > 0) {
            if (!post([{ account: 'points', amount: -n }, { account: 'points_reclaimed', amount: n }])) return false;
            reduce(takeFromLots(lots, n)!, -1);
          }
        } else if (o.t === 'recharge') {
          post([{ account: 'recharge_received', amount: -o.p }, { account: 'wallet_principal', amount: o.p }, { account: 'bonus_granted', amount: -o.b }, { account: 'wallet_bonus', amount: o.b }]);
        } else if (o.t === 'wfreeze' && !wHold) {
          const s = splitWalletSpend(bal.wallet_principal, bal.wallet_bonus, o.n);
          if (s) {
            if (!post([{ account: 'wallet_principal', amount: -s.principal }, { account: 'wallet_bonus', amount: -s.bonus }, { account: 'wallet_held_principal', amount: s.principal }, { account: 'wallet_held_bonus', amount: s.bonus }])) return false;
            wHold = s;
          }
        } else if (o.t === 'wconsume' && wHold) {
          if (!post([{ account: 'wallet_held_principal', amount: -wHold.principal }, { account: 'wallet_held_bonus', amount: -wHold.bonus }, { account: 'wallet_spent', amount: wHold.principal + wHold.bonus }])) return false;
          spent.push({ taken: wHold, refunded: { principal: 0, bonus: 0 } });
          wHold = null;
        } else if (o.t === 'wrefund' && spent.length) {
          const s = spent[spent.length - 1]!;
          const r = splitWalletRefund(s.taken, s.refunded, o.n);
          if (r) {
            if (!post([{ account: 'wallet_refunded', amount: -o.n }, { account: 'wallet_principal', amount: r.principal }, { account: 'wallet_bonus', amount: r.bonus }])) return false;
            s.refunded.principal += r.principal;
            s.refunded.bonus += r.bonus;
          }
        }
        // invariants
        if (Object.values(bal).some((v) => v < 0)) return false;
        for (const [account, v] of Object.entries(bal)) if ((sums.get(account) ?? 0) !== v) return false;
        if ([...sums.values()].reduce((a, b) => a + b, 0) !== 0) return false;
        if (lots.reduce((a, l) => a + l.remaining, 0) !== bal.points || lots.some((l) => l.remaining < 0)) return false;
        if ((pHold?.n ?? 0) !== bal.points_held) return false;
        if ((wHold?.principal ?? 0) !== bal.wallet_held_principal || (wHold?.bonus ?? 0) !== bal.wallet_held_bonus) return false;
      }
      return true;
    }), { numRuns: 300 });
  });
});
