import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  ZCustomerTags, ZOk, ZTag, ZTagAssign, ZTagBulkAssign, ZTagBulkResult, ZTagGroup, ZTagGroupInput, ZTagInput, ZTagList, ZTagListQuery,
  ZTagRecomputeRequest, ZTagRun, ZTagSettings, ZTagUpdate,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import type { TagCatalog } from './tag-catalog.ts';
import type { TagAssign } from './tag-assign.ts';
import type { TagRecompute } from './tag-recompute.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const view = requireStaff('customer:view');
const manage = requireStaff('customer:manage');
const ZUuidParam = z.object({ id: z.string().uuid() });
const ZCustomerTagParam = z.object({ id: z.string().uuid(), tagId: z.string().uuid() });
const ZGroupCreate = ZTagGroupInput.extend({ kind: z.enum(['manual', 'rule']).default('manual') });

/** `/api/admin/tags…` and a customer's tags (issue 7 §4). */
export function registerAdminTagRoutes(app: App, deps: {
  catalog: TagCatalog; assign: TagAssign; recompute: TagRecompute; staffName: (staffId: string) => Promise<string>;
}) {
  const { catalog, assign, recompute } = deps;
  const staff = async (id: string) => ({ id, name: await deps.staffName(id).catch(() => null) });
  /**
   * A rule that changed is evaluated by a queued rules pass (unless a pass is already under way). The
   * tag is saved either way: if the queue cannot take the job now, the nightly pass evaluates it.
   */
  const evaluateRules = (req: FastifyRequest) => recompute.start('rules').then(() => undefined, (err: unknown) => {
    req.log.warn({ err }, 'could not queue the rules pass; the nightly pass will evaluate the rule');
  });

  app.get('/api/admin/tags', { schema: { ...admin, summary: 'Tags with how many customers hold each, and the tag groups', querystring: ZTagListQuery, response: { 200: ZTagList } }, preValidation: view },
    async (req) => catalog.list(req.query));
  app.post('/api/admin/tags', { schema: { ...admin, summary: 'Create a manual or rule tag', body: ZTagInput, response: { 200: ZTag } }, preValidation: manage },
    async (req) => {
      const tag = await catalog.createTag(req.body);
      if (tag.kind === 'rule') await evaluateRules(req);
      return tag;
    });

  app.get('/api/admin/tags/groups', { schema: { ...admin, summary: 'Tag groups', response: { 200: z.object({ items: z.array(ZTagGroup) }) } }, preValidation: view },
    async () => ({ items: (await catalog.list()).groups }));
  app.post('/api/admin/tags/groups', { schema: { ...admin, summary: 'Create a tag group', body: ZGroupCreate, response: { 200: ZTagGroup } }, preValidation: manage },
    async (req) => catalog.saveGroup(null, req.body));
  app.put('/api/admin/tags/groups/:id', { schema: { ...admin, summary: 'Rename or recolour a tag group', params: ZUuidParam, body: ZTagGroupInput, response: { 200: ZTagGroup } }, preValidation: manage },
    async (req) => catalog.saveGroup(req.params.id, req.body));
  app.delete('/api/admin/tags/groups/:id', { schema: { ...admin, summary: 'Delete an empty tag group', params: ZUuidParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await catalog.removeGroup(req.params.id);
      return { ok: true as const };
    });

  app.get('/api/admin/tags/settings', { schema: { ...admin, summary: 'System tag settings: RFM quantiles, lifecycle days, spend bands', response: { 200: ZTagSettings } }, preValidation: view },
    async () => catalog.settings());
  app.put('/api/admin/tags/settings', { schema: { ...admin, summary: 'Change the system tag settings (applied by the next pass)', body: ZTagSettings, response: { 200: ZTagSettings } }, preValidation: manage },
    async (req) => catalog.saveSettings(req.body));

  app.post('/api/admin/tags/recompute', { schema: { ...admin, summary: 'Queue a full recompute; returns the run (poll it for progress)', body: ZTagRecomputeRequest, response: { 200: ZTagRun } }, preValidation: manage },
    async (req) => recompute.start(req.body.scope));
  app.get('/api/admin/tags/runs/latest', { schema: { ...admin, summary: 'The latest recompute run', response: { 200: z.object({ run: ZTagRun.nullable() }) } }, preValidation: view },
    async () => ({ run: await recompute.latestRun() }));
  app.get('/api/admin/tags/runs/:id', { schema: { ...admin, summary: 'A recompute run and its progress', params: ZUuidParam, response: { 200: ZTagRun } }, preValidation: view },
    async (req) => recompute.run(req.params.id));

  app.get('/api/admin/tags/:id', { schema: { ...admin, summary: 'One tag', params: ZUuidParam, response: { 200: ZTag } }, preValidation: view },
    async (req) => catalog.tag(req.params.id));
  app.put('/api/admin/tags/:id', { schema: { ...admin, summary: 'Change a manual or rule tag', params: ZUuidParam, body: ZTagUpdate, response: { 200: ZTag } }, preValidation: manage },
    async (req) => {
      const { tag, ruleChanged } = await catalog.updateTag(req.params.id, req.body);
      if (ruleChanged) await evaluateRules(req);
      return tag;
    });
  app.delete('/api/admin/tags/:id', { schema: { ...admin, summary: 'Delete a manual or rule tag (and remove it from every customer)', params: ZUuidParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await catalog.removeTag(req.params.id);
      return { ok: true as const };
    });
  app.post('/api/admin/tags/:id/customers', { schema: { ...admin, summary: 'Tag a list of customers with a manual tag', params: ZUuidParam, body: ZTagBulkAssign, response: { 200: ZTagBulkResult } }, preValidation: manage },
    async (req) => assign.bulkTag(req.params.id, req.body.customerIds, await staff(staffOf(req).id), req.body.note));

  app.get('/api/admin/customers/:id/tags', { schema: { ...admin, summary: "A customer's tags, each with why it is set", params: ZUuidParam, response: { 200: ZCustomerTags } }, preValidation: view },
    async (req) => assign.customerTags(req.params.id));
  app.post('/api/admin/customers/:id/tags', { schema: { ...admin, summary: 'Tag a customer with manual tags', params: ZUuidParam, body: ZTagAssign, response: { 200: ZTagBulkResult } }, preValidation: manage },
    async (req) => assign.tagCustomer(req.params.id, req.body.tagIds, await staff(staffOf(req).id), req.body.note));
  app.delete('/api/admin/customers/:id/tags/:tagId', { schema: { ...admin, summary: 'Remove a manual tag from a customer', params: ZCustomerTagParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await assign.untag(req.params.id, req.params.tagId);
      return { ok: true as const };
    });
}
