import { CatalogEvents, type TCollectionSavedEvent, type TProductSavedEvent } from '@koi/contracts';
import type { Koi } from '../src/app.ts';
import { publish } from '../src/platform/events.ts';
import { newId } from '../src/platform/ids.ts';
import { startKoi, type TestKoi } from './harness.ts';
import type { DbKind } from './databases.ts';

/**
 * Catalog events as the catalog module publishes them, for the read side's tests: a small tea-ware
 * shop (茶具 / 茶叶 / 茶礼). Tests publish them through the outbox and dispatch, exactly the path
 * the real events take.
 */

export const CAT = {
  teaware: { id: newId(), name: '茶具' },
  pot: { id: newId(), name: '紫砂壶' },
  gaiwan: { id: newId(), name: '盖碗' },
  cups: { id: newId(), name: '茶杯' },
  tea: { id: newId(), name: '茶叶' },
  green: { id: newId(), name: '绿茶' },
  white: { id: newId(), name: '白茶' },
  gift: { id: newId(), name: '茶礼' },
};

type Path = { id: string; name: string }[];
export const PATHS: Record<string, Path> = {
  pot: [CAT.teaware, CAT.pot],
  gaiwan: [CAT.teaware, CAT.gaiwan],
  cups: [CAT.teaware, CAT.cups],
  green: [CAT.tea, CAT.green],
  white: [CAT.tea, CAT.white],
  gift: [CAT.gift],
};

let createdSeq = 0;

export function productEvent(p: Partial<TProductSavedEvent> & { title: string; categoryPath: Path }): TProductSavedEvent {
  createdSeq += 1;
  const created = new Date(Date.UTC(2026, 0, 1) + createdSeq * 86_400_000).toISOString();
  return {
    productId: newId(),
    revision: 1,
    subtitle: '',
    status: 'on_sale',
    tags: [],
    specTerms: [],
    skuCodes: [],
    barcodes: [],
    image: `/media/${createdSeq}.jpg`,
    priceMinFen: 10_000,
    priceMaxFen: 10_000,
    listPriceFen: null,
    inStock: true,
    stockTotal: 20,
    sales: 0,
    rating: null,
    createdAt: created,
    updatedAt: created,
    ...p,
  };
}

/** The shop's products, keyed for tests. */
export function teaShop() {
  return {
    xishi: productEvent({
      title: '宜兴原矿紫砂壶 西施壶', subtitle: '朱泥 全手工 容量可选', categoryPath: PATHS.pot!, tags: ['手工', '送礼'],
      specTerms: ['容量', '180ml', '220ml'], skuCodes: ['QC-ZS-001-180', 'QC-ZS-001-220'], barcodes: ['6901234500011'],
      priceMinFen: 58_000, priceMaxFen: 68_000, listPriceFen: 88_000, sales: 320, rating: 4.9,
    }),
    shipiao: productEvent({
      title: '石瓢壶 段泥 大师手作', subtitle: '宜兴紫砂 收藏级', categoryPath: PATHS.pot!, tags: ['手工', '收藏'],
      skuCodes: ['QC-ZS-002'], priceMinFen: 228_000, priceMaxFen: 228_000, sales: 85, rating: 4.7,
    }),
    qinghua: productEvent({
      title: '景德镇青花盖碗 三才碗', subtitle: '手绘青花 150ml', categoryPath: PATHS.gaiwan!, tags: ['景德镇', '送礼'],
      specTerms: ['花色', '缠枝莲', '山水'], skuCodes: ['QC-GW-001-A', 'QC-GW-001-B'], priceMinFen: 16_800, priceMaxFen: 19_800, sales: 540, rating: 4.8,
    }),
    ruyao: productEvent({
      title: '汝窑天青盖碗 开片可养', categoryPath: PATHS.gaiwan!, tags: ['汝窑'], skuCodes: ['QC-GW-002'],
      priceMinFen: 22_800, priceMaxFen: 22_800, sales: 210, rating: 4.6, inStock: false, stockTotal: 0,
    }),
    longjing: productEvent({
      title: '西湖龙井 明前特级 2026新茶', subtitle: '狮峰山产区 250g 罐装', categoryPath: PATHS.green!, tags: ['新茶', '口粮茶'],
      specTerms: ['规格', '250g', '500g'], skuCodes: ['QC-LJ-2026-250', 'QC-LJ-2026-500'], priceMinFen: 39_800, priceMaxFen: 72_800, sales: 880, rating: 4.9,
    }),
    baimudan: productEvent({
      title: '福鼎白茶 白牡丹饼 357g', subtitle: '2019年老白茶', categoryPath: PATHS.white!, tags: ['老白茶'],
      skuCodes: ['QC-BC-001'], priceMinFen: 26_800, priceMaxFen: 26_800, sales: 150, rating: null,
    }),
    cups: productEvent({
      title: '青瓷品茗杯 四只装', subtitle: '龙泉青瓷 60ml', categoryPath: PATHS.cups!, tags: ['送礼'],
      skuCodes: ['QC-CUP-004'], priceMinFen: 9_800, priceMaxFen: 9_800, listPriceFen: 12_800, sales: 1_200, rating: 4.5,
    }),
    giftbox: productEvent({
      title: '中秋茶礼盒 龙井配盖碗', subtitle: '送长辈 送客户', categoryPath: PATHS.gift!, tags: ['送礼', '茶礼'],
      skuCodes: ['QC-GIFT-001'], priceMinFen: 59_900, priceMaxFen: 59_900, sales: 60, rating: 5,
    }),
    draftPot: productEvent({ title: '紫砂壶 新品试样', categoryPath: PATHS.pot!, status: 'draft', skuCodes: ['QC-ZS-900'] }),
    offPot: productEvent({ title: '紫砂壶 下架款', categoryPath: PATHS.pot!, status: 'off_shelf', skuCodes: ['QC-ZS-901'] }),
  };
}

/** Publishes events through the outbox in one transaction, then delivers everything pending. */
export async function publishEvents(koi: Koi, events: { topic: string; payload: unknown }[]): Promise<void> {
  await koi.db.tx(async (q) => {
    for (const e of events) await publish(q, e.topic, e.payload);
  });
  while ((await koi.bus.dispatchOnce()) > 0);
}

export const saved = (payload: TProductSavedEvent) => ({ topic: CatalogEvents.productSaved, payload });
export const collection = (payload: TCollectionSavedEvent) => ({ topic: CatalogEvents.collectionSaved, payload });

export function collectionEvent(c: Partial<TCollectionSavedEvent> & { name: string }): TCollectionSavedEvent {
  return { collectionId: newId(), revision: 1, mode: 'manual', productIds: [], rule: null, ...c };
}

/**
 * A Koi without the demo catalog (whose events would mix into these assertions), with the staff the
 * read-side tests sign in as: the owner, an operator and a Hangzhou shopping guide.
 */
export async function startReadSide(kind: DbKind): Promise<TestKoi> {
  const koi = await startKoi(kind, { seed: false });
  const store = await koi.stores.create({ name: '青瓷小筑 · 杭州西湖店', city: '杭州', address: '西湖区南山路 218 号' });
  const staff = [
    { email: 'owner@koi.demo', name: '沈青禾', role: 'owner' as const, storeId: null },
    { email: 'operator@koi.demo', name: '林知夏', role: 'operator' as const, storeId: null },
    { email: 'guide.hz@koi.demo', name: '何雨桐', role: 'shopping_guide' as const, storeId: store.id },
  ];
  for (const s of staff) await koi.identity.staff.create(null, { ...s, password: 'koi-demo-2026' });
  return koi;
}
