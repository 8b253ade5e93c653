import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';
import { api, desktop, mobile, openPicker, SHOPPER, signInAdmin, signInOnPage, tapButton } from './shop-journey.ts';

/**
 * Issue #5's done-when, in a real browser: a demo shopper signs in, puts two SKUs in the cart,
 * gets the seeded 满减 and a coupon from their wallet, checks out, pays in the WeChat Pay
 * simulator's cashier and sees the order paid; the operator then finds it in admin and reads the
 * per-line allocation.
 */
/** Two products of the demo catalog and the spec value to pick on each (¥168 + ¥268 reaches 满 ¥300). */
const PICKS = [
  { title: '汝窑天青开片盖碗 150ml', chip: '月白' },
  { title: '建盏兔毫主人杯', chip: '束口' },
];

describe.runIf(hasChromium)('checkout: cart → 满减 + coupon → WeChat Pay simulator → paid → admin allocation', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });
  let orderNo = '';

  it('a shopper adds two SKUs, gets the 满减 and a coupon, checks out and pays in the WeChat Pay cashier', async () => {
    const base = ctx.koi.base;
    const page = await ctx.browser.newPage(mobile);
    await page.goto(`${base}/pages/login/login`);
    const { token, mergeStatus } = await signInOnPage(page, base, SHOPPER.phone);
    expect(mergeStatus).toBe(200);

    // The order needs somewhere to go (the address pages are another journey's).
    const def = await api(base, '/api/shop/addresses/default', { token });
    if (!def.body.address) {
      const added = await api(base, '/api/shop/addresses', {
        method: 'POST', token,
        body: { recipient: SHOPPER.name, mobile: SHOPPER.phone, provinceCode: '330000', cityCode: '330100', districtCode: '330106', detail: '文三路 90 号 3 幢 501', isDefault: true },
      });
      expect(added.status).toBe(201);
    }

    for (const [i, pick] of PICKS.entries()) {
      await openPicker(page, base, pick.title, pick.chip);
      const added = page.waitForResponse((r) => r.url().endsWith('/api/shop/cart/lines') && r.request().method() === 'POST');
      await page.locator('.picker__actions uni-button', { hasText: '加入购物车' }).click();
      expect((await added).status()).toBe(200);
      await page.getByText('已加入购物车').waitFor();
      await page.locator('.actions__badge', { hasText: String(i + 1) }).waitFor();
      await page.locator('.picker').waitFor({ state: 'hidden' });
      if (i === 1) await shot(page, 'checkout-01-added-to-cart');
    }

    await page.goto(`${base}/pages/cart/index`);
    await page.locator('.line').nth(1).waitFor();
    expect(await page.locator('.line').count()).toBe(2);
    // The seeded 满减 is reached by these two: the server says so above the totals bar.
    await page.locator('.note__tag--on', { hasText: '已享' }).first().waitFor();
    await shot(page, 'checkout-02-cart');

    const previewed = page.waitForResponse((r) => r.url().endsWith('/api/shop/checkout/preview'));
    await tapButton(page, /^结算\(2\)$/);
    await page.waitForURL(/\/pages\/checkout\/index/);
    const preview = (await (await previewed).json()) as { canSubmit: boolean; promotionDiscountFen: number; coupons: { id: string; usable: boolean }[]; blockers: unknown[] };
    expect(preview.blockers).toEqual([]);
    expect(preview.canSubmit).toBe(true);
    expect(preview.promotionDiscountFen).toBeGreaterThan(0);
    expect(preview.coupons.some((c) => c.usable), 'the seeded coupon is in the wallet and usable').toBe(true);
    await page.locator('.addr__name').waitFor();
    await shot(page, 'checkout-03-confirm');

    // The shopper opens the coupon list and picks the usable coupon themselves.
    await page.locator('.cell', { hasText: '优惠券' }).first().click();
    await page.getByText('选择优惠券').waitFor();
    await page.locator('.coupon:not(.coupon--off)').first().click();
    await shot(page, 'checkout-04-coupons');
    const repriced = page.waitForResponse((r) => r.url().endsWith('/api/shop/checkout/preview'));
    await page.locator('.sheet__foot uni-button', { hasText: '确定' }).click();
    const chosen = (await (await repriced).json()) as { couponDiscountFen: number; promotionDiscountFen: number; chosenCouponIds: string[] };
    expect(chosen.chosenCouponIds).toHaveLength(1);
    expect(chosen.couponDiscountFen).toBeGreaterThan(0);
    expect(chosen.promotionDiscountFen).toBeGreaterThan(0);
    await page.locator('.cell__value--off').first().waitFor();
    await page.getByText('选择优惠券').waitFor({ state: 'hidden' });
    await shot(page, 'checkout-05-coupon-applied');

    const placed = page.waitForResponse((r) => r.url().endsWith('/api/shop/orders') && r.request().method() === 'POST');
    await tapButton(page, '提交订单');
    const placedRes = await placed;
    expect(placedRes.status()).toBe(201);
    expect(placedRes.request().headers()['idempotency-key']).toMatch(/^ck_/);
    const order = (await placedRes.json()) as { id: string; orderNo: string; status: string; lines: { discounts: { source: string }[] }[] };
    orderNo = order.orderNo;
    expect(order.status).toBe('pending_payment');
    for (const line of order.lines) expect(new Set(line.discounts.map((d) => d.source))).toEqual(new Set(['promotion', 'coupon']));

    await page.waitForURL(/\/pages\/order\/detail\?id=/);
    await page.getByText('选择支付方式').waitFor();
    await page.getByText(/剩余 \d{2}:\d{2}/).waitFor();
    await shot(page, 'checkout-06-pay-sheet');

    // H5: WeChat Pay H5 → the simulator's cashier page, which comes back to the order page.
    await tapButton(page, /^立即支付/);
    await page.waitForURL((url) => !url.pathname.startsWith('/pages/'), { timeout: 30_000 });
    await page.getByText('确认支付').first().waitFor();
    await shot(page, 'checkout-07-wechat-cashier');
    await page.getByText('确认支付').first().click();

    await page.waitForURL(/\/pages\/order\/detail\?id=.*paid=1/, { timeout: 30_000 });
    await page.getByText('支付成功').waitFor({ timeout: 45_000 });
    await shot(page, 'checkout-08-paid');

    const after = await api(base, `/api/shop/orders/${order.id}`, { token });
    expect(after.body.status).toBe('paid');
    expect(after.body.paidFen).toBe(after.body.payableFen);
  });

  it('the operator finds the order in admin and sees the allocation per line', async () => {
    expect(orderNo, 'the shopper journey placed an order').not.toBe('');
    const page = await ctx.browser.newPage(desktop);
    await signInAdmin(page, ctx.koi.base);
    await page.getByRole('menuitem', { name: '订单' }).click();
    await page.getByPlaceholder('订单号 / 手机号 / 手机尾号 4 位').fill(SHOPPER.phone.slice(-4));
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: orderNo }).waitFor();
    // Mobiles are masked in the list.
    expect(await page.getByText(SHOPPER.phone).count()).toBe(0);
    await page.getByText('139****0001').first().waitFor();
    await shot(page, 'checkout-09-admin-orders');

    await page.getByRole('link', { name: orderNo }).click();
    await page.getByText('优惠分摊明细').waitFor();
    const table = page.locator('.alloc__table');
    expect(await table.locator('tbody tr').count()).toBe(2);
    await table.locator('th', { hasText: '活动' }).first().waitFor();
    await table.locator('th', { hasText: '优惠券' }).first().waitFor();
    await page.getByText('各行分摊之和与订单金额一致').waitFor();
    await page.getByText('待发货').first().waitFor();
    await shot(page, 'checkout-10-admin-allocation');
  });
});
