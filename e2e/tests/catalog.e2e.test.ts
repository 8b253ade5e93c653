import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';

const mobile = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const desktop = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };
const TITLE = '龙泉青瓷梅子青品茗杯';

describe.runIf(hasChromium)('catalog: from the operator’s editor to the shopper’s SKU picker', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });
  let productId = '';

  async function signInAdmin(page: Page): Promise<string> {
    await page.goto(`${ctx.koi.base}/admin/login`);
    await page.getByLabel('邮箱').fill('owner@koi.demo');
    await page.getByLabel('密码').fill('koi-demo-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('沈青禾').first().waitFor();
    return (await page.evaluate(() => Object.values({ ...localStorage }).find((v) => v.startsWith('kst_') || v.includes('"kst_')) ?? '')).replace(/^.*?(kst_[A-Za-z0-9_-]+).*$/, '$1');
  }

  it('an operator creates a product with two specs and four SKUs, an image, on sale', async () => {
    const page = await ctx.browser.newPage(desktop);
    await signInAdmin(page);
    await page.goto(`${ctx.koi.base}/admin/products/new`);
    await page.getByPlaceholder('例如：汝窑天青釉盖碗 120ml').fill(TITLE);
    await page.getByRole('button', { name: /添加规格/ }).click();
    const tagInputs = () => page.locator('.specs .el-input-tag input');
    await tagInputs().nth(0).fill('梅子青');
    await page.keyboard.press('Enter');
    await tagInputs().nth(0).fill('粉青');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '添加规格' }).click();
    await tagInputs().nth(1).fill('80ml');
    await page.keyboard.press('Enter');
    await tagInputs().nth(1).fill('120ml');
    await page.keyboard.press('Enter');
    expect(await page.locator('.skus__table .el-table__body-wrapper .el-table__row').count()).toBe(4);
    await page.locator('.skus__tools .el-input input').first().fill('68');
    await page.getByRole('button', { name: /应用到/ }).click();
    await page.locator('.skus__tools .el-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '库存' }).click();
    await page.locator('.skus__tools .el-input input').first().fill('12');
    await page.getByRole('button', { name: /应用到/ }).click();

    await page.locator('.el-form-item', { hasText: '类目' }).locator('.el-cascader').first().click();
    await page.locator('.el-cascader-node:visible', { hasText: '茶具' }).first().click();
    await page.locator('.el-cascader-node:visible', { hasText: '茶杯' }).first().locator('.el-radio').click();
    await page.keyboard.press('Escape');

    // A real picture: the browser draws one and the operator uploads it.
    const picture = await ctx.browser.newPage({ viewport: { width: 480, height: 480 } });
    await picture.setContent('<body style="margin:0;background:#9fc5a8;display:grid;place-items:center;height:100vh"><div style="width:220px;height:160px;border-radius:0 0 110px 110px;background:#6b9e7f"></div></body>');
    const png = await picture.screenshot({ type: 'png' });
    await picture.close();
    await page.locator('.images input[type=file]').setInputFiles({ name: 'cup.png', mimeType: 'image/png', buffer: png });
    await page.locator('.images__item img').first().waitFor();

    await page.locator('.el-radio', { hasText: '在售' }).click();
    await shot(page, 'catalog-01-editor');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/products\/[0-9a-f-]{20,}$/, { timeout: 30_000 });
    productId = page.url().split('/').pop()!;
    await page.locator('.skus__table .el-table__row').first().waitFor();
    await shot(page, 'catalog-02-saved');

    const detail = await (await fetch(`${ctx.koi.base}/api/shop/catalog/products/${productId}`)).json();
    expect(detail.skus).toHaveLength(4);
    expect(detail.images[0]).toMatch(/^\/media\//);
    expect(detail.priceMinFen).toBe(6800);
  });

  it('the product joins the home page grid through its collection', async () => {
    const page = await ctx.browser.newPage(desktop);
    const token = await signInAdmin(page);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const list = await (await fetch(`${ctx.koi.base}/api/admin/catalog/collections`, { headers })).json();
    const fresh = list.items.find((c: { name: string }) => c.name === '新品上架');
    const put = await fetch(`${ctx.koi.base}/api/admin/catalog/collections/${fresh.id}`, {
      method: 'PUT', headers,
      body: JSON.stringify({ name: fresh.name, mode: 'manual', productIds: [productId, ...fresh.productIds], rule: null }),
    });
    expect(put.status).toBe(200);
  });

  it('a shopper finds it by a Chinese word, full pinyin and initials, and picks an in-stock SKU', async () => {
    const page = await ctx.browser.newPage(mobile);
    for (const q of ['梅子青', 'meiziqing', 'mzq']) {
      await page.goto(`${ctx.koi.base}/pages/search/search?q=${encodeURIComponent(q)}`);
      await page.locator('.card', { hasText: TITLE }).first().waitFor({ timeout: 20_000 });
      await shot(page, `catalog-03-search-${q}`);
    }

    await page.goto(`${ctx.koi.base}/`);
    await page.locator('.card', { hasText: TITLE }).first().waitFor({ timeout: 20_000 });
    await shot(page, 'catalog-04-home');

    await page.locator('.card', { hasText: TITLE }).first().click();
    await page.waitForURL(/\/pages\/product\/product\?id=/);
    await page.getByText(TITLE).first().waitFor();
    await page.locator('.cell').first().click();
    await page.locator('.chip', { hasText: '粉青' }).click();
    await page.locator('.chip', { hasText: '120ml' }).click();
    await page.locator('.picker__chosen', { hasText: /粉青/ }).waitFor();
    await shot(page, 'catalog-05-sku-picked');
    expect(await page.locator('.chip--on').count()).toBe(2);
  });
});
