import {
  ZCreatePageInput, ZDecoratedPage, ZDecoratedPageList, ZIdParam, ZPageDraftInput, ZRollbackRequest, ZShopPage,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import type { DecorationPages } from './pages.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };

export function registerAdminDecorationRoutes(app: App, pages: DecorationPages) {
  app.get('/api/admin/decoration/pages', {
    schema: { ...admin, summary: 'Decorated pages (home first)', response: { 200: ZDecoratedPageList } }, preValidation: requireStaff('marketing:view'),
  }, async () => pages.list());

  app.post('/api/admin/decoration/pages', {
    schema: { ...admin, summary: 'Create a landing page', body: ZCreatePageInput, response: { 200: ZDecoratedPage } }, preValidation: requireStaff('marketing:manage'),
  }, async (req) => pages.create(req.body));

  app.get('/api/admin/decoration/pages/:id', {
    schema: { ...admin, summary: 'A page with its draft and versions', params: ZIdParam, response: { 200: ZDecoratedPage } }, preValidation: requireStaff('marketing:view'),
  }, async (req) => pages.get(req.params.id));

  app.put('/api/admin/decoration/pages/:id/draft', {
    schema: { ...admin, summary: 'Save the draft (links checked, rich text sanitised)', params: ZIdParam, body: ZPageDraftInput, response: { 200: ZDecoratedPage } },
    preValidation: requireStaff('marketing:manage'),
  }, async (req) => pages.saveDraft(req.params.id, req.body));

  app.post('/api/admin/decoration/pages/:id/publish', {
    schema: { ...admin, summary: 'Publish the draft as a new version (the previous ones are kept)', params: ZIdParam, response: { 200: ZDecoratedPage } },
    preValidation: requireStaff('marketing:manage'),
  }, async (req) => pages.publish(req.params.id, staffOf(req).id));

  app.post('/api/admin/decoration/pages/:id/rollback', {
    schema: { ...admin, summary: 'Publish an earlier version again (it becomes the draft and a new version)', params: ZIdParam, body: ZRollbackRequest, response: { 200: ZDecoratedPage } },
    preValidation: requireStaff('marketing:manage'),
  }, async (req) => pages.rollback(req.params.id, req.body.version, staffOf(req).id));

  app.get('/api/admin/decoration/pages/:id/preview', {
    schema: { ...admin, summary: 'The draft resolved as the shop would show it (live phone preview)', params: ZIdParam, response: { 200: ZShopPage } },
    preValidation: requireStaff('marketing:view'),
  }, async (req) => pages.preview(req.params.id));
}
