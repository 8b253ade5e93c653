import { ZHotWords, ZHotWordsInput, ZSynonymGroups, ZSynonymGroupsInput } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff } from '../../platform/auth.ts';
import type { SearchService } from './index.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };

export function registerAdminSearchRoutes(app: App, search: SearchService) {
  app.get('/api/admin/search/synonyms', {
    schema: { ...admin, summary: 'Synonym groups', response: { 200: ZSynonymGroups } }, preValidation: requireStaff('marketing:view'),
  }, async () => search.settings.synonyms());

  app.put('/api/admin/search/synonyms', {
    schema: { ...admin, summary: 'Replace the synonym groups', body: ZSynonymGroupsInput, response: { 200: ZSynonymGroups } }, preValidation: requireStaff('marketing:manage'),
  }, async (req) => search.settings.replaceSynonyms(req.body.items));

  app.get('/api/admin/search/hot-words', {
    schema: { ...admin, summary: 'Hot search words', response: { 200: ZHotWords } }, preValidation: requireStaff('marketing:view'),
  }, async () => search.settings.hotWords());

  app.put('/api/admin/search/hot-words', {
    schema: { ...admin, summary: 'Replace the hot search words', body: ZHotWordsInput, response: { 200: ZHotWords } }, preValidation: requireStaff('marketing:manage'),
  }, async (req) => search.settings.replaceHotWords(req.body.items));
}
