import type { TEffectiveBenefits, TMembership } from '@koi/contracts';
import type { Q } from '../../platform/db.ts';
import type { Lang } from '../../platform/errors.ts';
import { levelFor } from './levels.rules.ts';
import { effectiveBenefits, memberDayLabel, isMemberDay, type Effective } from './member-benefits.rules.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import type { Members } from './members.ts';
import type { CardPlans } from './paid-card-plans.ts';
import type { PaidCards } from './paid-card.ts';

const pick = (t: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? t.en : t.zh);

/**
 * A shopper's effective member benefits at a moment: the level (a shopper without one holds the
 * entry level, threshold 0, when there is one), an active paid card, and the member day — combined
 * by `effectiveBenefits`. Checkout prices with it; points at payment use its multiplier.
 */
export function createMemberBenefits(deps: { config: LoyaltyConfig; members: Members; plans: CardPlans; cards: PaidCards }) {
  async function benefitsOf(customerId: string, now: Date, q?: Q): Promise<Effective> {
    const [levels, member, card, day] = [await deps.config.levels(q), await deps.members.rowIn(customerId, q), await deps.cards.heldBy(customerId, q), await deps.plans.memberDay(q)];
    const level = levels.find((l) => l.id === member?.level_id) ?? levelFor(levels, 0);
    return effectiveBenefits({ level, card, memberDay: day, now });
  }

  return {
    benefitsOf,

    async membership(customerId: string, now: Date, lang: Lang): Promise<TMembership> {
      const [b, card, plans, day] = [await benefitsOf(customerId, now), await deps.cards.view(customerId, now), await deps.plans.list(true), await deps.plans.memberDay()];
      const benefits: TEffectiveBenefits = {
        levelId: b.levelId, discountRateBp: b.discountRateBp, discountLabel: pick(b.discountLabel, lang), freeShipping: b.freeShipping,
        freeShippingLabel: pick(b.freeShippingLabel, lang), pointsMultiplierPct: b.pointsMultiplierPct, pointsLabel: pick(b.pointsLabel, lang), memberDayToday: b.memberDayToday,
      };
      return {
        card, plans, benefits,
        memberDay: day.enabled ? { label: pick(memberDayLabel(day), lang), today: isMemberDay(day.rule, now), settings: day } : null,
      };
    },
  };
}
export type MemberBenefits = ReturnType<typeof createMemberBenefits>;
