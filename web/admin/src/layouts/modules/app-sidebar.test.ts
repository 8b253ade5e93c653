import type { TStaffMe } from '@koi/contracts';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import { routes } from '@/router/routes';
import { useSessionStore } from '@/stores/session';
import AppSidebar from './app-sidebar.vue';

function staffWith(permissions: TStaffMe['permissions']): TStaffMe {
  return {
    id: 's1',
    email: 'guide@koi.demo',
    name: '李导购',
    role: 'shopping_guide',
    storeId: 'st1',
    storeName: '静安店',
    disabled: false,
    createdAt: '2026-01-02T03:04:05Z',
    permissions,
  };
}

async function renderMenu(permissions: TStaffMe['permissions']): Promise<string[]> {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().staff = staffWith(permissions);
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/403');
  const wrapper = mount(AppSidebar, { props: { collapsed: false }, global: { plugins: [pinia, i18n, router, ElementPlus] } });
  return wrapper.findAll('.el-menu-item').map((item) => item.text());
}

describe('app sidebar', () => {
  it('shows an owner every page', async () => {
    i18n.global.locale.value = 'zh-CN';
    expect(await renderMenu(['dashboard:view', 'staff:view', 'staff:manage', 'jobs:view', 'jobs:manage'])).toEqual([
      '概览',
      '员工与角色',
      '任务队列',
    ]);
  });

  it('groups the catalog and marketing pages under their headings', async () => {
    i18n.global.locale.value = 'zh-CN';
    const pinia = createPinia();
    setActivePinia(pinia);
    useSessionStore().staff = staffWith(['dashboard:view', 'product:view', 'marketing:view']);
    const router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/403');
    const wrapper = mount(AppSidebar, { props: { collapsed: false }, global: { plugins: [pinia, i18n, router, ElementPlus] } });
    expect(wrapper.findAll('.el-sub-menu__title').map((g) => g.text())).toEqual(['商品', '营销']);
    expect(wrapper.findAll('.el-menu-item').map((item) => item.text())).toEqual(['概览', '商品列表', '类目', '分组', '满减活动', '优惠券', '会员与积分', '付费会员', '积分商城', '店铺装修', '搜索设置', '消息记录']);
  });

  it('hides what the role may not open, in the chosen language', async () => {
    i18n.global.locale.value = 'en';
    expect(await renderMenu(['dashboard:view', 'customer:view'])).toEqual(['Dashboard', 'Customers', 'Tags', 'Segments']);
    i18n.global.locale.value = 'zh-CN';
  });
});
