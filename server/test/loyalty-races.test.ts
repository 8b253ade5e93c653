import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentEvents, type TPaymentSucceededEvent } from '@koi/contracts';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { eventsOf, payInCashier } from '../src/modules/payment/payment.fixtures.ts';
import { KoiError } from '../src/platform/errors.ts';

describe.each(DB_KINDS)('loyalty ledgers under concurrency on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await staffToken(koi, 'owner@koi.demo');
  });
  afterAll(async () => { await koi?.dispose(); });
  const drain = async () => { while ((await koi.bus.dispatchOnce()) > 0); };
  const customerOf = async (token: string): Promise<string> => (await call(koi, 'GET', '/api/shop/loyalty/me', undefined, { token })).body.customerId;
  const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' && r.reason instanceof KoiError ? r.reason.code : r.status);

  it('20 parallel checkouts freezing the same points: exactly as many as the balance covers, never below zero', async () => {
    const customerId = await customerOf(await shopperToken(koi, '13800000001'));
    await koi.db.tx((q) => koi.loyalty.points.earn(q, { customerId, key: 'race:earn', kind: 'order', amount: 1000, memo: 'x', expiry: { mode: 'never' } }));
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) =>
      koi.db.tx((q) => koi.loyalty.points.freeze(q, { customerId, ref: `order:race-${i}`, amount: 300 }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(new Set(results.filter((r) => r.status === 'rejected').map(codeOf))).toEqual(new Set(['loyalty.insufficient_points']));
    expect(await koi.loyalty.points.balance(customerId)).toBe(100);
    // the same order freezing again changes nothing; consume and release are idempotent
    const held = results.findIndex((r) => r.status === 'fulfilled');
    await koi.db.tx((q) => koi.loyalty.points.freeze(q, { customerId, ref: `order:race-${held}`, amount: 300 }));
    await expect(koi.db.tx((q) => koi.loyalty.points.freeze(q, { customerId, ref: `order:race-${held}`, amount: 200 }))).rejects.toThrow(KoiError);
    expect(await koi.db.tx((q) => koi.loyalty.points.release(q, `order:race-${held}`))).toBe(true);
    expect(await koi.db.tx((q) => koi.loyalty.points.release(q, `order:race-${held}`))).toBe(false);
    expect(await koi.db.tx((q) => koi.loyalty.points.consume(q, `order:race-${held}`))).toBe(false);
    expect(await koi.loyalty.points.balance(customerId)).toBe(400);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('recharge 充 ¥500 送 ¥50 through the cashier: parallel callbacks and duplicate events credit principal and bonus once', async () => {
    const pkg = await call(koi, 'POST', '/api/admin/loyalty/recharge-packages', { name: '充500送50', amountFen: 50_000, bonusFen: 5_000, active: true }, { token: owner });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(200);
    const token = await shopperToken(koi, '13800000002');
    const customerId = await customerOf(token);
    const started = await call(koi, 'POST', '/api/shop/loyalty/recharges', { packageId: pkg.body.id, channel: 'alipay_wap' }, { token });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.recharge).toMatchObject({ amountFen: 50_000, bonusFen: 5_000, status: 'pending' });
    await payInCashier(koi, started.body.action.url);
    const [n] = await koi.db.rows<{ id: string }>(sql`select id from payment_sim_notifications order by created_at desc limit 1`);
    const req = await koi.payment.simulators!.notifications.signedRequest(n!.id);
    const target = new URL(req.url);
    const callbacks = await Promise.all(Array.from({ length: 20 }, () => koi.app.inject({ method: 'POST', url: `${target.pathname}${target.search}`, headers: req.headers, payload: req.body })));
    expect(callbacks.every((r) => r.statusCode === 200)).toBe(true);
    await drain();
    // the subscriber run twice at once (two processes, a redelivery): still once
    const [paid] = (await eventsOf<TPaymentSucceededEvent>(koi, PaymentEvents.succeeded)).filter((e) => e.payableId === started.body.recharge.id);
    await Promise.all(Array.from({ length: 10 }, () => koi.db.tx((q) => koi.loyalty.recharges.onPaid(q, paid!))));

    const m = (await call(koi, 'GET', '/api/shop/loyalty/me', undefined, { token })).body;
    expect(m.wallet).toMatchObject({ principalFen: 50_000, bonusFen: 5_000, totalFen: 55_000 });
    expect((await call(koi, 'GET', `/api/shop/loyalty/recharges/${started.body.recharge.id}`, undefined, { token })).body.status).toBe('paid');
    const [{ n: entries }] = await koi.db.rows<{ n: string | number }>(sql`select count(*) as n from loyalty_entries where key = ${`recharge:${started.body.recharge.id}`}`) as [{ n: string | number }];
    expect(Number(entries)).toBe(1);

    // spend by checkout: proportional split; 20 parallel freezes of 20,000 → only two fit in 55,000
    const frozen = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => koi.db.tx((q) => koi.loyalty.wallet.freeze(q, { customerId, ref: `order:w-${i}`, amountFen: 20_000 }))));
    const ok = frozen.map((r, i) => [r, i] as const).filter(([r]) => r.status === 'fulfilled');
    expect(ok).toHaveLength(2);
    expect(frozen.filter((r) => r.status === 'rejected').map(codeOf).every((c) => c === 'loyalty.insufficient_balance')).toBe(true);
    const [first, second] = ok.map(([, i]) => `order:w-${i}`);
    await koi.db.tx((q) => koi.loyalty.wallet.consume(q, first!));
    await koi.db.tx((q) => koi.loyalty.wallet.release(q, second!));
    const ledger = (await call(koi, 'GET', `/api/admin/loyalty/customers/${customerId}/ledger`, undefined, { token: owner })).body;
    expect(ledger.balances.wallet_principal + ledger.balances.wallet_bonus).toBe(35_000);
    expect(ledger.balances.wallet_held_principal + ledger.balances.wallet_held_bonus).toBe(0);
    // refund to balance, twice with the same key = once; never more than the order spent
    const back = await koi.db.tx((q) => koi.loyalty.wallet.refundToBalance(q, { ref: first!, refundKey: 'AS1', amountFen: 10_000 }));
    expect(back.principal + back.bonus).toBe(10_000);
    await koi.db.tx((q) => koi.loyalty.wallet.refundToBalance(q, { ref: first!, refundKey: 'AS1', amountFen: 10_000 }));
    await expect(koi.db.tx((q) => koi.loyalty.wallet.refundToBalance(q, { ref: first!, refundKey: 'AS2', amountFen: 10_001 }))).rejects.toThrow(KoiError);
    const wallet = (await call(koi, 'GET', '/api/shop/loyalty/wallet', undefined, { token })).body;
    expect(wallet.items.map((i: { kind: string; amount: number }) => [i.kind, i.amount])).toEqual([
      ['refund', 10_000], ['release', 20_000], ['freeze', -20_000], ['freeze', -20_000], ['recharge', 55_000],
    ]);
    expect(await koi.loyalty.findDrift()).toEqual([]);
  });

  it('random sequences of earn, freeze, consume, release, take-back, expire and wallet moves keep the invariants (fast-check, on the database)', async () => {
    const customerId = await customerOf(await shopperToken(koi, '13800000003'));
    let seq = 0;
    const op = fc.oneof(
      fc.record({ t: fc.constant('earn'), n: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ t: fc.constant('freeze'), n: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ t: fc.constant('settle'), consume: fc.boolean() }),
      fc.record({ t: fc.constant('takeBack'), n: fc.integer({ min: 1, max: 200 }) }),
      fc.record({ t: fc.constant('expire') }),
      fc.record({ t: fc.constant('wfreeze'), n: fc.integer({ min: 1, max: 3000 }) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
      const open: string[] = [];
      for (const o of ops) {
        const k = `p${++seq}`;
        try {
          await koi.db.tx(async (q) => {
            if (o.t === 'earn') await koi.loyalty.points.earn(q, { customerId, key: k, kind: 'order', amount: o.n, memo: '', expiry: { mode: 'rolling', months: 1 } });
            if (o.t === 'freeze') { await koi.loyalty.points.freeze(q, { customerId, ref: k, amount: o.n }); open.push(k); }
            if (o.t === 'settle' && open.length) { const ref = open.shift()!; await (o.consume ? koi.loyalty.points.consume(q, ref) : koi.loyalty.points.release(q, ref)); }
            if (o.t === 'takeBack') await koi.loyalty.points.takeBack(q, { customerId, key: k, amount: o.n, memo: '' });
            if (o.t === 'wfreeze') await koi.loyalty.wallet.freeze(q, { customerId, ref: k, amountFen: o.n });
          });
          if (o.t === 'expire') await koi.loyalty.points.expireDue(new Date(Date.now() + 40 * 86_400_000));
        } catch (err) {
          if (!(err instanceof KoiError)) throw err; // only "not enough" may fail
        }
      }
      const [neg] = await koi.db.rows<{ n: string | number }>(sql`select count(*) as n from loyalty_accounts where balance < 0`);
      return Number(neg!.n) === 0 && (await koi.loyalty.findDrift()).length === 0;
    }), { numRuns: kind === 'pglite' ? 12 : 8 });
  });
});
