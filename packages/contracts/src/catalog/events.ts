import { z } from 'zod';

/** Behaviour events from the shop (batched; sendBeacon on page hide). Stored append-only for the customer data platform. */
export const BEHAVIOUR_EVENT_TYPES = ['page_view', 'product_view', 'category_view', 'search', 'share', 'add_to_cart'] as const;
export const ZBehaviourEvent = z.strictObject({
  type: z.enum(BEHAVIOUR_EVENT_TYPES),
  /** When it happened on the device; the server clamps it to a sane window around its own clock. */
  at: z.iso.datetime({ offset: true }).optional(),
  props: z.record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).default({}),
});
export const ZBehaviourBatch = z.strictObject({
  /** The device's anonymous id (kept in storage), so events before sign-in join the shopper later. */
  anonymousId: z.string().min(8).max(64),
  events: z.array(ZBehaviourEvent).min(1).max(50),
  /**
   * The shopper's session token, for navigator.sendBeacon (it cannot set an Authorization header).
   * Verified exactly like a bearer header; ignored when the request carries one. Never a customer id:
   * whose events they are comes only from a verified token.
   */
  token: z.string().min(1).max(200).optional(),
});
export type TBehaviourBatch = z.input<typeof ZBehaviourBatch>;
export const ZBehaviourAccepted = z.object({ accepted: z.number().int() });
