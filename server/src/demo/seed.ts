import type { Koi } from '../app.ts';
import { seedCatalog } from './catalog.seed.ts';
import { seedDecoration } from './decoration.seed.ts';
import { seedPromotions } from './promotion.seed.ts';
import { seedShipping } from './shipping.seed.ts';
import { seedOrders } from './order.seed.ts';
import { seedLoyalty, seedPointsOccasions } from './loyalty.seed.ts';
import { seedDelivery } from './delivery.seed.ts';
import { seedReviews } from './review.seed.ts';
import { seedNotifications } from './notifications.seed.ts';
import { seedAfterSales } from './aftersale.seed.ts';
import { seedShipments } from './shipment.seed.ts';
import { seedCouponIssuance } from './seed-coupon-issuance.ts';
import { seedPrivacy } from './seed-privacy.ts';
import { seedCustomers } from './seed-customers.ts';
import { seedTags } from './seed-tags.ts';
import { seedImports } from './seed-imports.ts';
import { seedSegments } from './seed-segments.ts';
import { seedPointsMall } from './points-mall.seed.ts';

export const DEMO_PASSWORD = 'koi-demo-2026';

/** The demo merchant 青瓷小筑: a tea-ware brand with three stores and its staff. */
export const DEMO_STORES = [
  { key: 'hz', name: '青瓷小筑 · 杭州西湖店', city: '杭州', address: '西湖区南山路 218 号', sort: 1 },
  { key: 'sh', name: '青瓷小筑 · 上海静安店', city: '上海', address: '静安区愚园路 1088 弄 6 号', sort: 2 },
  { key: 'sz', name: '青瓷小筑 · 苏州平江店', city: '苏州', address: '姑苏区平江路 95 号', sort: 3 },
] as const;

export const DEMO_STAFF = [
  { email: 'owner@koi.demo', name: '沈青禾', role: 'owner', store: null },
  { email: 'operator@koi.demo', name: '林知夏', role: 'operator', store: null },
  { email: 'finance@koi.demo', name: '周衡', role: 'finance', store: null },
  { email: 'service@koi.demo', name: '陈小满', role: 'customer_service', store: null },
  { email: 'manager.hz@koi.demo', name: '许清风', role: 'store_manager', store: 'hz' },
  { email: 'guide.hz@koi.demo', name: '何雨桐', role: 'shopping_guide', store: 'hz' },
  { email: 'manager.sh@koi.demo', name: '顾南星', role: 'store_manager', store: 'sh' },
  { email: 'guide.sh@koi.demo', name: '宋语', role: 'shopping_guide', store: 'sh' },
  { email: 'guide.sz@koi.demo', name: '吴一苇', role: 'shopping_guide', store: 'sz' },
] as const;

/** Members who signed up with their phones (the catalog and order issues give them history). */
export const DEMO_SHOPPERS = [
  { phone: '13916880001', nickname: '张雅琴' },
  { phone: '13916880002', nickname: '王浩然' },
  { phone: '13916880003', nickname: '李思琪' },
  { phone: '13916880004', nickname: '陈默' },
  { phone: '13916880005', nickname: '赵一鸣' },
] as const;

/** Seeds an empty database; returns false when there was already data. */
export async function seedDemo(koi: Pick<Koi, 'identity' | 'stores' | 'log' | 'catalog' | 'db' | 'bus' | 'decoration' | 'search' | 'config' | 'promotion' | 'customer' | 'fulfilment' | 'orders' | 'payment' | 'app' | 'reviews' | 'notifications' | 'loyalty' | 'aftersales' | 'shipments' | 'audience' | 'customerImport' | 'pointsMall'>): Promise<boolean> {
  if ((await koi.identity.staff.countAll()) > 0) return false;
  const storeIds = new Map<string, string>();
  for (const s of DEMO_STORES) {
    const created = await koi.stores.create({ name: s.name, city: s.city, address: s.address, sort: s.sort });
    storeIds.set(s.key, created.id);
  }
  for (const s of DEMO_STAFF) {
    await koi.identity.staff.create(null, {
      email: s.email,
      name: s.name,
      password: DEMO_PASSWORD,
      role: s.role,
      storeId: s.store ? storeIds.get(s.store)! : null,
    });
  }
  for (const s of DEMO_SHOPPERS) await koi.identity.shoppers.ensureByPhone(s.phone, s.nickname);
  await seedCatalog(koi);
  // The search read model and the decorated home page are built from the catalog's events.
  while ((await koi.bus.dispatchOnce()) > 0);
  await seedPromotions(koi);
  await seedShipping(koi);
  await seedLoyalty(koi);
  await seedOrders(koi);
  await seedReviews(koi);
  await seedNotifications(koi);
  await seedAfterSales(koi);
  await seedShipments(koi);
  await seedDelivery(koi);
  await seedCouponIssuance(koi);
  // After the coupons, so the home page's 领券 block has claimable ones to show.
  await seedDecoration(koi);
  await seedPrivacy(koi);
  await seedCustomers(koi);
  await seedPointsOccasions(koi);
  await seedImports(koi);
  await seedTags(koi);
  await seedSegments(koi);
  await seedPointsMall(koi);
  koi.log.info({ stores: DEMO_STORES.length, staff: DEMO_STAFF.length, shoppers: DEMO_SHOPPERS.length }, 'demo merchant seeded');
  return true;
}
