import type { Koi } from '../app.ts';
import { DEMO_SHOPPERS } from './seed.ts';

type SeedKoi = Pick<Koi, 'promotion' | 'identity'>;
const ALL = { type: 'all' as const, ids: [], excludeProductIds: [] };

/**
 * Coupons issued beyond claiming: a 兑换码 batch (30 unique codes for ¥30 无门槛券, as handed out at
 * the 杭州 store's tea tasting) and a shared code QINGCI2026 for the WeChat article; the new-customer
 * reward 新人礼 满 ¥99 减 ¥15 configured (every shopper who signs up from now on gets it once); and a
 * few coupons of other kinds in three demo shoppers' wallets — 9 折券 (cap ¥50), 运费券 and 无门槛券 —
 * issued as the operator's list issuance does. The first two demo shoppers keep only their 新客券.
 */
export async function seedCouponIssuance(koi: SeedKoi): Promise<void> {
  const p = koi.promotion;
  const tasting = await p.templates.create({
    kind: 'no_threshold', name: '品鉴会 ¥30 无门槛券', args: { amountFen: 3000 }, scope: ALL, validity: { type: 'relative', days: 60 },
    perCustomerLimit: 1, totalQuantity: 200, claimable: false, status: 'active',
  });
  await p.codes.createBatch({ type: 'unique', templateId: tasting.id, count: 30 }, null);
  await p.codes.createBatch({ type: 'shared', templateId: tasting.id, code: 'QINGCI2026', limit: 100 }, null);

  const welcome = await p.templates.create({
    kind: 'amount_off', name: '新人礼 满 ¥99 减 ¥15', args: { thresholdFen: 9900, amountFen: 1500 }, scope: ALL, validity: { type: 'relative', days: 14 },
    perCustomerLimit: 1, totalQuantity: 5000, claimable: false, status: 'active',
  });
  await p.rewards.saveSettings({ new_customer: welcome.id, birthday: null, level_up: null });

  const nine = await p.templates.create({
    kind: 'percent_off', name: '会员 9 折券', args: { thresholdFen: 0, rateBp: 9000, capFen: 5000 }, scope: ALL, validity: { type: 'relative', days: 30 },
    perCustomerLimit: 1, totalQuantity: 500, claimable: true, status: 'active',
  });
  const freight = await p.templates.create({
    kind: 'shipping_off', name: '运费券 ¥10', args: { amountFen: 1000 }, scope: ALL, validity: { type: 'relative', days: 30 },
    perCustomerLimit: 2, totalQuantity: 500, claimable: true, status: 'active',
  });
  const wallets: [string, string[]][] = [
    [DEMO_SHOPPERS[2].phone, [nine.id, freight.id, tasting.id]],
    [DEMO_SHOPPERS[3].phone, [nine.id, freight.id]],
    [DEMO_SHOPPERS[4].phone, [tasting.id]],
  ];
  for (const [phone, templateIds] of wallets) {
    const customerId = await koi.identity.shoppers.ensureByPhone(phone, '');
    for (const templateId of templateIds) {
      const out = await p.issuer.issue(templateId, customerId, `demo:${templateId}:${customerId}`);
      if (!out.ok) throw new Error(`demo coupon not issued: ${out.reason}`);
    }
  }
}
