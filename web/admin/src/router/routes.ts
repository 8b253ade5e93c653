import { Aim, Medal, Brush, ChatDotRound, RefreshLeft, Collection, Discount, FolderOpened, Goods, List, Message, Odometer, Search, Ticket, Tickets, User, Van, Shop, Checked, Upload, UserFilled, PriceTag, Present } from '@element-plus/icons-vue';
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
    path: 'orders',
    name: 'orders',
    component: () => import('@/views/orders/index.vue'),
    meta: { title: 'menu.orders', permission: 'order:view', menu: { icon: List, order: 11 } },
  },
  {
    path: 'reviews',
    name: 'reviews',
    component: () => import('@/views/reviews/index.vue'),
    meta: { title: 'menu.reviews', permission: 'review:view', menu: { icon: ChatDotRound, order: 13 } },
  },
  {
    path: 'aftersales',
    name: 'aftersales',
    component: () => import('@/views/aftersales/index.vue'),
    meta: { title: 'aftersale.menuTitle', permission: 'aftersale:view', menu: { icon: RefreshLeft, order: 12 } },
  },
  {
    path: 'shipping-queue',
    name: 'shipping-queue',
    component: () => import('@/views/shipping-queue/index.vue'),
    meta: { title: 'shippingQueue.menuTitle', permission: 'order:view', menu: { icon: Van, order: 11.5 } },
  },
  {
    path: 'orders/:id',
    name: 'order-detail',
    component: () => import('@/views/order-detail/index.vue'),
    meta: { title: 'menu.orderDetail', permission: 'order:view' },
  },
  {
    path: 'products',
    name: 'products',
    component: () => import('@/views/products/index.vue'),
    meta: { title: 'menu.products', permission: 'product:view', menu: { icon: Goods, order: 12, group: 'product' } },
  },
  {
    path: 'products/new',
    name: 'product-create',
    component: () => import('@/views/product-editor/index.vue'),
    meta: { title: 'menu.productCreate', permission: 'product:manage' },
  },
  {
    path: 'products/:id',
    name: 'product-edit',
    component: () => import('@/views/product-editor/index.vue'),
    meta: { title: 'menu.productEdit', permission: 'product:view' },
  },
  {
    path: 'categories',
    name: 'categories',
    component: () => import('@/views/categories/index.vue'),
    meta: { title: 'menu.categories', permission: 'product:view', menu: { icon: FolderOpened, order: 13, group: 'product' } },
  },
  {
    path: 'collections',
    name: 'collections',
    component: () => import('@/views/collections/index.vue'),
    meta: { title: 'menu.collections', permission: 'product:view', menu: { icon: Collection, order: 14, group: 'product' } },
  },
  {
    path: 'promotions',
    name: 'promotions',
    component: () => import('@/views/promotions/index.vue'),
    meta: { title: 'promotion.menuTitle', permission: 'marketing:view', menu: { icon: Discount, order: 15.1, group: 'marketing' } },
  },
  {
    path: 'coupons',
    name: 'coupons',
    component: () => import('@/views/coupons/index.vue'),
    meta: { title: 'coupon.menuTitle', permission: 'marketing:view', menu: { icon: Ticket, order: 15.2, group: 'marketing' } },
  },
  {
    path: 'decoration',
    name: 'decoration',
    component: () => import('@/views/decoration/index.vue'),
    meta: { title: 'menu.decoration', permission: 'marketing:view', menu: { icon: Brush, order: 16, group: 'marketing' } },
  },
  {
    path: 'decoration/:id',
    name: 'decoration-editor',
    component: () => import('@/views/decoration-editor/index.vue'),
    meta: { title: 'menu.decorationEditor', permission: 'marketing:view' },
  },
  {
    path: 'search-settings',
    name: 'search-settings',
    component: () => import('@/views/search-settings/index.vue'),
    meta: { title: 'menu.searchSettings', permission: 'marketing:view', menu: { icon: Search, order: 17, group: 'marketing' } },
  },
  {
    path: 'pickup',
    name: 'pickup',
    component: () => import('@/views/pickup/index.vue'),
    meta: { title: 'pickup.title', permission: 'order:view', menu: { icon: Checked, order: 11.5 } },
  },
  {
    path: 'stores',
    name: 'stores',
    component: () => import('@/views/stores/index.vue'),
    meta: { title: 'stores.title', permission: 'store:view', menu: { icon: Shop, order: 24, group: 'settings' } },
  },
  {
    path: 'shipping-templates',
    name: 'shipping-templates',
    component: () => import('@/views/shipping-templates/index.vue'),
    meta: { title: 'menu.shippingTemplates', permission: 'shipping:view', menu: { icon: Van, order: 25, group: 'settings' } },
  },
  {
    path: 'customers',
    name: 'customers',
    component: () => import('@/views/customers/index.vue'),
    meta: { title: 'customers.menuTitle', permission: 'customer:view', menu: { icon: UserFilled, order: 17.1 } },
  },
  {
    path: 'customers/:id',
    name: 'customer-detail',
    component: () => import('@/views/customer-detail/index.vue'),
    meta: { title: 'customers.detailTitle', permission: 'customer:view' },
  },
  {
    path: 'tags',
    name: 'tags',
    component: () => import('@/views/tags/index.vue'),
    meta: { title: 'tags.menuTitle', permission: 'customer:view', menu: { icon: PriceTag, order: 17.15 } },
  },
  {
    path: 'segments',
    name: 'segments',
    component: () => import('@/views/segments/index.vue'),
    meta: { title: 'segments.menuTitle', permission: 'customer:view', menu: { icon: Aim, order: 17.17 } },
  },
  {
    path: 'customer-import',
    name: 'customer-import',
    component: () => import('@/views/customer-import/index.vue'),
    meta: { title: 'customerImport.menuTitle', permission: 'customer:manage', menu: { icon: Upload, order: 17.2 } },
  },
  {
    path: 'customer-privacy',
    name: 'customer-privacy',
    component: () => import('@/views/customer-privacy/index.vue'),
    meta: { title: 'privacy.menuTitle', permission: 'customer:manage', menu: { icon: User, order: 17.5 } },
  },
  {
    path: 'messages',
    name: 'messages',
    component: () => import('@/views/messages/index.vue'),
    meta: { title: 'messages.menuTitle', permission: 'marketing:view', menu: { icon: Message, order: 18, group: 'marketing' } },
  },
  {
    path: 'loyalty',
    name: 'loyalty',
    component: () => import('@/views/loyalty/index.vue'),
    meta: { title: 'loyalty.menuTitle', permission: 'marketing:view', menu: { icon: Medal, order: 15.3, group: 'marketing' } },
  },
  {
    path: 'membership',
    name: 'membership',
    component: () => import('@/views/membership/index.vue'),
    meta: { title: 'membership.menuTitle', permission: 'marketing:view', menu: { icon: Ticket, order: 15.32, group: 'marketing' } },
  },
  {
    path: 'points-mall',
    name: 'points-mall',
    component: () => import('@/views/points-mall/index.vue'),
    meta: { title: 'pointsMall.menuTitle', permission: 'marketing:view', menu: { icon: Present, order: 15.35, group: 'marketing' } },
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
