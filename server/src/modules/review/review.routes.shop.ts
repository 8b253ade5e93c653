import { z } from 'zod';
import {
  ZMyReview, ZOrderReviews, ZProductReviewPreview, ZReviewFollowUpRequest, ZReviewPhoto, ZReviewSubmitRequest, ZShopReviewPage, ZShopReviewQuery,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';

import { enforce, type RateLimiter } from '../../platform/rate-limit.ts';
import { imageOf, MAX_IMAGE_BYTES, type Catalog } from '../catalog/index.ts';
import { withMultipart } from '../../platform/uploads.ts';
import type { ReviewQueries } from './review-queries.ts';
import type { createSubmit } from './submit-review.ts';

const shop = { tags: ['shop'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });
const ZAnyId = z.object({ id: z.string().min(1).max(64) });
/** The catalog's image limit (5 MB); a shopper's phone photo fits after the client's compression. */

type Deps = { submit: ReturnType<typeof createSubmit>; queries: ReviewQueries; catalog: Catalog; limiter: RateLimiter };

export function registerShopReviewRoutes(app: App, deps: Deps) {
  const { submit, queries } = deps;

  app.post('/api/shop/reviews', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'Rate one line of a completed order (once per line)', body: ZReviewSubmitRequest, response: { 201: ZMyReview } },
  }, async (req, reply) => reply.code(201).send(await submit.submit(shopperOf(req).id, req.body)));

  app.post('/api/shop/reviews/:id/follow-up', {
    preValidation: requireShopper,
    schema: { ...shop, summary: '追评: add a follow-up to my review (once, within 30 days)', params: ZId, body: ZReviewFollowUpRequest, response: { 200: ZMyReview } },
  }, async (req) => submit.followUp(shopperOf(req).id, req.params.id, req.body));

  app.get('/api/shop/orders/:id/reviews', {
    preValidation: requireShopper,
    schema: { ...shop, summary: 'The lines of my order with their reviews', params: ZId, response: { 200: ZOrderReviews } },
  }, async (req) => queries.forOrder(req.params.id, shopperOf(req).id));

  app.get('/api/shop/products/:id/reviews', {
    schema: { tags: ['shop'], summary: 'Visible reviews of a product: photos first, then pinned, then newest (keyset pages)', params: ZAnyId, querystring: ZShopReviewQuery, response: { 200: ZShopReviewPage } },
  }, async (req) => queries.productPage(req.params.id, req.query.filter, req.query.cursor, req.query.limit));

  app.get('/api/shop/products/:id/reviews/preview', {
    schema: { tags: ['shop'], summary: 'The product page block: good-review rate, tags and the first two reviews', params: ZAnyId, response: { 200: ZProductReviewPreview } },
  }, async (req) => queries.preview(req.params.id));

  // The photo upload in its own plugin scope, so only this route parses multipart bodies.
  withMultipart(app, MAX_IMAGE_BYTES, (s) => {
    s.post('/api/shop/reviews/photos', {
      preValidation: requireShopper,
      schema: { ...shop, consumes: ['multipart/form-data'], summary: 'Upload a review photo (JPEG/PNG/WebP/GIF ≤ 5 MB, field "file"; type from the bytes, EXIF removed)', response: { 200: ZReviewPhoto } },
    }, async (req) => {
      const shopperId = shopperOf(req).id;
      await enforce(deps.limiter, [{ key: `review-photo:${shopperId}`, max: 60, windowSeconds: 3600 }]);
      const media = await deps.catalog.media.saveUpload(await imageOf(req));
      const photo = { url: media.url, thumbUrl: media.thumbUrl };
      await submit.recordUpload(shopperId, photo);
      return photo;
    });
  });
}
