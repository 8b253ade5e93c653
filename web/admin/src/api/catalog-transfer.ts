import type { TImportStatus } from '@koi/contracts';
import type { TAdminProductQuery, TImportStarted } from './catalog-types.ts';
import { productQuery } from './catalog.ts';
import { http, type TDownload } from './http.ts';

/** Excel in and out of the catalog: the import template, an import job, its error report, and the export. */

export function downloadImportTemplate(fallbackName: string): Promise<TDownload> {
  return http.download('/catalog/import/template', fallbackName);
}

export function startImport(file: File): Promise<TImportStarted> {
  return http.upload<TImportStarted>('/catalog/import', { file });
}

/** Silent: the import dialog polls this and shows a failure itself. */
export function getImportStatus(importId: string): Promise<TImportStatus> {
  return http.get<TImportStatus>(`/catalog/import/${encodeURIComponent(importId)}`, { silent: true });
}

export function downloadImportErrors(importId: string, fallbackName: string): Promise<TDownload> {
  return http.download(`/catalog/import/${encodeURIComponent(importId)}/errors.xlsx`, fallbackName);
}

/** The filtered list as .xlsx, one row per SKU (page and size are ignored by the server). */
export function exportProducts(query: Omit<TAdminProductQuery, 'page' | 'pageSize'>, fallbackName: string): Promise<TDownload> {
  return http.download('/catalog/export', fallbackName, { query: productQuery(query) });
}
