import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentEvents, type TPaymentSucceededEvent } from '@koi/contracts';
import { call, DB_KINDS, startKoi, type TestKoi } from './harness.ts';
import { makeSkus, shopperWithAddress } from './order-fixtures.ts';
import { eventsOf, payInCashier } from '../src/modules/payment/payment.fixtures.ts';
import { customerOf, drain, ownerToken } from './checkout-loyalty-fixtures.ts';
import { template, walletCount } from './coupon-issue-fixtures.ts';
import { clock } from '../src/platform/clock.ts';
import { DEMO_SHIPPING_TEMPLATE } from '../src/demo/shipping.seed.ts';
import { LoyaltyEvents, type LevelChanged } from '../src/modules/loyalty/index.ts';

const DAY = 86_400_000;
const benefits = (discountPercent: number, freeShipping: boolean, pointsMultiplierPct = 100) => ({ discountPercent, freeShipping, pointsMultiplierPct, birthdayGift: '' });

/** Issue 8 §1: paid membership cards, the member day, level and card benefits at checkout, level-up rewards. */
describe.each(DB_KINDS)('membership benefits on %s', (kind) => {
  let koi: TestKoi;
  let owner: string;
  beforeAll(async () => {
    koi = await startKoi(kind);
    owner = await ownerToken(koi);
  });
  afterAll(async () => {
    clock.reset();
    await koi?.dispose();
  });

  const buyCard = async (token: string, planId: string) => {
    const started = await call(koi, 'POST', '/api/shop/loyalty/card-purchases', { planId, channel: 'alipay_wap' }, { token });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    return started.body as { purchase: { id: string; status: string }; action: { url: string } };
  };

  it('a card bought through the cashier activates once under parallel callbacks and redeliveries; buying again extends it', async () => {
    const plan = await call(koi, 'POST', '/api/admin/loyalty/card-plans', { name: '茶友年卡', priceFen: 9900, periodDays: 365, benefits: benefits(10, true), active: true }, { token: owner });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const token = await shopperWithAddress(koi, '13700008001');
    const customerId = await customerOf(koi, token);
    const before = (await call(koi, 'GET', '/api/shop/loyalty/membership', undefined, { token })).body;
    expect(before.card).toBeNull();
    expect(before.plans.map((p: { name: string }) => p.name)).toContain('茶友年卡');

    const first = await buyCard(token, plan.body.id);
    expect(first.purchase.status).toBe('pending');
    await payInCashier(koi, first.action.url);
    const [n] = await koi.db.rows<{ id: string }>(sql`select id from payment_sim_notifications order by created_at desc limit 1`);
    const req = await koi.payment.simulators!.notifications.signedRequest(n!.id);
    const target = new URL(req.url);
    const callbacks = await Promise.all(Array.from({ length: 20 }, () => koi.app.inject({ method: 'POST', url: `${target.pathname}${target.search}`, headers: req.headers, payload: req.body })));
    expect(callbacks.every((r) => r.statusCode === 200)).toBe(true);
    await drain(koi);
    const [paid] = (await eventsOf<TPaymentSucceededEvent>(koi, PaymentEvents.succeeded)).filter((e) => e.payableId === first.purchase.id);
    await Promise.all(Array.from({ length: 10 }, () => koi.db.tx((q) => koi.loyalty.cards.onPaid(q, paid!))));

    const purchase = (await call(koi, 'GET', `/api/shop/loyalty/card-purchases/${first.purchase.id}`, undefined, { token })).body;
    expect(purchase.status).toBe('paid');
    const card = await koi.loyalty.cards.heldBy(customerId);
    const paidAt = Date.parse(purchase.paidAt);
    // Activated once: 365 days from activation, not 10 × 365.
    expect(card!.expiresAt.getTime() - card!.startsAt.getTime()).toBe(365 * DAY);
    expect(Math.abs(card!.startsAt.getTime() - paidAt)).toBeLessThan(60_000);
    const m = (await call(koi, 'GET', '/api/shop/loyalty/membership', undefined, { token })).body;
    expect(m.card).toMatchObject({ name: '茶友年卡', active: true, daysLeft: 365 });
    expect(m.benefits).toMatchObject({ discountRateBp: 9000, freeShipping: true, discountLabel: '茶友年卡 9折', freeShippingLabel: '茶友年卡包邮' });

    // Buying again: extended from the expiry, not from today.
    const second = await buyCard(token, plan.body.id);
    await payInCashier(koi, second.action.url);
    await drain(koi);
    const extended = await koi.loyalty.cards.heldBy(customerId);
    expect(extended!.expiresAt.getTime()).toBe(card!.expiresAt.getTime() + 365 * DAY);
    expect(extended!.startsAt).toEqual(card!.startsAt);

    // Two more purchases paid at once, each event handled three times in parallel: both count, once each.
    const [p3, p4] = [await buyCard(token, plan.body.id), await buyCard(token, plan.body.id)];
    await payInCashier(koi, p3.action.url);
    await payInCashier(koi, p4.action.url);
    const succeeded = (await eventsOf<TPaymentSucceededEvent>(koi, PaymentEvents.succeeded)).filter((e) => e.payableId === p3.purchase.id || e.payableId === p4.purchase.id);
    expect(succeeded).toHaveLength(2);
    await Promise.all([...succeeded, ...succeeded, ...succeeded].map((e) => koi.db.tx((q) => koi.loyalty.cards.onPaid(q, e))));
    await drain(koi);
    const four = await koi.loyalty.cards.heldBy(customerId);
    expect(four!.expiresAt.getTime()).toBe(card!.expiresAt.getTime() + 3 * 365 * DAY);
    const [{ n: purchases }] = await koi.db.rows<{ n: string | number }>(sql`select count(*) as n from loyalty_card_purchases where customer_id = ${customerId} and status = 'paid'`) as [{ n: string | number }];
    expect(Number(purchases)).toBe(4);
  }, 180_000);

  it('a plan off sale cannot be bought (422), and a bad plan is a 400', async () => {
    const plan = await call(koi, 'POST', '/api/admin/loyalty/card-plans', { name: '停售卡', priceFen: 100, periodDays: 30, benefits: benefits(5, false), active: false }, { token: owner });
    const token = await shopperWithAddress(koi, '13700008002');
    const res = await call(koi, 'POST', '/api/shop/loyalty/card-purchases', { planId: plan.body.id, channel: 'alipay_wap' }, { token });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('loyalty.card_plan_unavailable');
    const bad = await call(koi, 'POST', '/api/admin/loyalty/card-plans', { name: '', priceFen: -1, periodDays: 0, benefits: benefits(5, false), active: true }, { token: owner });
    expect(bad.status).toBe(400);
  }, 60_000);

  it('checkout: the level\'s 95折 per line, the card\'s free shipping, the member day on top, explained', async () => {
    // The entry level (threshold 0), which every shopper holds, becomes 金卡会员 95折 ×1.5 points.
    const entry = (await koi.loyalty.config.levels()).find((l) => l.threshold === 0);
    await koi.loyalty.config.saveLevel(entry?.id ?? null, { name: '金卡会员', threshold: 0, benefits: benefits(5, false, 150) });
    const day = await call(koi, 'PUT', '/api/admin/loyalty/member-day', { enabled: true, rule: { type: 'weekly', weekdays: [3] }, extraDiscountPercent: 0, pointsMultiplierPct: 200 }, { token: owner });
    expect(day.status, JSON.stringify(day.body)).toBe(200);
    const fee = await call(koi, 'POST', '/api/admin/shipping-templates', {
      ...DEMO_SHIPPING_TEMPLATE, name: `会员运费${Date.now()}`, isDefault: false, freeShipping: [],
      defaultRule: { first: 1, firstFeeFen: 1000, additional: 1, additionalFeeFen: 0 }, regionRules: [],
    }, { token: owner });
    expect(fee.status, JSON.stringify(fee.body)).toBe(201);
    const { skuIds: [a, b] } = await makeSkus(koi, [{ priceFen: 9900, stock: 10 }, { priceFen: 3000, stock: 10 }], { shippingTemplateId: fee.body.id });
    const token = await shopperWithAddress(koi, '13700008003');
    const items = [{ skuId: a, quantity: 2 }, { skuId: b, quantity: 1 }];

    clock.set('2026-05-05T04:00:00Z'); // a Tuesday in Shanghai
    const p = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [] }, { token })).body;
    expect(p.shippingFen).toBe(1000);
    const line = (sku: string) => p.lines.find((l: { skuId: string }) => l.skuId === sku);
    expect(line(a).discounts).toEqual([expect.objectContaining({ label: '金卡会员 95折', amountFen: 990 })]);
    expect(line(b).discounts).toEqual([expect.objectContaining({ label: '金卡会员 95折', amountFen: 150 })]);
    expect(p.promotionDiscountFen).toBe(1140);
    expect(p.shippingDiscountFen).toBe(0);
    expect(p.applied.map((x: { text: string }) => x.text)).toContain('金卡会员 95折：已省 ¥11.40');

    const member = (await call(koi, 'GET', '/api/shop/loyalty/membership', undefined, { token })).body;
    expect(member.memberDay).toMatchObject({ label: '每周三会员日 · 积分 2 倍', today: false });
    expect(member.benefits.pointsMultiplierPct).toBe(150);
    clock.set('2026-05-06T04:00:00Z'); // Wednesday: points ×1.5 × 2
    expect((await call(koi, 'GET', '/api/shop/loyalty/membership', undefined, { token })).body.benefits).toMatchObject({ pointsMultiplierPct: 300, memberDayToday: true });

    // A card with free shipping (bought at today's time: the providers' callbacks are signed with it):
    // 会员包邮 takes the fee; its 9折 beats the level's 95折.
    clock.reset();
    const plan = await call(koi, 'POST', '/api/admin/loyalty/card-plans', { name: '茶友年卡', priceFen: 9900, periodDays: 365, benefits: benefits(10, true), active: true }, { token: owner });
    const bought = await buyCard(token, plan.body.id);
    await payInCashier(koi, bought.action.url);
    await drain(koi);
    clock.set('2026-05-05T04:00:00Z');
    const withCard = (await call(koi, 'POST', '/api/shop/checkout/preview', { items, couponIds: [] }, { token })).body;
    expect(withCard.shippingDiscountFen).toBe(withCard.shippingFen);
    expect(withCard.promotionDiscountFen).toBe(1980 + 300);
    expect(withCard.applied.map((x: { text: string }) => x.text)).toEqual(expect.arrayContaining(['茶友年卡 9折：已省 ¥22.80', expect.stringMatching(/^茶友年卡包邮：运费减/)]));
    clock.reset();
  }, 180_000);

  it('points at payment use the effective multiplier of that moment (member day ×2 on top of the level)', async () => {
    await koi.loyalty.config.saveSettings({ ...(await koi.loyalty.config.settings()), points: { ...(await koi.loyalty.config.settings()).points, perYuan: 1, earnAt: 'paid' } });
    const token = await shopperWithAddress(koi, '13700008004');
    const customerId = await customerOf(koi, token);
    const paidOn = async (at: string, orderId: string) => {
      clock.set(at);
      await koi.db.tx((q) => koi.loyalty.orderPoints.onPaid(q, { orderId, orderNo: orderId.slice(0, 8), customerId, payableFen: 10_000, paidFen: 10_000, channel: 'alipay_wap', lines: [], at }));
      clock.reset();
      const [r] = await koi.db.rows<{ points_earned: string | number; points_multiplier_pct: number }>(sql`select points_earned, points_multiplier_pct from loyalty_orders where order_id = ${orderId}`);
      return { points: Number(r!.points_earned), pct: r!.points_multiplier_pct };
    };
    // The 金卡会员 level (threshold 0, ×1.5) from the previous test; Wednesday is the member day (×2).
    expect(await paidOn('2026-05-05T04:00:00Z', '00000000-0000-4000-8000-000000000101')).toEqual({ points: 150, pct: 150 });
    expect(await paidOn('2026-05-06T04:00:00Z', '00000000-0000-4000-8000-000000000102')).toEqual({ points: 300, pct: 300 });
  }, 60_000);

  it('the level-up reward follows immediate upgrades only, not the periodic review', async () => {
    const up = await template(koi, { kind: 'no_threshold', name: '升级礼', args: { amountFen: 500 }, claimable: false, totalQuantity: null, perCustomerLimit: 10 });
    const set = await call(koi, 'PUT', '/api/admin/coupon-rewards', { new_customer: null, birthday: null, level_up: up.id }, { token: owner });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const silver = await koi.loyalty.config.saveLevel(null, { name: '银卡', threshold: 100, benefits: benefits(2, false) });
    const gold = await koi.loyalty.config.saveLevel(null, { name: '黑金', threshold: 5000, benefits: benefits(10, true) });
    const token = await shopperWithAddress(koi, '13700008005');
    const me = await customerOf(koi, token);
    await drain(koi);

    await koi.db.tx((q) => koi.loyalty.members.addGrowth(q, me, 'lvl:g1', 200)); // immediate upgrade to 银卡
    await drain(koi);
    expect(await walletCount(koi, me, up.id)).toBe(1);

    // The merchant lowers 黑金's threshold: the review lifts the member, but that is no reward.
    await koi.loyalty.config.saveLevel(gold.id, { name: '黑金', threshold: 150, benefits: benefits(10, true) });
    const changes = await koi.loyalty.members.review(clock.now());
    expect(changes).toContainEqual({ customerId: me, from: silver.id, to: gold.id });
    await drain(koi);
    expect(await walletCount(koi, me, up.id)).toBe(1);
    const mine = (await eventsOf<LevelChanged>(koi, LoyaltyEvents.levelChanged)).filter((e) => e.customerId === me);
    expect(mine.map((e) => [e.reason, e.direction, e.to])).toEqual([['upgrade', 'up', silver.id], ['review', 'up', gold.id]]);
  }, 120_000);
});
