import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';
import { api, desktop, mobile, productId, SHOPPER, signInAdmin, signInOnPage } from './shop-journey.ts';

/**
 * Reviews (issue 6 point 5) in a real browser: the demo shopper rates a line of a completed order
 * (anonymously), the operator pins it in 评价管理, and the product's reviews show it with 精选 — while
 * the review the demo merchant hid never reaches the shop.
 */
describe.runIf(hasChromium)('reviews: write, moderate, show', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });
  const base = (): string => ctx.koi.base;
  const TEXT = '盖碗收到了，釉色和图片一样，开片很细，出汤也利落。';

  it('the shopper rates a line of a completed order; the operator pins it; the shop shows it', async () => {
    const page = await ctx.browser.newPage(mobile);
    await page.goto(`${base()}/pages/login/login`);
    const { token } = await signInOnPage(page, base(), SHOPPER.phone);
    const orders = await api(base(), '/api/shop/orders?status=all&page=1', { token });
    const completed = (orders.body.items as { id: string; status: string }[]).find((o) => o.status === 'completed');
    expect(completed).toBeDefined();

    await page.goto(`${base()}/pages/order/detail?id=${completed!.id}`);
    await page.locator('.ore uni-button', { hasText: '评价' }).click();
    await page.waitForURL(/\/pages\/review\/write\?orderId=/);
    const card = page.locator('.wc').first();
    await card.locator('textarea').fill(TEXT);
    await card.getByText('匿名评价').click();
    await shot(page, 'review-01-write');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/shop/reviews') && r.request().method() === 'POST');
    await card.locator('uni-button', { hasText: '发表评价' }).click();
    const res = await posted;
    expect(res.status()).toBe(201);
    const review = (await res.json()) as { id: string; anonymous: boolean; authorName: string };
    expect(review.anonymous).toBe(true);
    expect(review.authorName).toBe('张**琴');
    await card.getByText(TEXT).waitFor();
    await shot(page, 'review-02-written');

    // The operator pins it from the moderation list.
    const admin = await ctx.browser.newPage(desktop);
    await signInAdmin(admin, base());
    await admin.goto(`${base()}/admin/reviews`);
    const row = admin.locator('.el-table__row', { hasText: TEXT });
    await row.waitFor();
    const pinned = admin.waitForResponse((r) => r.url().endsWith(`/api/admin/reviews/${review.id}/pin`));
    await row.getByRole('button', { name: '置顶' }).click();
    expect((await pinned).status()).toBe(200);
    await row.getByRole('button', { name: '取消置顶' }).waitFor();
    await shot(admin, 'review-03-admin-pinned');

    // The product's reviews: the new one is there, marked 精选, under the shopper's masked name.
    const gaiwan = await productId(base(), '汝窑天青开片盖碗 150ml');
    await page.goto(`${base()}/pages/review/list?productId=${gaiwan}&filter=all`);
    const item = page.locator('.ri', { hasText: TEXT });
    await item.waitFor();
    expect(await item.getByText('精选').count()).toBe(1);
    expect(await item.getByText('张**琴').count()).toBe(1);
    await shot(page, 'review-04-product-list');

    // The demo merchant hid an abusive review of 德化白瓷羊脂玉盖碗: the shop never gets it.
    const baici = await productId(base(), '德化白瓷羊脂玉盖碗');
    const shopList = await api(base(), `/api/shop/products/${baici}/reviews?limit=20`);
    expect(JSON.stringify(shopList.body)).not.toContain('傻逼');
    await page.goto(`${base()}/pages/product/product?id=${baici}`);
    await page.locator('.pr').waitFor();
    await page.locator('.pr').scrollIntoViewIfNeeded();
    await shot(page, 'review-05-product-block');
    expect(await page.getByText('傻逼').count()).toBe(0);
  });
});
