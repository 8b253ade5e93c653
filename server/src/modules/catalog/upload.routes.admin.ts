import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ZImportStarted, ZMedia } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import type { Catalog } from './index.ts';
import { MAX_IMAGE_BYTES } from './media.rules.ts';
import { MAX_IMPORT_BYTES } from './imports.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }], consumes: ['multipart/form-data'] };
const manage = requireStaff('product:manage');

/** The one file of a multipart request (field `file`), or a 400 problem. */
async function fileOf(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart()) throw new KoiError('catalog.file_required');
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 } });
  if (!file || file.fieldname !== 'file') throw new KoiError('catalog.file_required');
  return file;
}

/**
 * Uploads (image, Excel import) in their own plugin scope: the multipart parser exists only here, so
 * every JSON route keeps answering a multipart body with its usual problem.
 */
export function registerUploadRoutes(app: App, catalog: Catalog) {
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
    const s = scope as unknown as App;

    s.post('/api/admin/catalog/media', {
      schema: { ...admin, summary: 'Upload an image (JPEG/PNG/WebP/GIF ≤ 5 MB, field "file")', response: { 200: ZMedia } },
      preValidation: manage,
    }, async (req) => {
      const file = await fileOf(req, MAX_IMAGE_BYTES);
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new KoiError('catalog.media_too_large', { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
        throw err;
      }
      return catalog.media.saveUpload(data);
    });

    s.post('/api/admin/catalog/import', {
      schema: { ...admin, summary: 'Start an Excel import (.xlsx, field "file"); poll its status', response: { 200: ZImportStarted } },
      preValidation: manage,
    }, async (req) => {
      const file = await fileOf(req, MAX_IMPORT_BYTES);
      return catalog.imports.start(file.file, file.filename || 'import.xlsx', staffOf(req).id);
    });
  });
}
