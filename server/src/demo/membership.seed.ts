import type { Koi } from '../app.ts';

/**
 * Membership of the demo merchant (issue 8 §1): the paid card 「茶友年卡」 (¥99 for 365 days, 9折
 * and 包邮), the member day every Wednesday with points ×2, and 王浩然 holding an active card,
 * bought through the WeChat Pay simulator the way a shopper buys one.
 */
export async function seedMembership(koi: Pick<Koi, 'loyalty' | 'identity' | 'payment' | 'config' | 'app' | 'bus'>): Promise<void> {
  const { loyalty } = koi;
  const plan = await loyalty.plans.save(null, {
    name: '茶友年卡', priceFen: 9_900, periodDays: 365, active: true, sort: 1,
    benefits: { discountPercent: 10, freeShipping: true, pointsMultiplierPct: 100, birthdayGift: '生日赠茶友专属茶样一份' },
  });
  await loyalty.plans.saveMemberDay({ enabled: true, rule: { type: 'weekly', weekdays: [3] }, extraDiscountPercent: 0, pointsMultiplierPct: 200 });

  const sims = koi.payment.simulators;
  if (!sims) return;
  const customerId = await koi.identity.shoppers.ensureByPhone('13916880002', '');
  const started = await loyalty.cards.start(customerId, { planId: plan.id, channel: 'wechat_h5', clientIp: '127.0.0.1', returnUrl: `${koi.config.publicUrl}/#/pages/member/card` });
  if (started.action.kind !== 'redirect') return;
  const opened = new URL(started.action.url);
  await koi.app.inject({ method: 'GET', url: `${opened.pathname}${opened.search}` });
  const [intent] = (await koi.payment.paymentsOf('member_card', started.purchase.id)).intents;
  const trade = intent && (await sims.trades.byNo('wechatpay', koi.config.payment.wechatpay.mchid, intent.outTradeNo));
  if (!trade) return;
  const paid = await sims.wechatpay.pay(trade.handle);
  if (paid.notificationId) await sims.notifications.deliver(paid.notificationId);
  while ((await koi.bus.dispatchOnce()) > 0);
}
