import { z } from 'zod';
import { ZCardPurchase, ZMembership, ZStartCardPurchase, ZStartCardPurchaseResult } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { requireShopper, shopperOf, subjectKey } from '../../platform/auth.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { MemberBenefits } from './member-benefits.ts';
import type { PaidCards } from './paid-card.ts';

const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };

/** The shop's paid card (付费会员) and member day: what I hold, what is on sale, what applies now; buying a card. */
export function registerShopCardRoutes(app: App, deps: { db: Db; publicUrl: string; benefits: MemberBenefits; cards: PaidCards }) {
  app.get('/api/shop/loyalty/membership', {
    schema: { ...signedIn, summary: 'My paid card, the cards on sale, the member day and my benefits now (best of level and card, member day on top)', response: { 200: ZMembership } },
    preValidation: requireShopper,
  }, async (req) => deps.benefits.membership(shopperOf(req).id, clock.now(), req.lang));

  app.post('/api/shop/loyalty/card-purchases', {
    schema: { ...signedIn, summary: 'Buy (or extend) a paid membership card: the action that opens the provider\'s cashier (Idempotency-Key supported)', body: ZStartCardPurchase, response: { 200: ZStartCardPurchaseResult } },
    preValidation: requireShopper, preHandler: idempotent(deps.db, { subject: subjectKey }),
  }, async (req) => deps.cards.start(shopperOf(req).id, {
    planId: req.body.planId, channel: req.body.channel, clientIp: req.ip,
    returnUrl: req.body.returnPath ? `${deps.publicUrl}${req.body.returnPath}` : undefined,
  }));

  app.get('/api/shop/loyalty/card-purchases/:id', {
    schema: { ...signedIn, summary: 'One of my card purchases (poll after paying)', params: z.object({ id: z.string().uuid() }), response: { 200: ZCardPurchase } }, preValidation: requireShopper,
  }, async (req) => deps.cards.get(shopperOf(req).id, req.params.id));
}
