import { sql } from 'drizzle-orm';
import type { TCardPurchase, TMemberCard, TPayAction, TPayChannel, TPaymentSucceededEvent, TStartCardPurchaseResult } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId, newOrderNo } from '../../platform/ids.ts';
import type { LevelBenefits } from './levels.rules.ts';
import { daysLeft, extendCard, isCardActive, type CardHeld } from './member-benefits.rules.ts';
import type { CardPlans } from './paid-card-plans.ts';

/** What buying a card needs of the payment module (wired in index.ts, like recharges). */
export type CardPayments = {
  start(input: { customerId: string; purchaseId: string; purchaseNo: string; amountFen: number; description: string; channel: TPayChannel; clientIp: string; expiresAt: Date; returnUrl?: string }): Promise<TPayAction>;
  refundDuplicate(input: { intentId: string; purchaseId: string; amountFen: number }): Promise<void>;
};

export const CARD_PAYABLE = 'member_card';
const CARD_PAY_MINUTES = 30;

type PurchaseRow = { id: string; purchase_no: string; customer_id: string; plan_id: string; name: string; price_fen: string | number; period_days: number;
  benefits: LevelBenefits | string; status: 'pending' | 'paid'; intent_id: string | null; paid_at: Date | string | null; expires_at: Date | string | null; created_at: Date | string };
type CardRow = { customer_id: string; plan_id: string; name: string; benefits: LevelBenefits | string; starts_at: Date | string; expires_at: Date | string };

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);
const purchaseView = (r: PurchaseRow): TCardPurchase => ({
  id: r.id, purchaseNo: r.purchase_no, planId: r.plan_id, name: r.name, priceFen: Number(r.price_fen), periodDays: r.period_days, status: r.status,
  paidAt: iso(r.paid_at), expiresAt: iso(r.expires_at), createdAt: new Date(r.created_at).toISOString(),
});
const held = (r: CardRow): CardHeld => ({ planId: r.plan_id, name: r.name, benefits: json(r.benefits), startsAt: new Date(r.starts_at), expiresAt: new Date(r.expires_at) });

/**
 * Paid membership cards (付费会员), bought through the payment providers the way recharges are:
 * the plan is copied onto a pending purchase, the provider's cashier takes the money, and
 * `payment.succeeded` activates it exactly once — the purchase moves pending → paid by a conditional
 * update (parallel callbacks and redelivered events find it paid and do nothing), and the card row is
 * locked while its expiry is extended, so two different purchases paid at once both count. Buying
 * again while the card is active extends it from its expiry, with the newly bought plan's benefits.
 */
export function createPaidCards(db: Db, deps: { plans: CardPlans; log: Logger; payments: () => CardPayments }) {
  async function cardRow(customerId: string, q?: Q): Promise<CardRow | undefined> {
    const [row] = await db.rows<CardRow>(sql`select * from loyalty_member_cards where customer_id = ${customerId}`, q);
    return row;
  }

  return {
    async start(customerId: string, input: { planId: string; channel: TPayChannel; clientIp: string; returnUrl?: string }): Promise<TStartCardPurchaseResult> {
      const plan = await deps.plans.get(input.planId);
      if (!plan || !plan.active) throw new KoiError('loyalty.card_plan_unavailable');
      const now = clock.now();
      const id = newId();
      const purchaseNo = newOrderNo('V');
      const [row] = await db.rows<PurchaseRow>(sql`insert into loyalty_card_purchases (id, purchase_no, customer_id, plan_id, name, price_fen, period_days, benefits, status, created_at)
        values (${id}, ${purchaseNo}, ${customerId}, ${plan.id}, ${plan.name}, ${plan.priceFen}, ${plan.periodDays}, ${JSON.stringify(plan.benefits)}::jsonb, 'pending', ${now}) returning *`);
      const action = await deps.payments().start({
        customerId, purchaseId: id, purchaseNo, amountFen: plan.priceFen, description: `青瓷小筑 · 付费会员 ${plan.name}`, channel: input.channel,
        clientIp: input.clientIp, expiresAt: new Date(now.getTime() + CARD_PAY_MINUTES * 60_000), returnUrl: input.returnUrl,
      });
      return { purchase: purchaseView(row!), action };
    },

    async get(customerId: string, id: string): Promise<TCardPurchase> {
      const [row] = await db.rows<PurchaseRow>(sql`select * from loyalty_card_purchases where id = ${id} and customer_id = ${customerId}`);
      if (!row) throw new KoiError('resource.not_found', { what: 'card_purchase' });
      return purchaseView(row);
    },

    /** `payment.succeeded` for a card purchase: activate or extend once; a second paid intent of the same purchase is refunded. */
    async onPaid(q: Q, p: TPaymentSucceededEvent): Promise<void> {
      const paidAt = new Date(p.paidAt);
      const [row] = await db.rows<PurchaseRow>(sql`update loyalty_card_purchases set status = 'paid', intent_id = ${p.intentId}, paid_at = ${paidAt}
        where id = ${p.payableId} and status = 'pending' returning *`, q);
      if (!row) {
        const [paid] = await db.rows<PurchaseRow>(sql`select * from loyalty_card_purchases where id = ${p.payableId}`, q);
        if (paid && paid.intent_id !== p.intentId) {
          deps.log.warn({ purchaseId: p.payableId, intentId: p.intentId }, 'card purchase paid twice: refunding the second payment');
          await deps.payments().refundDuplicate({ intentId: p.intentId, purchaseId: p.payableId, amountFen: p.amountFen });
        }
        return;
      }
      const now = clock.now();
      const benefits = json(row.benefits);
      await db.rows(sql`insert into loyalty_member_cards (customer_id, plan_id, name, benefits, starts_at, expires_at, updated_at)
        values (${row.customer_id}, ${row.plan_id}, ${row.name}, ${JSON.stringify(benefits)}::jsonb, ${now}, ${now}, ${now}) on conflict do nothing`, q);
      const [cur] = await db.rows<CardRow>(sql`select * from loyalty_member_cards where customer_id = ${row.customer_id} for update`, q);
      const current = cur ? held(cur) : null;
      // A fresh row (just inserted, expires now) counts as no card.
      const next = extendCard(current && isCardActive(current, now) ? current : null, now, row.period_days);
      await db.rows(sql`update loyalty_member_cards set plan_id = ${row.plan_id}, name = ${row.name}, benefits = ${JSON.stringify(benefits)}::jsonb,
        starts_at = ${next.startsAt}, expires_at = ${next.expiresAt}, updated_at = ${now} where customer_id = ${row.customer_id}`, q);
      await db.rows(sql`update loyalty_card_purchases set expires_at = ${next.expiresAt} where id = ${row.id}`, q);
    },

    /** The card a customer holds (active or expired), null when never bought. */
    async heldBy(customerId: string, q?: Q): Promise<CardHeld | null> {
      const row = await cardRow(customerId, q);
      return row ? held(row) : null;
    },

    async view(customerId: string, now: Date): Promise<TMemberCard | null> {
      const row = await cardRow(customerId);
      if (!row) return null;
      const c = held(row);
      return { planId: c.planId, name: c.name, benefits: c.benefits, startsAt: c.startsAt.toISOString(), expiresAt: c.expiresAt.toISOString(), active: isCardActive(c, now), daysLeft: daysLeft(c.expiresAt, now) };
    },
  };
}
export type PaidCards = ReturnType<typeof createPaidCards>;
