import { ZBehaviourAccepted, ZBehaviourBatch } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { adoptBodyToken } from '../../platform/auth.ts';
import { enforce, type RateLimiter } from '../../platform/rate-limit.ts';
import type { Db } from '../../platform/db.ts';
import { INGEST_LIMITS } from './behaviour.rules.ts';
import { ingestBatch } from './record-behaviour.ts';

export function registerBehaviourRoutes(app: App, deps: { db: Db; limiter: RateLimiter }) {
  app.post('/api/shop/events', {
    schema: {
      tags: ['shop'],
      summary: 'Record behaviour events (batched; a bearer token joins them to the shopper)',
      description: 'A beacon (navigator.sendBeacon) cannot set headers: it may carry the session token as `token` in the body instead, verified like a bearer header and ignored when one is sent. The shopper is only ever the verified token\'s.',
      security: [{}, { bearer: [] }],
      body: ZBehaviourBatch,
      response: { 202: ZBehaviourAccepted },
    },
  }, async (req, reply) => {
    const { anonymousId } = req.body;
    await enforce(deps.limiter, [
      { key: `behaviour:device:${anonymousId}`, ...INGEST_LIMITS.perDevice },
      { key: `behaviour:ip:${req.ip}`, ...INGEST_LIMITS.perAddress },
    ]);
    await adoptBodyToken(req, req.body.token);
    const shopperId = req.principal?.kind === 'shopper' ? req.principal.id : null;
    const accepted = await ingestBatch(deps.db, req.body, shopperId);
    return reply.code(202).send({ accepted });
  });
}
