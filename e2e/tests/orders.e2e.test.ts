import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';
import { desktop, mobile, openPicker as pick, productId, SHOPPER_2, signInAdmin, signInOnPage, skuId, tapButton } from './shop-journey.ts';

/**
 * The rest of issue #5's shop and admin, in a real browser against the real server: a guest cart
 * merged at sign-in, edit-mode delete, 立即购买, 我的 counts, the order list, cancel, Alipay through its
 * simulator, a line flagged when its product goes off shelf, the cart's stepper and ticks, and the
 * operator's 改价 / remark / close / Excel export.
 */
describe.runIf(hasChromium)('cart, orders and the operator’s order tools', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });
  let shopperPage: Page;
  let token = '';
  const base = (): string => ctx.koi.base;
  const openPicker = (page: Page, title: string, chip: string) => pick(page, base(), title, chip);

  it('a guest fills a cart and edits it, and the cart joins the shopper’s at sign-in', async () => {
    const page = (shopperPage = await ctx.browser.newPage(mobile));
    await openPicker(page, '德化白瓷羊脂玉盖碗', '150ml');
    const added = page.waitForResponse((r) => r.url().endsWith('/api/shop/cart/lines') && r.request().method() === 'POST');
    await page.locator('.picker__actions uni-button', { hasText: '加入购物车' }).click();
    const addedRes = await added;
    expect(addedRes.status()).toBe(200);
    expect(addedRes.request().headers()['x-anonymous-id']).toMatch(/^anon_/);

    await page.goto(`${base()}/pages/cart/index`);
    await page.getByText('登录后购物车会同步到你的账号').waitFor();
    await page.locator('.line').first().waitFor();
    await shot(page, 'checkout-11-guest-cart');

    // Checking out asks the guest to sign in; the guest cart is merged into the shopper's.
    await tapButton(page, '结算(1)');
    await page.waitForURL(/\/pages\/login\/login/);
    const signedIn = await signInOnPage(page, base(), SHOPPER_2.phone);
    token = signedIn.token;
    expect(signedIn.mergeStatus).toBe(200);
    expect(signedIn.merged.lines).toEqual([expect.objectContaining({ title: '德化白瓷羊脂玉盖碗', quantity: 1 })]);

    await page.goto(`${base()}/pages/cart/index`);
    await page.locator('.line', { hasText: '德化白瓷羊脂玉盖碗' }).waitFor();
    expect(await page.getByText('登录后购物车会同步到你的账号').count()).toBe(0);

    // Edit mode: tick the line, delete it after a confirmation.
    await page.getByText('管理').click();
    await page.locator('.line .tick').first().click();
    await tapButton(page, '删除(1)');
    await page.getByText('确定从购物车删除这 1 种商品吗？').waitFor();
    await page.locator('.wd-message-box uni-button', { hasText: '删除' }).click();
    await page.getByText('购物车还是空的').waitFor();
    await page.locator('.wd-message-box').waitFor({ state: 'hidden' });
    await shot(page, 'checkout-12-cart-emptied');
  });

  it('buy now, leave it unpaid (我的 counts it), then cancel it', async () => {
    const page = shopperPage;
    await openPicker(page, '汝窑品茗杯 60ml', '豆青');
    await page.locator('.picker__actions uni-button', { hasText: '立即购买' }).click();
    await page.waitForURL(/\/pages\/checkout\/index\?items=/);
    await page.locator('uni-button', { hasText: '提交订单' }).waitFor();
    const placed = page.waitForResponse((r) => r.url().endsWith('/api/shop/orders') && r.request().method() === 'POST');
    await tapButton(page, '提交订单');
    expect((await placed).status()).toBe(201);
    await page.getByText('选择支付方式').waitFor();
    await page.locator('.sheet__close').click();

    await page.goto(`${base()}/pages/me/me`);
    await page.locator('.entry', { hasText: '待付款' }).locator('.entry__badge', { hasText: '1' }).waitFor();
    await shot(page, 'checkout-13-me-orders');

    await page.locator('.entry', { hasText: '待付款' }).click();
    await page.waitForURL(/\/pages\/order\/list\?status=pending_payment/);
    await page.locator('.card', { hasText: '汝窑品茗杯' }).first().waitFor();
    await shot(page, 'checkout-14-order-list');
    await page.locator('.card', { hasText: '汝窑品茗杯' }).first().click();
    await page.waitForURL(/\/pages\/order\/detail\?id=/);
    await tapButton(page, '取消订单');
    await page.getByText('取消后，订单里的优惠券会退回你的账户').waitFor();
    await page.locator('.wd-message-box uni-button', { hasText: '取消订单' }).click();
    await page.getByText('你取消了这个订单').waitFor();
    await page.locator('.wd-message-box').waitFor({ state: 'hidden' });
    await shot(page, 'checkout-15-cancelled');
  });

  it('buy now and pay with Alipay in the Alipay simulator’s cashier', async () => {
    const page = shopperPage;
    await openPicker(page, '汝窑品茗杯 60ml', '月白');
    await page.locator('.picker__actions uni-button', { hasText: '立即购买' }).click();
    await page.waitForURL(/\/pages\/checkout\/index\?items=/);
    await page.locator('uni-button', { hasText: '提交订单' }).waitFor();
    await tapButton(page, '提交订单');
    await page.getByText('选择支付方式').waitFor();
    await page.locator('.method', { hasText: '支付宝' }).click();
    const paying = page.waitForResponse((r) => /\/api\/shop\/orders\/[^/]+\/pay$/.test(r.url()));
    await tapButton(page, /^立即支付/);
    expect(((await (await paying).request().postDataJSON()) as { channel: string }).channel).toBe('alipay_wap');
    await page.waitForURL((url) => !url.pathname.startsWith('/pages/'), { timeout: 30_000 });
    await page.getByText('确认支付').first().waitFor();
    await shot(page, 'checkout-16-alipay-cashier');
    await page.getByText('确认支付').first().click();
    await page.waitForURL(/\/pages\/order\/detail\?id=.*paid=1/, { timeout: 30_000 });
    await page.getByText('支付成功').waitFor({ timeout: 45_000 });
  });

  it('the operator changes the price of an unpaid order, notes it and closes it; the shopper sees the change', async () => {
    // An unpaid order, placed the way the shop places it.
    const res = await fetch(`${base()}/api/shop/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `e2e-${Date.now()}` },
      body: JSON.stringify({ items: [{ skuId: await skuId(base(), '汝窑品茗杯 60ml', '天青'), quantity: 2 }] }),
    });
    expect(res.status).toBe(201);
    const order = (await res.json()) as { id: string; orderNo: string; payableFen: number };

    const page = await ctx.browser.newPage(desktop);
    await signInAdmin(page, base());
    await page.getByRole('menuitem', { name: '订单' }).click();
    await page.getByRole('tab', { name: '待付款' }).click();
    await page.getByRole('link', { name: order.orderNo }).click();

    await page.getByRole('button', { name: '改价' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[data-test=adjust-items]').fill('60');
    await dialog.getByPlaceholder('例如：老客户议价、运费补差').fill('老客户议价');
    await dialog.locator('.adjust__after', { hasText: '¥60.00' }).waitFor();
    await shot(page, 'checkout-17-admin-adjust');
    await dialog.getByRole('button', { name: '确认改价' }).click();
    await page.getByText('价格已修改').waitFor();
    await page.getByText('改价记录', { exact: true }).waitFor();
    await page.getByRole('cell', { name: '老客户议价' }).waitFor();
    await page.locator('.alloc__table th', { hasText: '改价' }).first().waitFor();
    await page.getByText('各行分摊之和与订单金额一致').waitFor();

    await page.getByPlaceholder('仅商家可见').fill('客户要求周末送达');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('备注已保存').waitFor();
    await shot(page, 'checkout-18-admin-adjusted');

    // The shopper's order shows the merchant's change.
    await shopperPage.goto(`${base()}/pages/order/detail?id=${order.id}`);
    await shopperPage.locator('.row__label', { hasText: '商家改价' }).waitFor();
    await shopperPage.getByText('¥60.00').first().waitFor();
    await shot(shopperPage, 'checkout-19-shopper-sees-adjustment');

    await page.getByRole('button', { name: '关闭订单' }).first().click();
    await page.getByRole('dialog').getByPlaceholder('关闭原因（选填，仅内部可见）').fill('客户电话取消');
    await page.getByRole('dialog').getByRole('button', { name: '关闭订单' }).click();
    await page.getByText('订单已关闭').first().waitFor();
    await page.locator('.head .el-tag', { hasText: '已关闭' }).waitFor();

    // The filtered list leaves as an Excel file.
    await page.getByRole('button', { name: '返回订单列表' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('a line whose product went off shelf is greyed with the server’s reason and cannot be ticked', async () => {
    const page = shopperPage;
    const title = '手工琉璃杯 耐热';
    await openPicker(page, title, '琥珀');
    await page.locator('.picker__actions uni-button', { hasText: '加入购物车' }).click();
    await page.getByText('已加入购物车').waitFor();

    // The operator takes the product off sale while it sits in the cart.
    const login = await fetch(`${base()}/api/admin/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'operator@koi.demo', password: 'koi-demo-2026' }),
    });
    const staff = (await login.json()) as { token: string };
    const off = await fetch(`${base()}/api/admin/catalog/products/batch-status`, {
      method: 'POST', headers: { authorization: `Bearer ${staff.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [await productId(base(), title)], status: 'off_shelf' }),
    });
    expect(off.status).toBe(200);

    await page.goto(`${base()}/pages/cart/index`);
    const flagged = page.locator('.line--issue', { hasText: title });
    await flagged.waitFor();
    expect(await flagged.locator('.line__issue').innerText()).not.toBe('');
    expect(await flagged.locator('.tick--off').count()).toBe(1);
    await page.locator('uni-button', { hasText: '结算(0)' }).waitFor();
    await shot(page, 'checkout-20-cart-issue');
    // Ticking it does nothing: no request leaves.
    let sent = false;
    page.on('request', (r) => {
      if (r.url().includes('/api/shop/cart/lines/')) sent = true;
    });
    await flagged.locator('.tick').click();
    await page.waitForTimeout(500);
    expect(sent).toBe(false);
    // Cleared away in edit mode, so the next test starts from an empty cart.
    await page.getByText('管理').click();
    await page.locator('.line .tick').first().click();
    await tapButton(page, '删除(1)');
    await page.locator('.wd-message-box uni-button', { hasText: '删除' }).click();
    await page.getByText('购物车还是空的').waitFor();
  });

  it('the confirm page takes another address from the address book in select mode and is priced again', async () => {
    // 赵一鸣 keeps two addresses in the demo (杭州 default, 乌鲁木齐).
    const page = await ctx.browser.newPage(mobile);
    await page.goto(`${base()}/pages/login/login`);
    await signInOnPage(page, base(), '13916880005');
    await openPicker(page, '汝窑品茗杯 60ml', '天青');
    await page.locator('.picker__actions uni-button', { hasText: '立即购买' }).click();
    await page.waitForURL(/\/pages\/checkout\/index\?items=/);
    await page.locator('.addr__where', { hasText: '杭州市' }).waitFor();
    await page.locator('.addr').click();
    await page.waitForURL(/\/pages\/address\/list\?select=1/);
    const repriced = page.waitForResponse((r) => r.url().endsWith('/api/shop/checkout/preview'));
    await page.getByText('乌鲁木齐市').first().click();
    const body = (await repriced).request().postDataJSON() as { addressId?: string };
    expect(body.addressId).toMatch(/^[0-9a-f-]{36}$/);
    await page.waitForURL(/\/pages\/checkout\/index/);
    await page.locator('.addr__where', { hasText: '乌鲁木齐市' }).waitFor();
    await shot(page, 'checkout-21-address-chosen');
  });

  it('the cart changes quantities and the selection, each answer the server’s whole cart', async () => {
    const page = shopperPage;
    await openPicker(page, '德化白瓷羊脂玉盖碗', '120ml');
    await page.locator('.picker__actions uni-button', { hasText: '加入购物车' }).click();
    await page.getByText('已加入购物车').waitFor();
    await page.goto(`${base()}/pages/cart/index`);
    await page.locator('.line').first().waitFor();

    // PUT /cart/lines/:id (the mini-program's wx.request has no PATCH; see order/ROUTES.md).
    const more = page.waitForResponse((r) => r.url().includes('/api/shop/cart/lines/'));
    await page.locator('.line .wd-input-number__action').nth(1).click();
    expect((await more).status()).toBe(200);
    await page.getByText('共 2 件').waitFor();
    await page.locator('.line .tick').first().click();
    await page.locator('uni-button', { hasText: '结算(0)' }).waitFor();
    await page.locator('.line .tick').first().click();
    await page.locator('uni-button', { hasText: '结算(2)' }).waitFor();
    await shot(page, 'checkout-22-cart-edited');
  });
});
