import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { SearchService } from '../search/index.ts';
import { decorationPagesService } from './pages.ts';
import { registerAdminDecorationRoutes } from './decoration.routes.admin.ts';
import { registerShopDecorationRoutes } from './decoration.routes.shop.ts';

/**
 * Shop decoration (店铺装修): pages built from blocks, a draft and published versions with rollback,
 * resolved for the shop from the search read model. The home page exists from the first boot.
 */
export async function createDecoration(deps: { db: Db; search: SearchService }) {
  const pages = decorationPagesService(deps.db, deps.search);
  await pages.ensureHome();
  return {
    pages,
    registerRoutes(app: App) {
      registerAdminDecorationRoutes(app, pages);
      registerShopDecorationRoutes(app, pages);
    },
  };
}
export type DecorationService = Awaited<ReturnType<typeof createDecoration>>;
