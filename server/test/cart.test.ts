import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DB_KINDS, shopperToken, staffToken, startKoi, type TestKoi } from './harness.ts';
import { makeSkus } from './order-fixtures.ts';

describe.each(DB_KINDS)('cart on %s', (kind) => {
  let koi: TestKoi;
  beforeAll(async () => { koi = await startKoi(kind); });
  afterAll(async () => { await koi?.dispose(); });

  const guest = (id: string) => ({ headers: { 'x-anonymous-id': id } });

  it('needs a shopper or an anonymous id', async () => {
    const res = await call(koi, 'GET', '/api/shop/cart');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('cart.no_identity');
  });

  it('keeps a guest cart and merges it into the shopper\'s at sign-in', async () => {
    const { skuIds: [a, b] } = await makeSkus(koi, [{ priceFen: 5000, stock: 20 }, { priceFen: 8000, stock: 20 }]);
    const anon = 'guest-device-merge-01';
    expect((await call(koi, 'POST', '/api/shop/cart/lines', { skuId: a, quantity: 2 }, guest(anon))).status).toBe(200);
    const added = await call(koi, 'POST', '/api/shop/cart/lines', { skuId: b, quantity: 1 }, guest(anon));
    expect(added.body.itemCount).toBe(3);
    expect(added.body.selectedTotalFen).toBe(18000);

    const token = await shopperToken(koi, '13700000001');
    await call(koi, 'POST', '/api/shop/cart/lines', { skuId: a, quantity: 1 }, { token });
    const merged = await call(koi, 'POST', '/api/shop/cart/merge', { anonymousId: anon }, { token });
    expect(merged.status).toBe(200);
    expect(merged.body.lines.map((l: { skuId: string; quantity: number }) => [l.skuId, l.quantity]).sort()).toEqual([[a, 3], [b, 1]].sort());
    expect((await call(koi, 'GET', '/api/shop/cart', undefined, guest(anon))).body.lines).toEqual([]);
    const line = merged.body.lines.find((l: { skuId: string }) => l.skuId === b);
    const put = await call(koi, 'PUT', `/api/shop/cart/lines/${line.id}`, { quantity: 2, selected: false }, { token });
    expect(put.body.lines.find((l: { id: string }) => l.id === line.id)).toMatchObject({ quantity: 2, selected: false });
    await call(koi, 'PATCH', `/api/shop/cart/lines/${line.id}`, { quantity: 1 }, { token });
    // merging again is harmless
    expect((await call(koi, 'POST', '/api/shop/cart/merge', { anonymousId: anon }, { token })).body.itemCount).toBe(4);
    expect((await call(koi, 'PUT', `/api/shop/cart/lines/${line.id}`, { quantity: 1 }, guest(anon))).status).toBe(404);
  });

  it('flags lines that went off shelf or short of stock instead of dropping them', async () => {
    const owner = await staffToken(koi, 'owner@koi.demo');
    const { productId, skuIds: [a, b] } = await makeSkus(koi, [{ priceFen: 3000, stock: 5 }, { priceFen: 4000, stock: 5 }]);
    const { productId: p2, skuIds: [c] } = await makeSkus(koi, [{ priceFen: 1000, stock: 5 }]);
    const token = await shopperToken(koi, '13700000002');
    await call(koi, 'POST', '/api/shop/cart/lines', { skuId: a, quantity: 4 }, { token });
    await call(koi, 'POST', '/api/shop/cart/lines', { skuId: c, quantity: 1 }, { token });
    const tooMany = await call(koi, 'POST', '/api/shop/cart/lines', { skuId: b, quantity: 6 }, { token });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.code).toBe('cart.quantity_too_large');

    await koi.db.tx((q) => koi.inventory.setOnHand(q, [{ skuId: a, onHand: 2 }]));
    await call(koi, 'POST', '/api/admin/catalog/products/batch-status', { ids: [p2], status: 'off_shelf' }, { token: owner });
    const cart = await call(koi, 'GET', '/api/shop/cart', undefined, { token, lang: 'en' });
    const byId = new Map(cart.body.lines.map((l: { skuId: string }) => [l.skuId, l]));
    expect(byId.get(a)).toMatchObject({ quantity: 4, selected: false, issue: { code: 'insufficient_stock', maxQuantity: 2, message: 'Only 2 left' } });
    expect(byId.get(c)).toMatchObject({ issue: { code: 'off_shelf' } });
    expect(cart.body.selectedCount).toBe(0);
    expect(productId).toBeTruthy();
  });

  it('honours the purchase limit across lines and past orders', async () => {
    const { skuIds: [a, b] } = await makeSkus(koi, [{ priceFen: 9900, stock: 50 }, { priceFen: 9900, stock: 50 }], { purchaseLimit: 2 });
    const token = await shopperToken(koi, '13700000003');
    await call(koi, 'POST', '/api/shop/cart/lines', { skuId: a, quantity: 1 }, { token });
    await call(koi, 'POST', '/api/shop/cart/lines', { skuId: b, quantity: 1 }, { token });
    const over = await call(koi, 'POST', '/api/shop/cart/lines', { skuId: b, quantity: 1 }, { token });
    expect(over.status).toBe(200); // the cart holds it, flagged
    const line = over.body.lines.find((l: { skuId: string }) => l.skuId === b);
    expect(line.issue).toMatchObject({ code: 'over_limit', maxQuantity: 1 });
  });

  it('rejects a price sent by the client and bad input with field errors', async () => {
    const { skuIds: [a] } = await makeSkus(koi, [{ priceFen: 2500, stock: 9 }]);
    const res = await call(koi, 'POST', '/api/shop/cart/lines', { skuId: a, quantity: 1, priceFen: 1 }, guest('guest-price-01'));
    expect(res.body.selectedTotalFen).toBe(2500);
    const bad = await call(koi, 'POST', '/api/shop/cart/lines', { skuId: 'nope', quantity: 0 }, guest('guest-price-01'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.quantity', 'body.skuId']);
  });
});
