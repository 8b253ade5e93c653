import { z } from 'zod';
import { ZCardPlan, ZCardPlanInput, ZCardPlanList, ZMemberDaySettings } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import type { CardPlans } from './paid-card-plans.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const view = requireStaff('marketing:view');
const manage = requireStaff('marketing:manage');
const ZUuidParam = z.object({ id: z.string().uuid() });

/** Paid card plans (付费会员) and the member day (会员日). */
export function registerAdminCardRoutes(app: App, deps: { plans: CardPlans }) {
  const { plans } = deps;
  app.get('/api/admin/loyalty/card-plans', { schema: { ...admin, summary: 'Paid membership card plans with their active holders', response: { 200: ZCardPlanList } }, preValidation: view },
    async () => ({ items: await plans.list(false) }));
  app.post('/api/admin/loyalty/card-plans', { schema: { ...admin, summary: 'Add a card plan', body: ZCardPlanInput, response: { 200: ZCardPlan } }, preValidation: manage },
    async (req) => plans.save(null, req.body));
  app.put('/api/admin/loyalty/card-plans/:id', {
    schema: { ...admin, summary: 'Change a card plan (purchases already started or paid keep what they bought)', params: ZUuidParam, body: ZCardPlanInput, response: { 200: ZCardPlan } }, preValidation: manage,
  }, async (req) => plans.save(req.params.id, req.body));

  app.get('/api/admin/loyalty/member-day', { schema: { ...admin, summary: 'Member day (会员日) settings', response: { 200: ZMemberDaySettings } }, preValidation: view },
    async () => plans.memberDay());
  app.put('/api/admin/loyalty/member-day', { schema: { ...admin, summary: 'Replace the member day settings', body: ZMemberDaySettings, response: { 200: ZMemberDaySettings } }, preValidation: manage },
    async (req) => plans.saveMemberDay(req.body));
}
