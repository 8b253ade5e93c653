import { randomBytes } from 'node:crypto';
import type { Koi } from '../src/app.ts';
import { call, shopperToken, staffToken } from './harness.ts';
import { makeCategory } from './catalog-fixtures.ts';

/** A product on sale with one SKU per entry of `skus`; returns the SKU ids in the same order. */
export async function makeSkus(
  koi: Koi,
  skus: { priceFen: number; stock: number; weightGrams?: number }[],
  over: { purchaseLimit?: number | null; title?: string; shippingTemplateId?: string | null; token?: string } = {},
): Promise<{ productId: string; skuIds: string[] }> {
  const token = over.token ?? await staffToken(koi, 'owner@koi.demo');
  const { leafId } = await makeCategory(koi, token);
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const res = await call(koi, 'POST', '/api/admin/catalog/products', {
    title: over.title ?? `测试茶杯${tag}`, categoryId: leafId, images: [], tags: [], status: 'on_sale',
    purchaseLimit: over.purchaseLimit ?? null, shippingTemplateId: over.shippingTemplateId ?? null,
    specs: [{ name: '款式', values: skus.map((_, i) => `款${i + 1}`) }],
    skus: skus.map((s, i) => ({ code: `${tag}-${i}`, specValues: [`款${i + 1}`], priceFen: s.priceFen, stock: s.stock, weightGrams: s.weightGrams ?? 300 })),
  }, { token });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return { productId: res.body.id, skuIds: res.body.skus.map((s: { id: string }) => s.id) };
}

/** A signed-in shopper with a default address in 杭州市西湖区 (浙江: the 江浙沪 shipping rate). */
export async function shopperWithAddress(koi: Koi, phone: string): Promise<string> {
  const token = await shopperToken(koi, phone, `10.9.${Number(phone.slice(-4)) % 250}.${Number(phone.slice(-2)) + 1}`);
  const res = await call(koi, 'POST', '/api/shop/addresses', {
    recipient: '林小满', mobile: phone, provinceCode: '330000', cityCode: '330100', districtCode: '330106', detail: '文三路 90 号 1 幢', isDefault: true,
  }, { token });
  if (res.status !== 200 && res.status !== 201) throw new Error(JSON.stringify(res.body));
  return token;
}

export async function stockOf(koi: Koi, skuId: string) {
  return (await koi.inventory.levels([skuId])).get(skuId)!;
}
