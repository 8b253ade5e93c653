import {
  ZCouponTemplate, ZCouponTemplateInput, ZCouponTemplatePage, ZCouponTemplateQuery, ZIdParam, ZKindList, ZOk, ZPromotion, ZPromotionInput,
  ZPromotionPage, ZPromotionQuery,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import { describeKinds, type KindRegistry } from '../pricing/index.ts';
import type { Promotions } from './promotions.ts';
import type { CouponTemplates } from './coupon-templates.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const view = requireStaff('marketing:view');
const manage = requireStaff('marketing:manage');

export function registerAdminPromotionRoutes(app: App, deps: { registry: KindRegistry; promotions: Promotions; templates: CouponTemplates }) {
  const { promotions, templates } = deps;
  const kinds = describeKinds(deps.registry);

  app.get('/api/admin/promotions/kinds', {
    schema: { ...admin, summary: 'Promotion and coupon kinds with their argument fields (the admin form is generated from them)', response: { 200: ZKindList } }, preValidation: view,
  }, async () => kinds);

  app.get('/api/admin/promotions', { schema: { ...admin, summary: 'Promotions, newest first', querystring: ZPromotionQuery, response: { 200: ZPromotionPage } }, preValidation: view },
    async (req) => promotions.list(req.query));
  app.post('/api/admin/promotions', { schema: { ...admin, summary: 'Create a promotion (args checked by its kind)', body: ZPromotionInput, response: { 200: ZPromotion } }, preValidation: manage },
    async (req) => promotions.create(req.body));
  app.get('/api/admin/promotions/:id', { schema: { ...admin, summary: 'A promotion', params: ZIdParam, response: { 200: ZPromotion } }, preValidation: view },
    async (req) => promotions.get(req.params.id));
  app.put('/api/admin/promotions/:id', { schema: { ...admin, summary: 'Replace a promotion (not once ended)', params: ZIdParam, body: ZPromotionInput, response: { 200: ZPromotion } }, preValidation: manage },
    async (req) => promotions.update(req.params.id, req.body));
  app.post('/api/admin/promotions/:id/end', { schema: { ...admin, summary: 'End a promotion now', params: ZIdParam, response: { 200: ZPromotion } }, preValidation: manage },
    async (req) => promotions.end(req.params.id));
  app.delete('/api/admin/promotions/:id', { schema: { ...admin, summary: 'Delete a draft', params: ZIdParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await promotions.remove(req.params.id);
      return { ok: true as const };
    });

  app.get('/api/admin/coupon-templates', { schema: { ...admin, summary: 'Coupon templates, newest first', querystring: ZCouponTemplateQuery, response: { 200: ZCouponTemplatePage } }, preValidation: view },
    async (req) => templates.list(req.query));
  app.post('/api/admin/coupon-templates', { schema: { ...admin, summary: 'Create a coupon template', body: ZCouponTemplateInput, response: { 200: ZCouponTemplate } }, preValidation: manage },
    async (req) => templates.create(req.body));
  app.get('/api/admin/coupon-templates/:id', { schema: { ...admin, summary: 'A coupon template with its issued and used counts', params: ZIdParam, response: { 200: ZCouponTemplate } }, preValidation: view },
    async (req) => templates.get(req.params.id));
  app.put('/api/admin/coupon-templates/:id', {
    schema: { ...admin, summary: 'Replace a template (applies to coupons issued from now on)', params: ZIdParam, body: ZCouponTemplateInput, response: { 200: ZCouponTemplate } }, preValidation: manage,
  }, async (req) => templates.update(req.params.id, req.body));
  app.post('/api/admin/coupon-templates/:id/end', { schema: { ...admin, summary: 'Stop issuing (issued coupons stay valid)', params: ZIdParam, response: { 200: ZCouponTemplate } }, preValidation: manage },
    async (req) => templates.end(req.params.id));
  app.delete('/api/admin/coupon-templates/:id', { schema: { ...admin, summary: 'Delete a draft that issued nothing', params: ZIdParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await templates.remove(req.params.id);
      return { ok: true as const };
    });
}
