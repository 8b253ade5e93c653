import type { TPermission } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { buildMenu, groupMenu } from './menu.ts';
import { layoutChildren } from './routes.ts';

const Icon = defineComponent({ render: () => null });
const Page = defineComponent({ render: () => null });

const perms = (...p: TPermission[]): ReadonlySet<TPermission> => new Set(p);

describe('buildMenu', () => {
  const routes: RouteRecordRaw[] = [
    { path: 'b', name: 'b', component: Page, meta: { title: 'menu.b', permission: 'staff:view', menu: { icon: Icon, order: 20 } } },
    { path: 'a', name: 'a', component: Page, meta: { title: 'menu.a', permission: 'dashboard:view', menu: { icon: Icon, order: 10 } } },
    { path: 'open', name: 'open', component: Page, meta: { title: 'menu.open', menu: { icon: Icon, order: 30 } } },
    { path: 'hidden', name: 'hidden', component: Page, meta: { permission: 'dashboard:view' } },
  ];

  it('keeps only the items whose permission the staff member holds, in menu order', () => {
    expect(buildMenu(routes, perms('staff:view')).map((i) => i.name)).toEqual(['b', 'open']);
    expect(buildMenu(routes, perms('staff:view', 'dashboard:view')).map((i) => i.name)).toEqual(['a', 'b', 'open']);
  });

  it('never lists routes without meta.menu', () => {
    expect(buildMenu(routes, perms('dashboard:view')).map((i) => i.name)).not.toContain('hidden');
  });

  it('shows only permission-free items to a staff member with no permissions', () => {
    expect(buildMenu(routes, perms()).map((i) => i.name)).toEqual(['open']);
  });

  it('gives absolute paths and the title key', () => {
    expect(buildMenu(routes, perms('dashboard:view'))[0]).toMatchObject({ path: '/a', titleKey: 'menu.a' });
    expect(buildMenu(routes, perms('dashboard:view'), '/admin/')[0]!.path).toBe('/admin/a');
  });

  describe('the real routes', () => {
    it('gives an owner with every permission dashboard, staff and jobs', () => {
      const all = perms('dashboard:view', 'staff:view', 'staff:manage', 'jobs:view', 'jobs:manage');
      expect(buildMenu(layoutChildren, all).map((i) => i.path)).toEqual(['/dashboard', '/staff', '/jobs']);
    });

    it('gives a shopping guide the dashboard and the customer pages they may view', () => {
      expect(buildMenu(layoutChildren, perms('dashboard:view', 'customer:view')).map((i) => i.name)).toEqual(['dashboard', 'customers', 'tags', 'segments']);
    });

    it('nests the catalog pages under 商品 and the shop window under 营销, following the permissions', () => {
      const entries = (p: ReadonlySet<TPermission>) =>
        groupMenu(buildMenu(layoutChildren, p)).map((e) => (e.kind === 'item' ? e.item.name : `${e.group.group}: ${e.group.items.map((i) => i.name).join(', ')}`));
      expect(entries(perms('dashboard:view', 'product:view', 'marketing:view', 'staff:view'))).toEqual([
        'dashboard',
        'product: products, categories, collections',
        'marketing: promotions, coupons, loyalty, membership, points-mall, decoration, search-settings, messages',
        'staff',
      ]);
      // A store manager sees products but no marketing group at all.
      expect(entries(perms('dashboard:view', 'product:view'))).toEqual(['dashboard', 'product: products, categories, collections']);
    });

    it('keeps the editors out of the menu but behind their permission', () => {
      const editors = layoutChildren.filter((r) => ['product-create', 'product-edit', 'decoration-editor'].includes(String(r.name)));
      expect(editors.map((r) => [r.name, r.meta?.permission, Boolean(r.meta?.menu)])).toEqual([
        ['product-create', 'product:manage', false],
        ['product-edit', 'product:view', false],
        ['decoration-editor', 'marketing:view', false],
      ]);
    });

    it('puts every menu route behind a permission (no page is open to all staff by accident)', () => {
      const menuRoutes = layoutChildren.filter((r) => r.meta?.menu);
      expect(menuRoutes.length).toBeGreaterThan(0);
      for (const r of menuRoutes) expect(r.meta?.permission, String(r.name)).toBeDefined();
    });
  });
});
