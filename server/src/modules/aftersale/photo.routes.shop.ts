import { ZMedia } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper } from '../../platform/auth.ts';
import { withMultipart } from '../../platform/uploads.ts';
import { imageOf, MAX_IMAGE_BYTES, type Catalog } from '../catalog/index.ts';

/**
 * A shopper's photo for an after-sale (field `file`), stored by the catalog's media service — the
 * same checks as the operator's uploads: a real image ≤ 5 MB, re-encoded without its EXIF.
 */
export function registerAfterSalePhotoRoute(app: App, catalog: Pick<Catalog, 'media'>) {
  withMultipart(app, MAX_IMAGE_BYTES, (s) => {
    s.post('/api/shop/aftersales/photos', {
      schema: { tags: ['shop'], security: [{ bearer: [] }], consumes: ['multipart/form-data'], summary: 'Upload a photo for an after-sale (≤ 5 MB)', response: { 200: ZMedia } },
      preValidation: requireShopper,
    }, async (req) => catalog.media.saveUpload(await imageOf(req)));
  });
}
