import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';

/**
 * Issue 7 "Done when", the segment half: the operator builds a segment ("RFM 重要价值 and lifecycle
 * dormant") in the visual editor, sees its count live, and why a sampled customer is (or is not) in it.
 */
describe.runIf(hasChromium)('segments in Chromium', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });
  const pick = (page: Page, text: string) => page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click();
  const count = async (page: Page) => Number((await page.locator('[data-test=segment-count] .pv__num').innerText()).replace(/[^\d]/g, ''));

  it('builds "重要价值 and 沉睡", sees the count change as it edits, and asks why', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${ctx.koi.base}/admin/`);
    await page.getByLabel('邮箱').fill('owner@koi.demo');
    await page.getByLabel('密码').fill('koi-demo-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('沈青禾').first().waitFor();
    await page.getByRole('menuitem', { name: '人群' }).click();
    await page.getByText('高价值沉睡客户').first().waitFor();
    await shot(page, 'segments-01-list');

    await page.getByRole('button', { name: '新建人群' }).click();
    await page.locator('[data-test=segment-count]').getByText('人').waitFor({ timeout: 15_000 });
    const rows = page.locator('[data-test=condition-row]');
    await rows.nth(0).locator('.el-select').first().click();
    await pick(page, '标签');
    await rows.nth(0).locator('.el-select').nth(2).click();
    await pick(page, '重要价值客户');
    await page.waitForTimeout(1_200);
    const important = await count(page);
    await page.getByRole('button', { name: '添加条件' }).first().click();
    await rows.nth(1).locator('.el-select').first().click();
    await pick(page, '标签');
    await rows.nth(1).locator('.el-select').nth(2).click();
    await pick(page, '沉睡');
    await page.waitForTimeout(1_200);
    const both = await count(page);
    expect(both).toBeLessThanOrEqual(important);
    await shot(page, 'segments-02-rfm-and-dormant');

    // Either of the two: more customers, and the first sampled one is explained condition by condition.
    await page.getByText('任一条件 (或)').first().click();
    await page.waitForTimeout(1_200);
    expect(await count(page)).toBeGreaterThanOrEqual(important);
    expect(important).toBeGreaterThan(0);
    await page.locator('[data-test=segment-sample] .el-table__row').first().click();
    await page.locator('[data-test=explain-condition]').first().waitFor();
    expect(await page.locator('[data-test=explain-condition]').count()).toBe(2);
    await expect.poll(() => page.locator('[data-test=segment-why]').innerText()).toContain('在人群中');
    await page.locator('[data-test=segment-why] .el-loading-mask').waitFor({ state: 'hidden' });
    await shot(page, 'segments-03-why');

    await page.locator('input[data-test=segment-name], [data-test=segment-name] input').first().fill('重要价值或沉睡');
    await page.locator('[data-test=segment-save]').click();
    await page.getByText('重要价值或沉睡').first().waitFor();
    await page.locator('tr', { hasText: '重要价值或沉睡' }).getByRole('button', { name: '拍快照' }).click();
    await page.getByText('快照已生成').waitFor();
    await shot(page, 'segments-04-saved-and-snapshot');
  });
});
