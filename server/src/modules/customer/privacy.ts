import type { Db } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { App } from '../../platform/http.ts';
import { consentStore } from './consents.ts';
import { deletionRequests } from './deletion-requests.ts';
import { eraser, type CustomerEraser } from './erase.ts';
import { dataExporter, type CustomerDataSource } from './data-export.ts';
import { customerTimeline } from './timeline.ts';
import { auditTrail } from './privacy-audit.ts';
import { registerPrivacyShopRoutes } from './privacy.routes.shop.ts';
import { registerPrivacyAdminRoutes } from './privacy.routes.admin.ts';
import type { CustomerScope } from './store-scope.ts';
import './privacy.errors.ts';

export const ERASE_QUEUE = 'customer.privacy-erase';
export const ERASE_SWEEP_QUEUE = 'customer.privacy-erase-sweep';

export type PrivacyBinding = {
  secret: string;
  coolingOffDays: number;
  jobs: Jobs;
  /** Other modules' parts of the data download and of an erasure. */
  sources: readonly CustomerDataSource[];
  erasers: readonly CustomerEraser[];
};

/**
 * PIPL (issue 7 §7) and the behaviour timeline: consent records, the data download, deletion requests
 * with their erasure job and audit trail. Built with the customer module; the link
 * (links/customer-privacy.ts) binds the other modules' readers and erasers and the job queue.
 */
export function createPrivacy(deps: { db: Db; limiter: RateLimiter; scope: CustomerScope }) {
  const { db } = deps;
  let bound: PrivacyBinding | null = null;
  const b = (): PrivacyBinding => {
    if (!bound) throw new Error('privacy is not bound: call customer.privacy.bind() (links/customer-privacy.ts)');
    return bound;
  };
  let secret = '';
  const consents = consentStore(db, () => secret);
  const requests = deletionRequests(db, { coolingOffDays: () => b().coolingOffDays });
  const erase = eraser(db, { consents, erasers: () => b().erasers });
  const exportData = dataExporter(db, { consents, requests, sources: () => b().sources });

  const service = {
    consents,
    requests,
    exportData,
    eraseRequest: erase.eraseRequest,
    eraseDue: erase.eraseDue,
    timeline: (customerId: string, query: { cursor?: string; limit: number }) => customerTimeline(db, customerId, query),
    auditTrail: (by: { requestId: string } | { customerId: string }) => auditTrail(db, by),
    coolingOffDays: () => b().coolingOffDays,
    /** Queues the erasure for when the cooling-off ends (the hourly sweep catches a lost job). */
    async scheduleErasure(requestId: string, dueAt: Date): Promise<void> {
      await b().jobs.send(ERASE_QUEUE, { requestId }, { startAfter: dueAt, singletonKey: `erase:${requestId}` });
    },
    bind(binding: PrivacyBinding): void {
      bound = binding;
      secret = binding.secret;
      binding.jobs.define<{ requestId: string }>(ERASE_QUEUE, { retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 600 }, async ({ requestId }) => {
        await erase.eraseRequest(requestId);
      });
      binding.jobs.define(ERASE_SWEEP_QUEUE, { retryLimit: 1, expireInSeconds: 1800 }, async () => {
        await erase.eraseDue();
      });
    },
    async schedule(): Promise<void> {
      await b().jobs.schedule(ERASE_SWEEP_QUEUE, '23 * * * *');
    },
    registerRoutes(app: App): void {
      registerPrivacyShopRoutes(app, { db, limiter: deps.limiter, privacy: service });
      registerPrivacyAdminRoutes(app, { privacy: service, scope: deps.scope });
    },
  };
  return service;
}
export type PrivacyService = ReturnType<typeof createPrivacy>;
