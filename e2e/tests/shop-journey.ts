import type { Page } from 'playwright-core';
import { lastSmsCode } from '../harness.ts';

/** Shared steps of the cart/checkout/order browser tests (checkout.e2e.test.ts, orders.e2e.test.ts). */
export const mobile = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
export const desktop = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };

/** Demo members (server/src/demo/seed.ts); the promotion seed puts a coupon in the first two wallets. */
export const SHOPPER = { phone: '13916880001', name: '张雅琴' };
export const SHOPPER_2 = { phone: '13916880002', name: '王浩然' };

export type Json = Record<string, unknown>;

/** uni-app's <uni-button> wraps its text; the outer element takes the click. */
export function tapButton(page: Page, name: string | RegExp): Promise<void> {
  return page.locator('uni-button', { hasText: name }).first().click();
}

export async function api(base: string, path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

export async function productId(base: string, title: string): Promise<string> {
  for (let page = 1; page <= 5; page++) {
    const { body } = await api(base, `/api/shop/catalog/products?page=${page}&pageSize=50`);
    const hit = (body.items as { id: string; title: string }[]).find((p) => p.title === title);
    if (hit) return hit.id;
    if (!body.hasMore) break;
  }
  throw new Error(`demo product not found: ${title}`);
}

export async function skuId(base: string, title: string, spec: string): Promise<string> {
  const { body } = await api(base, `/api/shop/catalog/products/${await productId(base, title)}`);
  const sku = (body.skus as { id: string; specValues: string[] }[]).find((s) => s.specValues.includes(spec));
  if (!sku) throw new Error(`no ${spec} SKU of ${title}`);
  return sku.id;
}

/** Opens a product page and its SKU sheet with one spec value chosen. */
export async function openPicker(page: Page, base: string, title: string, chip: string): Promise<void> {
  await page.goto(`${base}/pages/product/product?id=${await productId(base, title)}`);
  await page.getByText(title).first().waitFor();
  await page.locator('.cell').first().click();
  await page.locator('.chip', { hasText: chip }).click();
}

/** Fills the sign-in form with the code the SMS simulator delivered; resolves with the login and cart-merge responses' bodies. */
export async function signInOnPage(page: Page, base: string, phone: string): Promise<{ token: string; merged: Json; mergeStatus: number }> {
  await page.locator('.field input').nth(0).fill(phone);
  await tapButton(page, '获取验证码');
  await page.getByText(/秒后重发/).waitFor();
  await page.locator('.field input').nth(1).fill(await lastSmsCode(base, phone));
  const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/shop/auth/login/phone'));
  const merged = page.waitForResponse((r) => r.url().endsWith('/api/shop/cart/merge'));
  await page.locator('uni-button', { hasText: /^登录$/ }).first().click();
  const login = await signedIn;
  if (login.status() !== 200) throw new Error(`sign-in answered ${login.status()}`);
  const merge = await merged;
  return { token: ((await login.json()) as { token: string }).token, merged: (await merge.json()) as Json, mergeStatus: merge.status() };
}

export async function signInAdmin(page: Page, base: string, email = 'operator@koi.demo'): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill('koi-demo-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: '订单' }).waitFor();
}
