import { ZDryRunRequest, ZDryRunResult } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import { createPromotionDryRun } from './dry-run.ts';

type Deps = Parameters<typeof createPromotionDryRun>[0];

/**
 * `POST /api/admin/promotions/dry-run`: the draft exactly as the promotion or coupon-template form
 * sends it, plus the window. Nothing is written; it needs the same permission as creating one
 * (it shows revenue and cost prices).
 */
export function registerPromotionDryRun(app: App, deps: Deps) {
  const dryRun = createPromotionDryRun(deps);
  app.post('/api/admin/promotions/dry-run', {
    schema: {
      tags: ['admin'], security: [{ bearer: [] }], body: ZDryRunRequest, response: { 200: ZDryRunResult },
      summary: 'Replay a draft promotion or coupon template over the last N days of sold orders with the pricing engine',
    },
    preValidation: requireStaff('marketing:manage'),
  }, async (req) => dryRun.run(req.body));
  return dryRun;
}
