import type { TOrderPayAction } from '@koi/contracts';
import type { Lang } from '../platform/errors.ts';
import type { Identity } from '../modules/identity/index.ts';
import type { PaymentService } from '../modules/payment/index.ts';
import type { PromotionService } from '../modules/promotion/index.ts';
import type { LoyaltyService } from '../modules/loyalty/index.ts';
import type { Fulfilment } from '../modules/fulfilment/index.ts';
import type { OrderPorts, PricingPort } from '../modules/order/index.ts';

type Customer = {
  addressFor: OrderPorts['addresses']['addressFor'];
  defaultAddress: OrderPorts['addresses']['defaultAddress'];
};

/** Binds what checkout needs to the modules that own it (see modules/order/ports.ts). */
export function orderPorts(deps: {
  pricing: PricingPort; promotion: PromotionService; customer: Customer; fulfilment: Fulfilment; payment: PaymentService; identity: Identity;
  loyalty: Pick<LoyaltyService, 'points' | 'wallet'>;
}): Omit<OrderPorts, 'delivery'> {
  // `delivery` (pickup, local delivery) is bound in app.ts from links/order-delivery.ts.
  const { promotion, payment, identity } = deps;
  return {
    pricing: deps.pricing,
    coupons: {
      freeze: (q, ids, customerId, orderId) => promotion.freeze(q, ids, customerId, orderId),
      consume: async (q, orderId) => { await promotion.consume(q, orderId); },
      release: async (q, orderId) => { await promotion.release(q, orderId); },
    },
    addresses: { addressFor: deps.customer.addressFor, defaultAddress: deps.customer.defaultAddress },
    shipping: {
      async quote(lines, to, lang: Lang) {
        const quote = await deps.fulfilment.quote(lines.map((l) => ({ templateId: l.templateId, quantity: l.quantity, unitWeightGrams: l.unitWeightGrams, subtotalFen: l.subtotalFen })), to);
        return {
          feeFen: quote.feeFen,
          undeliverable: quote.undeliverable.map((u) => ({ lineId: lines[u.lineIndex]!.lineId, reason: lang === 'en' ? u.message.en : u.message.zh })),
        };
      },
    },
    payment: {
      async start(input): Promise<TOrderPayAction> {
        const openid = input.channel === 'wechat_jsapi' ? (await identity.contactsOf(input.customerId)).mpOpenid ?? undefined : undefined;
        const started = await payment.startPayment(undefined, {
          payableType: 'order', payableId: input.orderId, outTradeNo: input.orderNo, amountFen: input.amountFen, description: input.description,
          channel: input.channel, openid, clientIp: input.clientIp, expiresAt: input.expiresAt, returnUrl: input.returnUrl,
        });
        return started.action;
      },
      closeFor: async (orderId) => { await payment.closePayable('order', orderId); },
      refundLate: async ({ orderId, intentId, amountFen }) => {
        await payment.refund({ intentId, payableType: 'order', payableId: orderId, refundNo: `late-${intentId}`, amountFen, reason: '订单已关闭或金额已变更，款项原路退回' });
      },
    },
    // Held per order under the ref `order:<id>` (the loyalty ledgers' convention for an order's entries).
    loyalty: {
      async freeze(q, { customerId, orderId, points, balanceFen }) {
        const ref = `order:${orderId}`;
        if (points > 0) await deps.loyalty.points.freeze(q, { customerId, ref, amount: points });
        if (balanceFen > 0) await deps.loyalty.wallet.freeze(q, { customerId, ref, amountFen: balanceFen });
      },
      async consume(q, orderId) {
        await deps.loyalty.points.consume(q, `order:${orderId}`);
        await deps.loyalty.wallet.consume(q, `order:${orderId}`);
      },
      async release(q, orderId) {
        await deps.loyalty.points.release(q, `order:${orderId}`);
        await deps.loyalty.wallet.release(q, `order:${orderId}`);
      },
    },
    contacts: { mobileOf: async (customerId) => (await identity.contactsOf(customerId)).phone },
  };
}
