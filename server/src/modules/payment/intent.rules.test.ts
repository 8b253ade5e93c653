import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PAY_CHANNELS } from '@koi/contracts';
import { checkPaid, maskId, planStart, providerDescription, refundable, tradeNoFor, type IntentFacts } from './intent.rules.ts';

const at = new Date('2026-11-22T02:00:00Z');
const later = new Date(at.getTime() + 30 * 60_000);
const intent = (over: Partial<IntentFacts>): IntentFacts => ({ id: 'i1', seq: 1, channel: 'wechat_h5', amountFen: 100, openid: null, state: 'open', expiresAt: later, ...over });

describe('planStart', () => {
  it('creates the first intent with seq 1', () => {
    expect(planStart([], { channel: 'wechat_h5', amountFen: 100, openid: null }, at)).toEqual({ kind: 'create', seq: 1, close: [] });
  });

  it('pays again with the open intent of the same channel and amount', () => {
    const open = intent({});
    expect(planStart([open], { channel: 'wechat_h5', amountFen: 100, openid: null }, at)).toEqual({ kind: 'reuse', intent: open, close: [] });
  });

  it('a new amount (改价) or a new channel closes the open intent and numbers the next one', () => {
    const open = intent({});
    expect(planStart([open], { channel: 'wechat_h5', amountFen: 90, openid: null }, at)).toEqual({ kind: 'create', seq: 2, close: [open] });
    expect(planStart([open], { channel: 'alipay_wap', amountFen: 100, openid: null }, at)).toEqual({ kind: 'create', seq: 2, close: [open] });
  });

  it('JSAPI is the same trade only for the same payer', () => {
    const open = intent({ channel: 'wechat_jsapi', openid: 'oA' });
    expect(planStart([open], { channel: 'wechat_jsapi', amountFen: 100, openid: 'oA' }, at).kind).toBe('reuse');
    expect(planStart([open], { channel: 'wechat_jsapi', amountFen: 100, openid: 'oB' }, at)).toEqual({ kind: 'create', seq: 2, close: [open] });
  });

  it('an expired open intent is closed, not reused', () => {
    const stale = intent({ expiresAt: at });
    expect(planStart([stale], { channel: 'wechat_h5', amountFen: 100, openid: null }, at)).toEqual({ kind: 'create', seq: 2, close: [stale] });
  });

  it('a paid intent stops everything; closed ones still count for numbering', () => {
    const paid = intent({ id: 'p', state: 'paid', seq: 2 });
    expect(planStart([intent({ state: 'closed' }), paid], { channel: 'wechat_h5', amountFen: 100, openid: null }, at)).toEqual({ kind: 'already_paid', paid });
    expect(planStart([intent({ state: 'closed', seq: 3 })], { channel: 'wechat_h5', amountFen: 100, openid: null }, at)).toEqual({ kind: 'create', seq: 4, close: [] });
  });

  it('never leaves two open intents behind, never reuses a mismatching one (property)', () => {
    const arbIntent = fc.record({
      seq: fc.integer({ min: 1, max: 9 }),
      channel: fc.constantFrom(...PAY_CHANNELS),
      amountFen: fc.constantFrom(100, 200),
      openid: fc.constantFrom(null, 'oA', 'oB'),
      state: fc.constantFrom('open' as const, 'closed' as const),
    });
    fc.assert(
      fc.property(fc.array(arbIntent, { maxLength: 6 }), fc.constantFrom(...PAY_CHANNELS), fc.constantFrom(100, 200), fc.constantFrom(null, 'oA'), (raw, channel, amountFen, openid) => {
        const intents = raw.map((r, i) => intent({ ...r, id: `i${i}`, seq: i + 1 }));
        const plan = planStart(intents, { channel, amountFen, openid }, at);
        const open = intents.filter((i) => i.state === 'open');
        if (plan.kind === 'already_paid') return false;
        const kept = plan.kind === 'reuse' ? [plan.intent] : [];
        const left = open.filter((i) => !plan.close.includes(i));
        if (left.length !== kept.length || left.some((i) => !kept.includes(i))) return false;
        if (plan.kind === 'reuse') return plan.intent.channel === channel && plan.intent.amountFen === amountFen;
        return plan.seq > Math.max(0, ...intents.map((i) => i.seq));
      }),
    );
  });
});

describe('checkPaid', () => {
  const ours = { merchantId: '1900000109', appId: 'wx1' };
  it('accepts the same amount and merchant, refuses a different amount or merchant', () => {
    expect(checkPaid({ amountFen: 100 }, { totalFen: 100, merchant: ours }, ours)).toBe('ok');
    expect(checkPaid({ amountFen: 100 }, { totalFen: 100, merchant: null }, ours)).toBe('ok');
    expect(checkPaid({ amountFen: 100 }, { totalFen: 1, merchant: ours }, ours)).toBe('amount_mismatch');
    expect(checkPaid({ amountFen: 100 }, { totalFen: 100, merchant: { ...ours, merchantId: '1900000110' } }, ours)).toBe('merchant_mismatch');
    expect(checkPaid({ amountFen: 100 }, { totalFen: 100, merchant: { ...ours, appId: 'wx2' } }, ours)).toBe('merchant_mismatch');
  });
});

describe('small rules', () => {
  it('numbers trades and trims descriptions by code point', () => {
    expect(tradeNoFor('261122180912483920', 1)).toBe('261122180912483920');
    expect(tradeNoFor('261122180912483920', 3)).toBe('261122180912483920_3');
    expect(providerDescription('青瓷小筑-订单 2611')).toBe('青瓷小筑-订单 2611');
    const long = providerDescription('🍵'.repeat(200));
    expect(Array.from(long)).toHaveLength(127);
    expect(long.endsWith('…')).toBe(true);
    expect(providerDescription('  \n ')).toBe('订单支付');
  });

  it('refundable is paid minus refunded, only once paid', () => {
    expect(refundable({ state: 'paid', paidFen: 100, refundedFen: 30 })).toBe(70);
    expect(refundable({ state: 'open', paidFen: 0, refundedFen: 0 })).toBe(0);
  });

  it('masks merchant ids for logs', () => {
    expect(maskId('1900000109')).toBe('19****09');
    expect(maskId('wx8888888888888888')).toBe('wx****88');
    expect(maskId('abc')).toBe('****');
  });
});
