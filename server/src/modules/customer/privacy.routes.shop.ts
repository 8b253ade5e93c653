import {
  CURRENT_PRIVACY_POLICY_VERSION, ZConsentChangeRequest, ZConsentHistory, ZDataExport, ZDeletionRequest, ZDeletionRequestInput, ZMyPrivacy,
  type TMyPrivacy,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import { enforce, type RateLimiter } from '../../platform/rate-limit.ts';
import type { Db } from '../../platform/db.ts';
import type { PrivacyService } from './privacy.ts';
import { audit } from './privacy-audit.ts';

const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };
/** A download gathers every module's records: three an hour is plenty for a person and stops scraping. */
export const EXPORT_LIMIT = { max: 3, windowSeconds: 3600 } as const;

type Deps = { db: Db; limiter: RateLimiter; privacy: PrivacyService };

/** The shopper's privacy centre: consents, data download, account deletion (我的 → 隐私与数据). */
export function registerPrivacyShopRoutes(app: App, { db, limiter, privacy }: Deps) {
  const client = (req: { ip: string; headers: Record<string, unknown> }) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') || null });

  async function mine(customerId: string): Promise<TMyPrivacy> {
    return {
      currentPolicyVersion: CURRENT_PRIVACY_POLICY_VERSION,
      coolingOffDays: privacy.coolingOffDays(),
      consents: await privacy.consents.history(customerId),
      deletion: await privacy.requests.latest(customerId),
    };
  }

  app.get('/api/shop/me/privacy', {
    schema: { ...signedIn, summary: 'My consents (with their history) and my account-deletion request', response: { 200: ZMyPrivacy } },
    preValidation: requireShopper,
  }, async (req) => mine(shopperOf(req).id));

  app.put('/api/shop/me/consents', {
    schema: { ...signedIn, summary: 'Grant or withdraw marketing consent for one channel (each change is a new record)', body: ZConsentChangeRequest, response: { 200: ZConsentHistory } },
    preValidation: requireShopper,
  }, async (req) => {
    const id = shopperOf(req).id;
    await privacy.consents.change(id, req.body.purpose, req.body.granted, { capturedVia: req.body.capturedVia ?? 'shop', ...client(req) });
    return privacy.consents.history(id);
  });

  app.get('/api/shop/me/data-export', {
    schema: {
      ...signedIn,
      summary: 'Download everything Koi holds on me (JSON, one section per module; 3 per hour)',
      response: { 200: ZDataExport },
    },
    preValidation: requireShopper,
  }, async (req, reply) => {
    const id = shopperOf(req).id;
    await enforce(limiter, [{ key: `privacy:export:${id}`, ...EXPORT_LIMIT }]);
    const out = await privacy.exportData(id);
    await db.tx((q) => audit(q, { requestId: null, customerId: id, action: 'data_exported', detail: { sections: Object.keys(out.sections) }, actor: 'shopper' }));
    return reply.header('content-disposition', `attachment; filename="koi-my-data-${out.exportedAt.slice(0, 10)}.json"`).send(out);
  });

  app.post('/api/shop/me/deletion-request', {
    schema: {
      ...signedIn,
      summary: 'Ask for my account to be deleted (typed confirmation; cancellable during the cooling-off period)',
      body: ZDeletionRequestInput,
      response: { 201: ZDeletionRequest },
    },
    preValidation: requireShopper,
  }, async (req, reply) => {
    const r = await privacy.requests.request(shopperOf(req).id, req.body);
    // After the commit: on PGlite the queue shares the one connection. A lost send is caught by the hourly sweep.
    await privacy.scheduleErasure(r.id, new Date(r.dueAt)).catch((err: unknown) => req.log.warn({ err }, 'erasure job not queued; the sweep will run it'));
    return reply.code(201).send(r);
  });

  app.delete('/api/shop/me/deletion-request', {
    schema: { ...signedIn, summary: 'Cancel my pending deletion request', response: { 200: ZDeletionRequest } },
    preValidation: requireShopper,
  }, async (req) => privacy.requests.cancel(shopperOf(req).id));
}
