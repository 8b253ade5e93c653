import type { Koi } from '../app.ts';
import { cartesian, type ProductInput } from '../modules/catalog/index.ts';
import { drawProduct } from './catalog-images.ts';
import { CATEGORY_BACKGROUND, DEMO_CATEGORIES, DEMO_PRODUCTS, type DemoProduct } from './catalog.data.ts';

type SeedKoi = Pick<Koi, 'catalog' | 'db' | 'log'>;

/** EAN-13 with its check digit (GS1 General Specifications §7.9.1), for believable tea barcodes. */
function ean13(body12: string): string {
  const sum = [...body12].reduce((n, d, i) => n + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}

const at = <T>(list: T[], i: number): T => list[Math.min(i, list.length - 1)]!;

function input(p: DemoProduct, index: number, categoryId: string, image: string): ProductInput {
  const specs = p.specs ?? [];
  const combos = cartesian(specs);
  const prefix = p.key.toUpperCase();
  return {
    title: p.title,
    subtitle: p.subtitle,
    categoryId,
    shippingTemplateId: null,
    tags: p.tags,
    description: `<h3>${p.title}</h3><p>${p.subtitle}。</p><ul>${p.facts.map((f) => `<li>${f}</li>`).join('')}</ul><p><img src="${image}" alt="${p.title}"></p>`,
    images: [image],
    specs,
    skus: combos.map((values, i) => {
      const price = at(p.prices, i);
      return {
        code: `QC-${prefix}-${String(i + 1).padStart(2, '0')}`,
        specValues: values,
        priceFen: price,
        listPriceFen: p.listPrices ? at(p.listPrices, i) : null,
        // Cost at about 42 % of the price, in whole fen.
        costPriceFen: Math.floor((price * 42) / 100),
        weightGrams: p.weight,
        barcode: p.barcode ? ean13(`6975${String(index).padStart(3, '0')}${String(i).padStart(5, '0')}`) : null,
        imageUrl: null,
        stock: at(p.stock, i),
      };
    }),
    purchaseLimit: p.purchaseLimit ?? null,
    status: p.status ?? 'on_sale',
    scheduledOnSaleAt: null,
    scheduledOffSaleAt: null,
  };
}

/**
 * 青瓷小筑's catalog: the category tree, ~40 products with drawn pictures (kept in KOI_DATA_DIR/media
 * and reused by later seedings), their sales so far, and three collections (新品上架 by hand,
 * 热销榜 by sales, 送礼精选 by the 送礼 tag). Everything goes through the catalog service, so the
 * search read model hears of it like of any operator's edit. Call on an empty catalog.
 */
export async function seedCatalog(koi: SeedKoi): Promise<void> {
  const { catalog } = koi;
  const leaves = new Map<string, { id: string; root: string }>();
  for (const [i, root] of DEMO_CATEGORIES.entries()) {
    const parent = await catalog.categories.create({ name: root.name, parentId: null, icon: null, sort: i + 1 });
    for (const [j, name] of root.children.entries()) {
      const child = await catalog.categories.create({ name, parentId: parent.id, icon: null, sort: j + 1 });
      leaves.set(name, { id: child.id, root: root.name });
    }
  }

  const images = await Promise.all(DEMO_PRODUCTS.map((p) => {
    const leaf = leaves.get(p.category)!;
    return catalog.media.saveGenerated(`demo-${p.key}`, () =>
      drawProduct({ title: p.title, subtitle: p.subtitle, background: CATEGORY_BACKGROUND[leaf.root]!, shape: p.shape, colour: p.colour, accent: '#55675e' }));
  }));

  const ids = new Map<string, string>();
  for (const [i, p] of DEMO_PRODUCTS.entries()) {
    const created = await catalog.products.create(input(p, i, leaves.get(p.category)!.id, images[i]!.url));
    ids.set(p.key, created.id);
  }
  await koi.db.tx((q) => catalog.products.recordSales(q, DEMO_PRODUCTS.filter((p) => p.sales > 0).map((p) => ({ productId: ids.get(p.key)!, qty: p.sales }))));

  const fresh = DEMO_PRODUCTS.filter((p) => p.tags.includes('新品') && !p.status).map((p) => ids.get(p.key)!);
  await catalog.collections.create({ name: '新品上架', mode: 'manual', productIds: fresh, rule: null });
  await catalog.collections.create({ name: '热销榜', mode: 'rule', productIds: [], rule: { categoryId: null, tag: null, priceMinFen: null, priceMaxFen: null, sort: 'sales', limit: 20 } });
  await catalog.collections.create({ name: '送礼精选', mode: 'rule', productIds: [], rule: { categoryId: null, tag: '送礼', priceMinFen: null, priceMaxFen: null, sort: 'sales', limit: 20 } });
  koi.log.info({ products: DEMO_PRODUCTS.length, categories: leaves.size }, 'demo catalog seeded');
}
