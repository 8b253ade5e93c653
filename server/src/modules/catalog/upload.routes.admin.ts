import type { FastifyRequest } from 'fastify';
import { ZImportStarted, ZMedia } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import { fileBytes, oneFile, withMultipart } from '../../platform/uploads.ts';
import type { Catalog } from './index.ts';
import { MAX_IMAGE_BYTES } from './media.rules.ts';
import { MAX_IMPORT_BYTES } from './imports.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }], consumes: ['multipart/form-data'] };
const manage = requireStaff('product:manage');

/**
 * The image of a multipart request (field `file`, ≤ 5 MB) as bytes, or a 400/413 problem. Shop
 * routes that take photos (reviews, after-sales) read theirs through this too.
 */
export async function imageOf(req: FastifyRequest): Promise<Buffer> {
  const file = await oneFile(req, MAX_IMAGE_BYTES);
  if (!file) throw new KoiError('catalog.file_required');
  const data = await fileBytes(file);
  if (!data) throw new KoiError('catalog.media_too_large', { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
  return data;
}

/** Uploads (image, Excel import): multipart is parsed only in their scope. */
export function registerUploadRoutes(app: App, catalog: Catalog) {
  withMultipart(app, MAX_IMPORT_BYTES, (s) => {
    s.post('/api/admin/catalog/media', {
      schema: { ...admin, summary: 'Upload an image (JPEG/PNG/WebP/GIF ≤ 5 MB, field "file")', response: { 200: ZMedia } },
      preValidation: manage,
    }, async (req) => catalog.media.saveUpload(await imageOf(req)));

    s.post('/api/admin/catalog/import', {
      schema: { ...admin, summary: 'Start an Excel import (.xlsx, field "file"); poll its status', response: { 200: ZImportStarted } },
      preValidation: manage,
    }, async (req) => {
      const file = await oneFile(req, MAX_IMPORT_BYTES);
      if (!file) throw new KoiError('catalog.file_required');
      return catalog.imports.start(file.file, file.filename || 'import.xlsx', staffOf(req).id);
    });
  });
}
