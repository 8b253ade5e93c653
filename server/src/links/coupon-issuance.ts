import type { EventBus } from '../platform/events.ts';
import type { PromotionService, IssuancePorts } from '../modules/promotion/index.ts';
import { IdentityEvents, type ShopperRegistered } from '../modules/identity/index.ts';
import { isImmediateUpgrade, LoyaltyEvents, type LevelChanged } from '../modules/loyalty/index.ts';
import type { AudienceService } from '../modules/audience/index.ts';
import type { CustomerService } from '../modules/customer/index.ts';

/**
 * Coupon issuance and the modules it serves: shoppers by phone or id (identity) for list issuance,
 * a segment's members (audience snapshots) for segment issuance, birthdays (customer profiles)
 * for the birthday reward, and the reward events: a new shopper (`identity.shopper_registered`)
 * and a higher level (`loyalty.level_changed`).
 */
export function linkCouponIssuance(bus: EventBus, deps: {
  promotion: PromotionService;
  identity: { lookup: IssuancePorts['customers'] };
  audience: Pick<AudienceService, 'snapshotSegment' | 'snapshotMembers'>;
  customer: Pick<CustomerService, 'birthdaysOn'>;
}) {
  const { audience, customer } = deps;
  deps.promotion.bindIssuance({
    customers: deps.identity.lookup,
    audience: {
      snapshotSegment: async (segmentId) => ({ snapshotId: await audience.snapshotSegment(segmentId) }),
      snapshotMembers: async (snapshotId, cursor) => {
        const page = await audience.snapshotMembers(snapshotId, cursor);
        return { customerIds: page.items, nextCursor: page.next };
      },
    },
    birthdaysOn: (monthDay, after, limit) => customer.birthdaysOn(monthDay, after, limit),
  });

  bus.subscribe(IdentityEvents.shopperRegistered, 'promotion.reward-new-customer', async (event, q) => {
    await deps.promotion.rewards.onRegistered(q, (event.payload as ShopperRegistered).shopperId);
  });
  bus.subscribe(LoyaltyEvents.levelChanged, 'promotion.reward-level-up', async (event, q) => {
    const e = event.payload as LevelChanged;
    // Only immediate upgrades earn the level-up reward; the periodic review's changes do not (issue 8 §1).
    if (isImmediateUpgrade(e)) await deps.promotion.rewards.onLevelUp(q, e.customerId, e.to);
  });
}
