import type { App } from '../../platform/http.ts';
import { createCarts, type CartDeps } from './carts.ts';
import { registerCartRoutes } from './cart.routes.shop.ts';
import './cart.errors.ts';

export { shopperOwner, MAX_QTY, type PricedLineInput, type SelectionPrice, type CartLineRow } from './carts.ts';
export { cartOwner } from './cart.routes.shop.ts';

/** Carts of guests and shoppers: lines of SKUs, flagged when they cannot be bought, priced on read. */
export function createCart(deps: CartDeps) {
  const carts = createCarts(deps);
  return {
    ...carts,
    registerRoutes(app: App) {
      registerCartRoutes(app, carts);
    },
  };
}
export type CartService = ReturnType<typeof createCart>;
