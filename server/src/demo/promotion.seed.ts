import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';
import { DEMO_SHOPPERS } from './seed.ts';

type SeedKoi = Pick<Koi, 'promotion' | 'identity'>;

/**
 * 青瓷小筑's marketing on day one: a running 满减 (满 ¥300 减 ¥30，满 ¥600 减 ¥80) and the new-customer
 * coupon 新客满 ¥200 减 ¥20 in the coupon centre, already claimed by the first two demo shoppers.
 */
export async function seedPromotions(koi: SeedKoi): Promise<void> {
  const now = clock.now();
  await koi.promotion.promotions.create({
    kind: 'full_reduction', name: '春茶季满减', args: { tiers: [{ thresholdFen: 30000, discountFen: 3000 }, { thresholdFen: 60000, discountFen: 8000 }], repeat: false },
    scope: { type: 'all', ids: [], excludeProductIds: [] }, startsAt: new Date(now.getTime() - 86_400_000).toISOString(), endsAt: null, priority: 0, status: 'active',
  });
  const template = await koi.promotion.templates.create({
    kind: 'amount_off', name: '新客满 ¥200 减 ¥20', args: { thresholdFen: 20000, amountFen: 2000 }, scope: { type: 'all', ids: [], excludeProductIds: [] },
    validity: { type: 'relative', days: 30 }, perCustomerLimit: 1, totalQuantity: 1000, claimable: true, status: 'active',
  });
  for (const s of DEMO_SHOPPERS.slice(0, 2)) {
    const customerId = await koi.identity.shoppers.ensureByPhone(s.phone, s.nickname);
    await koi.promotion.claim(customerId, template.id);
  }
}
