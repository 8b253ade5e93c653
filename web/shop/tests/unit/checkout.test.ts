import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeItems, encodeItems } from '../../src/utils/checkout-items.ts';
import { formatCountdown, secondsLeft } from '../../src/utils/countdown.ts';
import { payChannel, payMethods, payReturnPath, payStep } from '../../src/utils/pay-channel.ts';
import { idempotencyKey, nextAttempt, outcomeUnknown, settleAttempt, type Attempt } from '../../src/utils/submit-attempt.ts';

const SKU_A = '0190a8c2-7d1e-7c3a-9f00-0000000000a1';
const SKU_B = '0190a8c2-7d1e-7c3a-9f00-0000000000b2';

describe('submit attempts (one order per confirm page)', () => {
  let n = 0;
  const key = () => `k${++n}`;
  type Body = { remark: string };

  it('a retry after a lost reply sends the same key and the same body, even if the shopper changed something', () => {
    const first = nextAttempt<Body>(null, { remark: 'a' }, key);
    const kept = settleAttempt(first, { status: 0, code: 'client.network' });
    assert.equal(kept, first);
    const retry = nextAttempt(kept, { remark: 'changed' }, key);
    assert.deepEqual(retry, first);
  });

  it('a 5xx or a still-running first request keep the attempt too', () => {
    const a: Attempt<Body> = { key: 'x', body: { remark: '' } };
    assert.equal(settleAttempt(a, { status: 503 }), a);
    assert.equal(settleAttempt(a, { status: 409, code: 'idempotency.in_progress' }), a);
  });

  it('an order or a definite rejection settles it: the next submit is a new attempt with the current choices', () => {
    const a: Attempt<Body> = { key: 'x', body: { remark: '' } };
    assert.equal(settleAttempt(a, { status: 201 }), null);
    assert.equal(settleAttempt(a, { status: 409, code: 'checkout.out_of_stock' }), null);
    assert.equal(settleAttempt(a, { status: 422, code: 'checkout.coupon_unusable' }), null);
    const next = nextAttempt<Body>(null, { remark: 'b' }, () => 'fresh');
    assert.deepEqual(next, { key: 'fresh', body: { remark: 'b' } });
  });

  it('tells unknown outcomes apart', () => {
    assert.equal(outcomeUnknown({ status: 0 }), true);
    assert.equal(outcomeUnknown({ status: 500 }), true);
    assert.equal(outcomeUnknown({ status: 400 }), false);
    assert.equal(outcomeUnknown({ status: 200 }), false);
  });

  it('makes printable keys the server accepts, different each time', () => {
    let seed = 0;
    const random = (len: number) => Uint8Array.from({ length: len }, () => (seed = (seed * 31 + 7) % 256));
    const a = idempotencyKey(1_700_000_000_000, random);
    const b = idempotencyKey(1_700_000_000_000, random);
    assert.match(a, /^[\x21-\x7e]{1,200}$/);
    assert.match(a, /^ck_[0-9a-z]+_[0-9a-f]{24}$/);
    assert.notEqual(a, b);
  });
});

describe('buy-now items in the query', () => {
  it('round-trips', () => {
    const items = [{ skuId: SKU_A, quantity: 2 }, { skuId: SKU_B, quantity: 1 }];
    assert.deepEqual(decodeItems(encodeItems(items)), items);
  });

  it('drops what is malformed and answers undefined for nothing', () => {
    assert.equal(decodeItems(undefined), undefined);
    assert.equal(decodeItems(''), undefined);
    assert.equal(decodeItems('nope:1'), undefined);
    assert.deepEqual(decodeItems(`${SKU_A}:0,${SKU_B}:3,${SKU_A}:1.5,${SKU_A}:1000`), [{ skuId: SKU_B, quantity: 3 }]);
  });
});

describe('pay channels', () => {
  it('H5 opens the providers’ cashiers; the mini-program pays with JSAPI and has no Alipay', () => {
    assert.deepEqual(payMethods('h5'), ['wechat', 'alipay']);
    assert.deepEqual(payMethods('mp-weixin'), ['wechat']);
    assert.equal(payChannel('wechat', 'h5'), 'wechat_h5');
    assert.equal(payChannel('alipay', 'h5'), 'alipay_wap');
    assert.equal(payChannel('wechat', 'mp-weixin'), 'wechat_jsapi');
    assert.equal(payChannel('alipay', 'mp-weixin'), null);
  });

  it('comes back to the order page, which polls', () => {
    assert.equal(payReturnPath('o 1'), '/pages/order/detail?id=o%201&paid=1');
    assert.match(payReturnPath('abc'), /^\/[^/\\]/); // the contract's returnPath rule
  });

  it('turns the server’s action into the step for this platform', () => {
    assert.deepEqual(payStep({ kind: 'redirect', url: 'https://x/cashier' }, 'h5'), { kind: 'open-url', url: 'https://x/cashier' });
    assert.deepEqual(payStep({ kind: 'none' }, 'mp-weixin'), { kind: 'paid' });
    const params = { appId: 'wx1', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=p', signType: 'RSA' as const, paySign: 's' };
    assert.deepEqual(payStep({ kind: 'jsapi', params }, 'mp-weixin'), { kind: 'request-payment', params });
    assert.deepEqual(payStep({ kind: 'jsapi', params }, 'h5'), { kind: 'unsupported' });
    assert.deepEqual(payStep({ kind: 'jsapi', params, cashierUrl: '/sim/wechatpay/cashier?x' }, 'h5'), { kind: 'open-url', url: '/sim/wechatpay/cashier?x' });
    assert.deepEqual(payStep({ kind: 'qr', codeUrl: 'weixin://x' }, 'h5'), { kind: 'unsupported' });
  });
});

describe('pay countdown', () => {
  const now = Date.parse('2026-03-01T08:00:00Z');
  it('counts whole seconds down to zero, never below', () => {
    assert.equal(secondsLeft('2026-03-01T08:29:59.900Z', now), 1799);
    assert.equal(secondsLeft('2026-03-01T07:00:00Z', now), 0);
    assert.equal(secondsLeft(null, now), null);
    assert.equal(secondsLeft('nonsense', now), null);
  });
  it('prints mm:ss, and h:mm:ss past an hour', () => {
    assert.equal(formatCountdown(1799), '29:59');
    assert.equal(formatCountdown(5), '00:05');
    assert.equal(formatCountdown(3909), '1:05:09');
    assert.equal(formatCountdown(-3), '00:00');
  });
});
