import type { App } from '../../platform/http.ts';
import { createCarts, type CartDeps } from './carts.ts';
import { registerCartRoutes } from './cart.routes.shop.ts';
import { openCartScan } from './open-carts.ts';
import './cart.errors.ts';

export { shopperOwner, MAX_QTY, type PricedLineInput, type SelectionPrice, type CartLineRow } from './carts.ts';
export { cartOwner } from './cart.routes.shop.ts';
export type { OpenCart } from './open-carts.ts';

/** Carts of guests and shoppers: lines of SKUs, flagged when they cannot be bought, priced on read. */
export function createCart(deps: CartDeps) {
  const carts = createCarts(deps);
  return {
    ...carts,
    /** Carts changed since `since`, with their selected lines, by keyset pages (the promotion dry-run). */
    openCarts: (since: Date, batch?: number) => openCartScan(deps.db, since, batch),
    registerRoutes(app: App) {
      registerCartRoutes(app, carts);
    },
  };
}
export type CartService = ReturnType<typeof createCart>;
