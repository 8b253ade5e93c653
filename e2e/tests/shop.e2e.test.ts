import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, lastSmsCode, shot, useKoiAndBrowser } from '../harness.ts';

const mobile = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

describe.runIf(hasChromium)('shop (H5) in Chromium', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });

  // uni-app's <uni-button> wraps its text; the outer element takes the click.
  const tapButton = (page: Page, name: string) => page.locator('uni-button', { hasText: name }).first().click();

  it('a shopper signs in with a code read from the SMS simulator and sees their masked phone', async () => {
    const page = await ctx.browser.newPage(mobile);
    await page.goto(`${ctx.koi.base}/`);
    await page.getByText('青瓷小筑').first().waitFor();
    await shot(page, 'shop-01-home');

    await page.goto(`${ctx.koi.base}/pages/login/login`);
    const phone = '13812345678';
    await page.locator('.field input').nth(0).fill(phone);
    await tapButton(page, '获取验证码');
    await page.getByText(/秒后重发/).waitFor();
    const code = await lastSmsCode(ctx.koi.base, phone);
    await page.locator('.field input').nth(1).fill(code);
    await shot(page, 'shop-02-login');
    const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/shop/auth/login/phone'));
    await page.locator('uni-button', { hasText: /^登录$/ }).first().click();
    expect((await signedIn).status()).toBe(200);

    await page.goto(`${ctx.koi.base}/pages/me/me`);
    await page.getByText('138****5678').waitFor();
    await shot(page, 'shop-03-me');
    expect(await page.getByText('13812345678').count()).toBe(0);

    // The simulator's inbox is a page a person can read.
    const inbox = await ctx.browser.newPage(mobile);
    await inbox.goto(`${ctx.koi.base}/dev/sms?phone=${phone}`);
    expect(await inbox.getByText(`您的验证码为${code}`).count()).toBe(1);
    await shot(inbox, 'shop-04-sms-inbox');

    await tapButton(page, '退出登录');
    await page.getByText('你还没有登录').waitFor();
  });

  it('a wrong code shows the server’s reason and keeps the shopper signed out', async () => {
    const page = await ctx.browser.newPage(mobile);
    await page.goto(`${ctx.koi.base}/pages/login/login`);
    const phone = '13900001111';
    await page.locator('.field input').nth(0).fill(phone);
    await tapButton(page, '获取验证码');
    const code = await lastSmsCode(ctx.koi.base, phone);
    await page.locator('.field input').nth(1).fill(code === '000000' ? '111111' : '000000');
    await page.locator('uni-button', { hasText: /^登录$/ }).first().click();
    await page.getByText(/验证码错误，还可尝试 4 次/).waitFor();
    await shot(page, 'shop-05-wrong-code');
  });

  it('signs in with WeChat through the OAuth simulator', async () => {
    const page = await ctx.browser.newPage(mobile);
    await page.goto(`${ctx.koi.base}/pages/login/login`);
    await tapButton(page, '微信登录');
    await page.getByText('申请获得以下权限').waitFor();
    await shot(page, 'shop-06-wechat-authorize');
    const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/shop/auth/login/wechat') && r.request().method() === 'POST');
    await page.getByText('紫砂藏家老周').click();
    expect((await signedIn).status()).toBe(200);
    await page.waitForURL((url) => !url.searchParams.has('code') && !url.pathname.includes('/sim/'));
    await page.goto(`${ctx.koi.base}/pages/me/me`);
    await page.getByText('紫砂藏家老周').waitFor();
    await shot(page, 'shop-07-me-wechat');
  });
});
