import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';
import { seedMembership } from './membership.seed.ts';

const LEVELS = [
  { name: '普通会员', threshold: 0, benefits: { discountPercent: 0, freeShipping: false, pointsMultiplierPct: 100, birthdayGift: '生日当月赠 50 积分' } },
  { name: '银卡', threshold: 500, benefits: { discountPercent: 2, freeShipping: false, pointsMultiplierPct: 120, birthdayGift: '生日赠 ¥20 无门槛券' } },
  { name: '金卡', threshold: 3000, benefits: { discountPercent: 5, freeShipping: true, pointsMultiplierPct: 150, birthdayGift: '生日赠定制杯垫一对' } },
  { name: '黑金', threshold: 10000, benefits: { discountPercent: 10, freeShipping: true, pointsMultiplierPct: 200, birthdayGift: '生日赠手作品茗杯一只' } },
];

const PACKAGES = [
  { name: '充 ¥200 送 ¥10', amountFen: 20_000, bonusFen: 1_000, active: true, sort: 1 },
  { name: '充 ¥500 送 ¥50', amountFen: 50_000, bonusFen: 5_000, active: true, sort: 2 },
  { name: '充 ¥1000 送 ¥150', amountFen: 100_000, bonusFen: 15_000, active: true, sort: 3 },
];

/** Sign-ins in the last days (days ago, newest last), per demo shopper. */
const SIGNINS: Record<string, number[]> = { '13916880001': [4, 3, 2, 1], '13916880002': [2, 1], '13916880003': [5] };

/**
 * Loyalty of the demo merchant: four levels, earn rules (points at payment, so the demo orders
 * show theirs), three recharge packages, a few days of sign-ins, and 张雅琴's paid 充 ¥500 送 ¥50
 * through the WeChat Pay simulator. Runs before the demo orders, whose payments then give growth,
 * levels, first-order bonuses and points the way real ones do.
 */
export async function seedLoyalty(koi: Pick<Koi, 'loyalty' | 'identity' | 'payment' | 'config' | 'app' | 'bus'>): Promise<void> {
  const { loyalty } = koi;
  const settings = await loyalty.config.settings();
  // Issue 8's occasional rules on: 生日积分 (the entry level's "生日当月赠 50 积分"), 完善资料, 评价积分, a reminder 7 days before expiry.
  await loyalty.config.saveSettings({ ...settings, points: {
    ...settings.points, earnAt: 'paid', birthday: 50, profile: 50, review: 10, reminderDays: 7,
    redeem: { perYuan: 100, capPercent: 50, includeShipping: false },
  } });
  for (const l of LEVELS) await loyalty.config.saveLevel(null, l);
  const packages = [];
  for (const p of PACKAGES) packages.push(await loyalty.config.savePackage(null, p));
  await seedMembership(koi);

  for (const [phone, days] of Object.entries(SIGNINS)) {
    const customerId = await koi.identity.shoppers.ensureByPhone(phone, '');
    for (const d of days) {
      const back = d * 86_400_000;
      clock.advance(-back);
      try {
        await loyalty.members.signin(customerId);
      } finally {
        clock.advance(back);
      }
    }
  }

  const sims = koi.payment.simulators;
  if (!sims) return;
  const customerId = await koi.identity.shoppers.ensureByPhone('13916880001', '');
  const started = await loyalty.recharges.start(customerId, { packageId: packages[1]!.id, channel: 'wechat_h5', clientIp: '127.0.0.1', returnUrl: `${koi.config.publicUrl}/#/pages/member/balance` });
  if (started.action.kind !== 'redirect') return;
  const opened = new URL(started.action.url);
  await koi.app.inject({ method: 'GET', url: `${opened.pathname}${opened.search}` });
  const [intent] = (await koi.payment.paymentsOf('recharge', started.recharge.id)).intents;
  const trade = intent && (await sims.trades.byNo('wechatpay', koi.config.payment.wechatpay.mchid, intent.outTradeNo));
  if (!trade) return;
  const paid = await sims.wechatpay.pay(trade.handle);
  if (paid.notificationId) await sims.notifications.deliver(paid.notificationId);
  while ((await koi.bus.dispatchOnce()) > 0);
}

/**
 * After the demo profiles exist (seed-customers.ts): 张雅琴 (born 12 March) got her 生日积分 on this
 * year's birthday from the real daily pass, and the shoppers who completed 我的资料 get 完善资料 from
 * the real subscriber as the profile events are delivered.
 */
export async function seedPointsOccasions(koi: Pick<Koi, 'loyalty' | 'bus'>): Promise<void> {
  const now = clock.now();
  const year = Number(now.toISOString().slice(0, 4));
  let birthday = Date.UTC(year, 2, 11, 16, 5); // 00:05 on 12 March in Shanghai
  if (birthday > now.getTime()) birthday = Date.UTC(year - 1, 2, 11, 16, 5);
  const back = now.getTime() - birthday;
  clock.advance(-back);
  try {
    await koi.loyalty.earnRules.earn.birthdayPass(clock.now());
  } finally {
    clock.advance(back);
  }
  while ((await koi.bus.dispatchOnce()) > 0);
}
