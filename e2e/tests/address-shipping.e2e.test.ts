import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, lastSmsCode, shot, useKoiAndBrowser } from '../harness.ts';

const mobile = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

describe.runIf(hasChromium)('addresses (shop H5) and shipping templates (admin) in Chromium', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });

  async function signIn(page: Page, phone: string): Promise<void> {
    await page.goto(`${ctx.koi.base}/pages/login/login`);
    await page.locator('.field input').nth(0).fill(phone);
    await page.locator('uni-button', { hasText: '获取验证码' }).first().click();
    const code = await lastSmsCode(ctx.koi.base, phone);
    await page.locator('.field input').nth(1).fill(code);
    const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/shop/auth/login/phone'));
    await page.locator('uni-button', { hasText: /^登录$/ }).first().click();
    expect((await signedIn).status()).toBe(200);
  }

  it('a demo shopper sees their addresses, adds one in 北京 with the three-level picker, and picks one for checkout', async () => {
    const page = await ctx.browser.newPage(mobile);
    await signIn(page, '13916880001');
    await page.goto(`${ctx.koi.base}/pages/me/me`);
    await page.getByText('139****0001').waitFor();
    await shot(page, 'address-00-me');
    await page.getByText('收货地址').first().click();
    await page.getByText('南山路 218 号').waitFor();
    await shot(page, 'address-01-list');

    await page.locator('uni-button', { hasText: '新增收货地址' }).click();
    await page.getByText('新增收货地址').first().waitFor();
    await page.locator('.wd-input input').nth(0).fill('陈默');
    await page.locator('.wd-input input').nth(1).fill('13916880004');
    await page.getByText('省、市、区县').click();
    // One column at a time: province, then its city, then the district (the last one confirms).
    const column = () => page.locator('.wd-col-picker__list:visible .wd-col-picker__list-item');
    await column().filter({ hasText: '北京市' }).click();
    await page.locator('.wd-col-picker__selected-item', { hasText: '请选择' }).or(page.locator('.wd-col-picker__selected-item', { hasText: 'Select' })).first().waitFor();
    await column().filter({ hasText: '北京市' }).click();
    await column().filter({ hasText: '朝阳区' }).click();
    await page.getByText('北京市 朝阳区').waitFor();
    await page.locator('.wd-col-picker__selected').waitFor({ state: 'hidden' });
    await page.locator('textarea').fill('建国路 87 号 12 层');
    await shot(page, 'address-02-edit');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/shop/addresses') && r.request().method() === 'POST');
    await page.locator('uni-button', { hasText: '保存' }).click();
    expect((await saved).status()).toBe(201);
    await page.getByText('建国路 87 号 12 层').waitFor();
    await shot(page, 'address-03-list-after-add');

    // Select mode, as the confirm page opens it: tapping an address picks it and goes back to the
    // page that asked (here 我的, reached by an in-app navigation so there is a page to go back to).
    await page.goto(`${ctx.koi.base}/pages/me/me`);
    await page.getByText('139****0001').waitFor();
    await page.evaluate(() => {
      window.history.pushState({}, '', '/pages/address/list?select=1&current=none');
      window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    });
    await page.getByText('建国路 87 号 12 层').waitFor();
    await shot(page, 'address-04-select');
    await page.getByText('建国路 87 号 12 层').click();
    await page.waitForURL((url) => url.pathname.endsWith('/pages/me/me'));
    await page.getByText('139****0001').waitFor();
  });

  it('an operator finds the default template under 设置, edits it and works out a fee in the 试算 box', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    await page.goto(`${ctx.koi.base}/admin/`);
    await page.getByLabel('邮箱').fill('operator@koi.demo');
    await page.getByLabel('密码').fill('koi-demo-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('林知夏').first().waitFor();
    // Menu groups start open: 运费模板 sits under 设置.
    await page.getByRole('menuitem', { name: '运费模板' }).click();
    await page.getByText('默认运费', { exact: true }).waitFor();
    await page.getByText('满 ¥199.00 包邮').waitFor();
    await shot(page, 'shipping-01-list');

    await page.getByRole('button', { name: '编辑' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('编辑运费模板').waitFor();
    expect(await dialog.locator('[data-testid="region-rule"]').count()).toBe(2);
    // 乌鲁木齐 (新疆, a region rate of ¥20 + ¥10), 3 pieces, ¥100 of goods.
    await dialog.locator('.trial .el-cascader').click();
    const node = (text: string) => page.locator('.el-cascader__dropdown:visible .el-cascader-node', { hasText: text });
    await node('新疆维吾尔自治区').click();
    await node('乌鲁木齐市').click();
    await dialog.locator('.trial__qty input').fill('3');
    await dialog.locator('.trial__amount input').fill('100');
    const quoted = page.waitForResponse((r) => r.url().endsWith('/api/admin/shipping-templates/quote'));
    await dialog.getByRole('button', { name: '试算运费' }).click();
    expect((await quoted).status()).toBe(200);
    await dialog.locator('[data-testid="trial-result"] .trial__fee strong', { hasText: '¥40.00' }).waitFor();
    await shot(page, 'shipping-02-editor-trial');

    // Saving the template as it is answers 200 and closes the editor.
    const saved = page.waitForResponse((r) => /\/api\/admin\/shipping-templates\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
  });
});
