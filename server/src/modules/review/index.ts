import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { Catalog } from '../catalog/index.ts';
import type { OrderService } from '../order/index.ts';
import type { Identity } from '../identity/index.ts';
import { KoiError } from '../../platform/errors.ts';
import { createSubmit, type ReviewPorts } from './submit-review.ts';
import { createReviewQueries } from './review-queries.ts';
import { createModeration } from './moderate-review.ts';
import { registerShopReviewRoutes } from './review.routes.shop.ts';
import { registerAdminReviewRoutes } from './review.routes.admin.ts';
import './review.errors.ts';

export type { ReviewPorts, SubmitInput } from './submit-review.ts';
export type { Moderator } from './moderate-review.ts';
export { reviewCustomerData, eraseReviewAuthor } from './customer-data.ts';
export { createReviewCustomerMerge, type ReviewCustomerMerge } from './customer-merge.ts';

type Deps = { db: Db; limiter: RateLimiter; catalog: Catalog; orders: OrderService; identity: Identity };

/**
 * Reviews (评价) of completed orders' lines, their moderation and the product summaries. The order
 * is read through the order service at the moment of writing (its status decides eligibility), and
 * what the review shows is snapshotted into this module's own tables.
 */
export function createReviews(deps: Deps) {
  const { db } = deps;
  const ports: ReviewPorts = {
    async order(orderId, customerId) {
      try {
        const { order, lines } = await deps.orders.queries.one(orderId, customerId);
        return { id: order.id, orderNo: order.orderNo, status: order.status, customerId: order.customerId, completedAt: order.completedAt, lines };
      } catch (e) {
        if (e instanceof KoiError && e.code === 'resource.not_found') return null;
        throw e;
      }
    },
    async author(customerId) {
      const s = await deps.identity.shoppers.me(customerId);
      return { nickname: s.nickname, avatarUrl: s.avatarUrl };
    },
  };
  const submit = createSubmit(db, ports);
  const queries = createReviewQueries(db, ports);
  const moderation = createModeration(db, queries);

  return {
    submit: submit.submit,
    followUp: submit.followUp,
    queries,
    moderation,
    registerRoutes(app: App): void {
      registerShopReviewRoutes(app, { submit, queries, catalog: deps.catalog, limiter: deps.limiter });
      registerAdminReviewRoutes(app, { queries, moderation, staffName: deps.identity.staffName });
    },
  };
}
export type ReviewService = ReturnType<typeof createReviews>;
