import { z } from 'zod';
import { ZAdminReviewDetail, ZAdminReviewPage, ZAdminReviewQuery, ZReviewHideRequest, ZReviewReplyRequest } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import type { ReviewQueries } from './review-queries.ts';
import type { Moderation, Moderator } from './moderate-review.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const view = requireStaff('review:view');
const manage = requireStaff('review:manage');
const ZId = z.object({ id: z.string().min(1).max(64) });

export function registerAdminReviewRoutes(app: App, deps: { queries: ReviewQueries; moderation: Moderation; staffName: (id: string) => Promise<string> }) {
  const { queries, moderation } = deps;
  const who = async (req: Parameters<typeof staffOf>[0]): Promise<Moderator> => {
    const id = staffOf(req).id;
    return { id, name: await deps.staffName(id) };
  };

  app.get('/api/admin/reviews', {
    preValidation: view, schema: { ...admin, summary: 'Reviews to moderate (held ones first), filtered', querystring: ZAdminReviewQuery, response: { 200: ZAdminReviewPage } },
  }, async (req) => queries.adminList(req.query));

  app.get('/api/admin/reviews/:id', {
    preValidation: view, schema: { ...admin, summary: 'One review with its moderation log', params: ZId, response: { 200: ZAdminReviewDetail } },
  }, async (req) => queries.adminDetail(req.params.id));

  app.post('/api/admin/reviews/:id/reply', {
    preValidation: manage, schema: { ...admin, summary: 'Reply (or edit the reply) to a review', params: ZId, body: ZReviewReplyRequest, response: { 200: ZAdminReviewDetail } },
  }, async (req) => moderation.reply(req.params.id, await who(req), req.body.content));

  app.post('/api/admin/reviews/:id/hide', {
    preValidation: manage, schema: { ...admin, summary: 'Hide a review from the shop, with a reason', params: ZId, body: ZReviewHideRequest, response: { 200: ZAdminReviewDetail } },
  }, async (req) => moderation.hide(req.params.id, await who(req), req.body.reason));

  app.post('/api/admin/reviews/:id/show', {
    preValidation: manage, schema: { ...admin, summary: 'Show a hidden review again', params: ZId, response: { 200: ZAdminReviewDetail } },
  }, async (req) => moderation.show(req.params.id, await who(req)));

  app.post('/api/admin/reviews/:id/approve', {
    preValidation: manage, schema: { ...admin, summary: 'Release a review held by the sensitive-word check', params: ZId, response: { 200: ZAdminReviewDetail } },
  }, async (req) => moderation.approve(req.params.id, await who(req)));

  app.post('/api/admin/reviews/:id/pin', {
    preValidation: manage, schema: { ...admin, summary: 'Pin a visible review on the product page', params: ZId, response: { 200: ZAdminReviewDetail } },
  }, async (req) => moderation.pin(req.params.id, await who(req)));

  app.post('/api/admin/reviews/:id/unpin', {
    preValidation: manage, schema: { ...admin, summary: 'Unpin a review', params: ZId, response: { 200: ZAdminReviewDetail } },
  }, async (req) => moderation.unpin(req.params.id, await who(req)));
}
