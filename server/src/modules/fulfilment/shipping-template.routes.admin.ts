import {
  ZIdParam, ZOk, ZShippingQuote, ZShippingSettings, ZShippingTemplate, ZShippingTemplateInput, ZShippingTemplateList, ZShippingTrialRequest,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import type { Regions } from '../customer/index.ts';
import { quoteShipping } from './shipping-fee.rules.ts';
import { templateProblems } from './shipping-template.rules.ts';
import { forRules, type ShippingTemplates } from './shipping-templates.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const view = requireStaff('shipping:view');
const manage = requireStaff('shipping:manage');

export function registerShippingTemplateRoutes(app: App, deps: { templates: ShippingTemplates; regions: Regions }) {
  const { templates, regions } = deps;

  app.get('/api/admin/shipping-templates', {
    schema: { ...admin, summary: 'Shipping templates (the default first) and the combine policy', response: { 200: ZShippingTemplateList } }, preValidation: view,
  }, async () => templates.list());

  app.post('/api/admin/shipping-templates', {
    schema: { ...admin, summary: 'Create a shipping template (the first one is the default)', body: ZShippingTemplateInput, response: { 201: ZShippingTemplate } }, preValidation: manage,
  }, async (req, reply) => reply.code(201).send(await templates.create(req.body)));

  app.get('/api/admin/shipping-templates/:id', {
    schema: { ...admin, summary: 'One shipping template', params: ZIdParam, response: { 200: ZShippingTemplate } }, preValidation: view,
  }, async (req) => templates.get(req.params.id));

  app.put('/api/admin/shipping-templates/:id', {
    schema: { ...admin, summary: 'Replace a shipping template', params: ZIdParam, body: ZShippingTemplateInput, response: { 200: ZShippingTemplate } }, preValidation: manage,
  }, async (req) => templates.update(req.params.id, req.body));

  app.post('/api/admin/shipping-templates/:id/default', {
    schema: { ...admin, summary: 'Make it the default template', params: ZIdParam, response: { 200: ZShippingTemplate } }, preValidation: manage,
  }, async (req) => templates.setDefault(req.params.id));

  app.delete('/api/admin/shipping-templates/:id', {
    schema: { ...admin, summary: 'Delete a template (not the default while others exist)', params: ZIdParam, response: { 200: ZOk } }, preValidation: manage,
  }, async (req) => {
    await templates.remove(req.params.id);
    return { ok: true as const };
  });

  app.put('/api/admin/shipping-settings', {
    schema: { ...admin, summary: 'How several templates in one order combine', body: ZShippingSettings, response: { 200: ZShippingSettings } }, preValidation: manage,
  }, async (req) => templates.setPolicy(req.body.policy));

  app.post('/api/admin/shipping-templates/quote', {
    schema: { ...admin, summary: '试算: one line to a destination, by a saved template or the draft being edited', body: ZShippingTrialRequest, response: { 200: ZShippingQuote } },
    preValidation: view,
  }, async (req) => {
    const { destination: d, draft } = req.body;
    if (regions.get(d.provinceCode)?.level !== 'province' || regions.get(d.cityCode)?.parentCode !== d.provinceCode) {
      throw new KoiError('fulfilment.destination_invalid', {}, { fieldErrors: [{ path: 'body.destination.cityCode', message: 'the city is not in the province', code: 'region_mismatch' }] });
    }
    const book = await templates.book();
    let candidates = book.templates;
    let templateId = req.body.templateId;
    if (draft) {
      const problems = templateProblems(draft, (code) => regions.get(code)?.level);
      if (problems.length) {
        throw new KoiError('fulfilment.template_region_invalid', {}, { fieldErrors: problems.map((p) => ({ ...p, path: p.path.replace(/^body\./, 'body.draft.') })) });
      }
      templateId = req.body.templateId ?? 'draft';
      candidates = [forRules({ ...draft, id: templateId, isDefault: true })];
    }
    const line = { templateId, quantity: req.body.quantity, unitWeightGrams: req.body.unitWeightGrams, subtotalFen: req.body.subtotalFen };
    return quoteShipping({ lines: [line], destination: d, templates: candidates, policy: book.policy, nameOf: (code) => regions.nameOf(code) });
  });
}
