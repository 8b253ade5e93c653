import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { hasChromium, screenshotDir, shot, useKoiAndBrowser } from '../harness.ts';

const mobile = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const desktop = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };
const TITLE = '龙泉青瓷梅子青品茗杯';

/** A screenshot with CSS transitions finished, so a ticked checkbox shows ticked. */
const still = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });

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

  it('the operator picks it into the 新品上架 collection in admin, first in line for the home page grid', async () => {
    const page = await ctx.browser.newPage(desktop);
    await signInAdmin(page);
    await page.goto(`${ctx.koi.base}/admin/collections`);
    const productCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/admin/catalog/products')) productCalls.push(new URL(r.url()).pathname + new URL(r.url()).search);
    });
    await page.locator('.el-table__row', { hasText: '新品上架' }).getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑分组' });
    await dialog.waitFor();
    // The products it already holds come in one request (the list's `ids` filter) and show by title.
    const items = dialog.locator('.order-list__item');
    await items.first().locator('.order-list__title:not(.is-loading)').waitFor();
    const before = await items.count();
    expect(before).toBeGreaterThan(1);
    expect(productCalls).toHaveLength(1);
    expect(productCalls[0]).toMatch(/^\/api\/admin\/catalog\/products\?.*ids=[0-9a-f-]{36}(%2C[0-9a-f-]{36})+/);

    // The picker: search by title, tick the product, confirm.
    await dialog.getByRole('button', { name: '选择商品' }).click();
    const picker = page.getByRole('dialog', { name: '选择商品' });
    await picker.getByPlaceholder('关键词').fill(TITLE);
    await picker.getByPlaceholder('关键词').press('Enter');
    const row = picker.locator('.el-table__row', { hasText: TITLE });
    await row.waitFor();
    await expect.poll(() => picker.locator('.el-table__row').count()).toBe(1);
    await row.locator('.el-checkbox').click();
    await row.locator('.el-checkbox.is-checked').waitFor();
    await still(page, 'catalog-03-picker');
    await picker.getByRole('button', { name: '确定' }).click();
    await picker.waitFor({ state: 'hidden' });

    // Picked products join at the end; the operator drags the new one to the front (the grid shows the first four).
    await expect.poll(() => items.count()).toBe(before + 1);
    await expect.poll(() => items.last().textContent()).toContain(TITLE);
    await items.last().dragTo(items.first());
    await expect.poll(() => items.first().textContent()).toContain(TITLE);
    await still(page, 'catalog-04-collection');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('分组已保存').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.el-table__row', { hasText: '新品上架' }).textContent()).toContain(`手动选择的 ${before + 1} 件商品`);
  });

  it('a shopper finds it by a Chinese word, full pinyin and initials, sees it on the home page grid, and picks an in-stock SKU', async () => {
    const page = await ctx.browser.newPage(mobile);
    for (const q of ['梅子青', 'meiziqing', 'mzq']) {
      await page.goto(`${ctx.koi.base}/pages/search/search?q=${encodeURIComponent(q)}`);
      await page.locator('.card', { hasText: TITLE }).first().waitFor({ timeout: 20_000 });
      await shot(page, `catalog-05-search-${q}`);
    }

    await page.goto(`${ctx.koi.base}/`);
    await page.locator('.card', { hasText: TITLE }).first().waitFor({ timeout: 20_000 });
    await shot(page, 'catalog-06-home');

    await page.locator('.card', { hasText: TITLE }).first().click();
    await page.waitForURL(/\/pages\/product\/product\?id=/);
    await page.getByText(TITLE).first().waitFor();
    await page.locator('.cell').first().click();
    await page.locator('.chip', { hasText: '粉青' }).click();
    await page.locator('.chip', { hasText: '120ml' }).click();
    await page.locator('.picker__chosen', { hasText: /粉青/ }).waitFor();
    await shot(page, 'catalog-07-sku-picked');
    expect(await page.locator('.chip--on').count()).toBe(2);
  });

  it('serves a favicon for the shop and the admin, linked from both pages', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg', '/admin/favicon.ico', '/admin/favicon.svg']) {
      const res = await fetch(`${ctx.koi.base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^image\//);
      expect((await res.arrayBuffer()).byteLength, path).toBeGreaterThan(100);
    }
    const page = await ctx.browser.newPage(desktop);
    for (const [url, icon] of [['/', '/favicon.svg'], ['/admin/login', '/admin/favicon.svg']] as const) {
      await page.goto(`${ctx.koi.base}${url}`);
      const hrefs = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
      expect(hrefs, url).toContain(icon);
    }
  });
});
