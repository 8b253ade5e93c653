import type { TDecoratedPage, TPageDraftInput, TShopPage } from '@koi/contracts';
import type { TCreatePageInput, TDecoratedPageList, TRollbackRequest } from './catalog-types.ts';
import { http } from './http.ts';

const path = (pageId: string) => `/decoration/pages/${encodeURIComponent(pageId)}`;

export function listPages(): Promise<TDecoratedPageList> {
  return http.get<TDecoratedPageList>('/decoration/pages');
}

export function createPage(body: TCreatePageInput): Promise<TDecoratedPage> {
  return http.post<TDecoratedPage>('/decoration/pages', body);
}

export function getPage(pageId: string): Promise<TDecoratedPage> {
  return http.get<TDecoratedPage>(path(pageId));
}

export function saveDraft(pageId: string, body: TPageDraftInput): Promise<TDecoratedPage> {
  return http.put<TDecoratedPage>(`${path(pageId)}/draft`, body);
}

export function publishPage(pageId: string): Promise<TDecoratedPage> {
  return http.post<TDecoratedPage>(`${path(pageId)}/publish`);
}

export function rollbackPage(pageId: string, body: TRollbackRequest): Promise<TDecoratedPage> {
  return http.post<TDecoratedPage>(`${path(pageId)}/rollback`, body);
}

/** The draft as the shop would render it (products and category names resolved). Silent: the preview shows it. */
export function previewPage(pageId: string): Promise<TShopPage> {
  return http.get<TShopPage>(`${path(pageId)}/preview`, { silent: true });
}
