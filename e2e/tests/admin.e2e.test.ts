import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';

describe.runIf(hasChromium)('admin console in Chromium', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });

  it('an owner signs in and creates a shopping guide for a store', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${ctx.koi.base}/admin/`);
    await page.getByLabel('邮箱').fill('owner@koi.demo');
    await page.getByLabel('密码').fill('koi-demo-2026');
    await shot(page, 'admin-01-login');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('沈青禾').first().waitFor();
    await shot(page, 'admin-02-dashboard');

    await page.getByRole('menuitem', { name: '员工与角色' }).click();
    await page.getByRole('cell', { name: 'owner@koi.demo' }).waitFor();
    await page.getByRole('button', { name: '新建员工' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('邮箱').fill('guide.new@koi.demo');
    await dialog.getByLabel('姓名').fill('叶知秋');
    await dialog.getByLabel('初始密码').fill('tea-guide-2026');
    await dialog.locator('.el-form-item', { hasText: '角色' }).locator('.el-select').click();
    await page.getByRole('option', { name: '导购' }).click();
    await dialog.locator('.el-form-item', { hasText: '门店' }).locator('.el-select').click();
    await page.getByRole('option', { name: '青瓷小筑 · 苏州平江店' }).click();
    await shot(page, 'admin-03-create-staff');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'guide.new@koi.demo' }).waitFor();
    await shot(page, 'admin-04-staff-list');

    // The new guide can sign in and sees only what a guide may see.
    const guidePage = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await guidePage.goto(`${ctx.koi.base}/admin/`);
    await guidePage.getByLabel('邮箱').fill('guide.new@koi.demo');
    await guidePage.getByLabel('密码').fill('tea-guide-2026');
    await guidePage.getByRole('button', { name: '登录' }).click();
    await guidePage.getByText('叶知秋').first().waitFor();
    expect(await guidePage.getByRole('menuitem', { name: '员工与角色' }).count()).toBe(0);
    await shot(guidePage, 'admin-05-guide-menu');
  });
});
