import { Odometer, Tickets, User } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import './meta.ts';

/** The pages inside the signed-in layout. The menu and the guard both read their `meta`. */
export const layoutChildren: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    // Never rendered: the guard always sends `/` on to the first page the staff member may open.
    component: () => import('@/views/error/forbidden.vue'),
    meta: { home: true },
  },
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/views/dashboard/index.vue'),
    meta: { title: 'menu.dashboard', permission: 'dashboard:view', menu: { icon: Odometer, order: 10 } },
  },
  {
    path: 'staff',
    name: 'staff',
    component: () => import('@/views/staff/index.vue'),
    meta: { title: 'menu.staff', permission: 'staff:view', menu: { icon: User, order: 20 } },
  },
  {
    path: 'jobs',
    name: 'jobs',
    component: () => import('@/views/jobs/index.vue'),
    meta: { title: 'menu.jobs', permission: 'jobs:view', menu: { icon: Tickets, order: 30 } },
  },
  {
    path: '403',
    name: 'forbidden',
    component: () => import('@/views/error/forbidden.vue'),
    meta: { title: 'error.forbiddenTitle' },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/not-found.vue'),
    meta: { title: 'error.notFoundTitle' },
  },
];

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    path: '/',
    component: () => import('@/layouts/basic-layout.vue'),
    children: layoutChildren,
  },
];
