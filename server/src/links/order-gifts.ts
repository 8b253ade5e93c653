import type { TPricedOrder, TPricingInput } from '@koi/contracts';
import type { Lang } from '../platform/errors.ts';
import { giftSkusOf, type KindRegistry } from '../modules/pricing/index.ts';
import type { QuoteGift } from '../modules/order/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Units in stock of SKUs (inventory's `available`), for 满赠's stock check. */
export type GiftStock = (skuIds: string[]) => Promise<Map<string, number>>;

/**
 * 满赠 at checkout: asks inventory once for every SKU the active promotions may give and passes the
 * counts to the engine (`giftStock`), which reports a gift without stock as not applied ("赠品已赠完")
 * and prices the order without it. Without a stock source the input is unchanged.
 */
export async function withGiftStock<I extends Omit<TPricingInput, 'coupons'>>(base: I, kinds: KindRegistry, stock: GiftStock | undefined): Promise<I> {
  const skus = giftSkusOf(base.promotions, kinds);
  if (!stock || !skus.length) return base;
  // A gift SKU id that is not a uuid names no SKU in inventory: none in stock.
  const levels = await stock(skus.filter((id) => UUID.test(id)));
  return { ...base, giftStock: Object.fromEntries(skus.map((id) => [id, Math.max(0, levels.get(id) ?? 0)])) };
}

export function quoteGifts(priced: TPricedOrder, lang: Lang): QuoteGift[] {
  return priced.gifts.map((g) => ({ promotionId: g.promotionId, name: g.name, skuId: g.skuId, quantity: g.quantity, text: lang === 'en' ? g.text.en : g.text.zh }));
}
