/**
 * 立即购买 hands the confirm page its SKUs in the query: `items=<skuId>:<qty>,<skuId>:<qty>`.
 * Anything malformed is dropped (the server validates again). Pure (tests/unit/checkout-items.test.ts).
 */
export interface CheckoutItem {
  skuId: string;
  quantity: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeItems(items: readonly CheckoutItem[]): string {
  return items.map((i) => `${i.skuId}:${i.quantity}`).join(',');
}

export function decodeItems(text: string | undefined): CheckoutItem[] | undefined {
  if (!text) return undefined;
  const items: CheckoutItem[] = [];
  for (const part of text.split(',')) {
    const [skuId, qty] = part.split(':');
    const quantity = Number(qty);
    if (!skuId || !UUID.test(skuId) || !Number.isInteger(quantity) || quantity < 1 || quantity > 999) continue;
    items.push({ skuId, quantity });
  }
  return items.length ? items : undefined;
}
