import { z } from 'zod';
import { ZConsentHistory, ZDeletionRequestList, ZDeletionRequestQuery, ZPrivacyAuditList, ZTimelineList, ZTimelineQuery } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { FastifyRequest } from 'fastify';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import type { CustomerScope } from './store-scope.ts';
import type { PrivacyService } from './privacy.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZUuidParam = z.object({ id: z.uuid() });

/** Staff views: a customer's timeline and consent history (store-scoped like the 360); deletion requests and their audit trail. */
export function registerPrivacyAdminRoutes(app: App, { privacy, scope }: { privacy: PrivacyService; scope: CustomerScope }) {
  const visible = (req: FastifyRequest, id: string) => scope.assertVisible(staffOf(req), id);
  app.get('/api/admin/customers/:id/timeline', {
    schema: { ...admin, summary: 'Behaviour timeline of a customer, newest first (keyset paged)', params: ZUuidParam, querystring: ZTimelineQuery, response: { 200: ZTimelineList } },
    preValidation: requireStaff('customer:view'),
  }, async (req) => {
    await visible(req, req.params.id);
    return privacy.timeline(req.params.id, req.query);
  });

  app.get('/api/admin/customers/:id/consents', {
    schema: { ...admin, summary: 'Consent records of a customer, newest first, with the current state', params: ZUuidParam, response: { 200: ZConsentHistory } },
    preValidation: requireStaff('customer:view'),
  }, async (req) => {
    await visible(req, req.params.id);
    return privacy.consents.history(req.params.id);
  });

  app.get('/api/admin/customers/:id/privacy-audit', {
    schema: { ...admin, summary: 'Privacy audit trail of a customer (requests, erasure steps, downloads)', params: ZUuidParam, response: { 200: ZPrivacyAuditList } },
    preValidation: requireStaff('customer:view'),
  }, async (req) => {
    await visible(req, req.params.id);
    return { items: await privacy.auditTrail({ customerId: req.params.id }) };
  });

  app.get('/api/admin/privacy/deletion-requests', {
    schema: { ...admin, summary: 'Account-deletion requests, newest first', querystring: ZDeletionRequestQuery, response: { 200: ZDeletionRequestList } },
    preValidation: requireStaff('customer:manage'),
  }, async (req) => privacy.requests.list(req.query));

  app.get('/api/admin/privacy/deletion-requests/:id/audit', {
    schema: { ...admin, summary: 'Audit trail of one deletion request', params: ZUuidParam, response: { 200: ZPrivacyAuditList } },
    preValidation: requireStaff('customer:manage'),
  }, async (req) => ({ items: await privacy.auditTrail({ requestId: req.params.id }) }));
}
