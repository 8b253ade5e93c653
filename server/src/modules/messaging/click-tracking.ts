import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { publish } from '../../platform/events.ts';
import { messageSends } from './notifications.tables.ts';

/** Published when a shopper opens a tracked link from a message (the customer timeline listens). */
export const MessageClickEvents = { clicked: 'messaging.message_clicked' } as const;
export type TMessageClickedEvent = { sendId: string; customerId: string; kind: string; channel: string; target: string; at: string };

/**
 * Tracked links for messages (issue 7 §3, message clicks): `/r/<send id>.<HMAC>?to=<path>`; the HMAC
 * covers the send and the target, so nobody can forge a click or turn it into an open redirect
 * (targets are paths of this shop only). Opening it records `messaging.message_clicked` and redirects.
 * The send id is packed (22 characters) so the link stays short in an SMS.
 * Order notifications carry no links today; marketing SMS and campaigns put their links through this.
 */
export function clickTracking(deps: { db: Db; secret: string; publicUrl: string }) {
  const sign = (body: string) => createHmac('sha256', deps.secret).update(`msg-click:${body}`).digest('base64url').slice(0, 16);

  /** A short tracked URL for `target` (a path such as `/pages/product/detail?id=…`) in the message `sendId`. */
  function trackedLink(sendId: string, target: string): string {
    if (!isShopPath(target)) throw new Error(`not a path of this shop: ${target}`);
    const packed = Buffer.from(sendId.replace(/-/g, ''), 'hex').toString('base64url');
    return `${deps.publicUrl}/r/${packed}.${sign(`${packed}|${target}`)}?to=${encodeURIComponent(target)}`;
  }

  function open(token: string, target: string | undefined): { sendId: string; target: string } | null {
    const [packed, sig] = token.split('.');
    if (!packed || !sig || !target || !isShopPath(target)) return null;
    const want = Buffer.from(sign(`${packed}|${target}`));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
    const hex = Buffer.from(packed, 'base64url').toString('hex');
    if (hex.length !== 32) return null;
    const sendId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return z.uuid().safeParse(sendId).success ? { sendId, target } : null;
  }

  function registerRoutes(app: App): void {
    app.get('/r/:token', {
      schema: {
        tags: ['shop'], summary: 'A tracked link from a message: records the click and redirects into the shop',
        params: z.object({ token: z.string().min(1).max(100) }), querystring: z.object({ to: z.string().max(500).optional() }),
      },
    }, async (req, reply) => {
      const link = open(req.params.token, req.query.to);
      // A forged or damaged link still lands somewhere useful, without recording anything.
      if (!link) return reply.redirect('/', 302);
      await deps.db.tx(async (q) => {
        const [send] = await q.select({ customerId: messageSends.customerId, kind: messageSends.kind, channel: messageSends.channel }).from(messageSends).where(eq(messageSends.id, link.sendId));
        if (send) await publish<TMessageClickedEvent>(q, MessageClickEvents.clicked, { sendId: link.sendId, ...send, target: link.target, at: clock.now().toISOString() });
      });
      return reply.redirect(link.target, 302);
    });
  }

  return { trackedLink, open, registerRoutes };
}

/** Only paths of this shop: `/…` but not `//host` or `/\host` (which browsers treat as another site). */
export function isShopPath(target: string): boolean {
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(target);
}
