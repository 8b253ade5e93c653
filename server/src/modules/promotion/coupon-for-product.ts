import { z } from 'zod';
import { ZClaimableList, type TClaimableList } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Catalog } from '../catalog/index.ts';
import type { PromotionService } from './index.ts';
import { couponsForProduct } from './coupon-for-product.rules.ts';

const ZAnyId = z.object({ id: z.string().min(1).max(64) });
type Deps = { promotion: Pick<PromotionService, 'claimable'>; catalog: Pick<Catalog, 'detail' | 'skuSnapshots'> };

/**
 * 领券 on the product page: the coupon centre's templates whose scope covers this product (all, its
 * category or the parent, the product itself; never when excluded), matched by the pricing engine's
 * own scope rule. Guests see them too (`claimed` 0); claiming goes through `POST /coupons/claim`.
 */
export function createCouponsForProduct(deps: Deps) {
  return async function forProduct(productId: string, customerId: string | null): Promise<TClaimableList> {
    const product = await deps.catalog.detail(productId); // 404 catalog.product_not_found unless on sale
    const sku = product.skus[0];
    const snap = sku ? (await deps.catalog.skuSnapshots([sku.id])).get(sku.id) : undefined;
    const scoped = { productId: product.id, categoryIds: snap?.categoryIds ?? [product.categoryId] };
    const { items } = await deps.promotion.claimable(customerId);
    return { items: couponsForProduct(items, scoped) };
  };
}

export function registerProductCouponRoutes(app: App, deps: Deps) {
  const forProduct = createCouponsForProduct(deps);
  app.get('/api/shop/products/:id/coupons', {
    schema: { tags: ['shop'], summary: 'Claimable coupons that apply to this product (bearer optional: adds what the shopper already claimed)', params: ZAnyId, response: { 200: ZClaimableList } },
  }, async (req) => forProduct(req.params.id, req.principal?.kind === 'shopper' ? req.principal.id : null));
}
