import { createRouter, createWebHistory, type Router } from 'vue-router';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import { decideNavigation } from './guard.ts';
import { buildMenu } from './menu.ts';
import { layoutChildren, routes } from './routes.ts';

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    if (session.isAuthenticated) {
      try {
        await session.ensureLoaded();
      } catch {
        // A 401 already cleared the session; an unreachable server was toasted. Either way: sign in again.
        session.clear();
      }
    }
    const homeName = buildMenu(layoutChildren, session.permissions)[0]?.name ?? null;
    return decideNavigation(to, { authenticated: session.isAuthenticated, permissions: session.permissions, homeName });
  });

  router.afterEach((to) => {
    const title = to.meta.title ? i18n.global.t(to.meta.title) : '';
    document.title = title ? `${title} · ${i18n.global.t('app.name')}` : i18n.global.t('app.name');
  });

  return router;
}
