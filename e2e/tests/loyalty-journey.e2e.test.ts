import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';
import { api, desktop, mobile, openPicker, SHOPPER, signInAdmin, signInOnPage, tapButton, type Json } from './shop-journey.ts';

/**
 * Issue 8's done-when, in a real browser: 张雅琴 (the demo shopper with ¥550 of stored value) does
 * today's 签到 on the points page, claims 会员 9 折券 in the coupon centre, puts two SKUs ×2 in the
 * cart so the running 春茶季满减 applies, checks out with that coupon, her points and her balance,
 * reads every discount per line, and pays what the balance does not cover in the WeChat Pay
 * simulator. Then the operator drafts 满300减40 in admin and runs 试算 over the demo orders.
 * Every figure is read from the page and checked to add up; other discounts the checkout may add
 * (a member discount, a gift line) are summed with the rest, never assumed absent.
 */
const PICKS = [
  { title: '汝窑天青开片盖碗 150ml', chip: '月白' },
  { title: '建盏兔毫主人杯', chip: '束口' },
];
const COUPON = '会员 9 折券';
const PROMOTION = '春茶季满减';

/** "¥1,280.00", "-¥12.34", "¥ 1,280 .00" → fen (integers only, no float arithmetic). */
function fenOf(text: string): number {
  const t = text.replace(/[\s,¥￥]/g, '');
  const m = /(-?)(\d+)(?:\.(\d{1,2}))?/.exec(t);
  if (!m) throw new Error(`no amount in "${text}"`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();
const previewOf = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/api/shop/checkout/preview') && r.status() === 200);

type PageLine = { title: string; amountFen: number; discounts: { label: string; fen: number }[]; payableFen: number };

/** The confirm page's goods lines as shown: unit × quantity, each discount line, the line's 小计. */
async function readLines(page: Page): Promise<PageLine[]> {
  const out: PageLine[] = [];
  const lines = page.locator('.checkout .lines .line');
  for (let i = 0; i < (await lines.count()); i++) {
    const line = lines.nth(i);
    if (await line.locator('.line__gift').count()) continue; // a 满赠 gift line costs nothing
    const unit = fenOf(await text(line.locator('.line__unit')));
    const qty = Number((await text(line.locator('.line__qty'))).replace('×', ''));
    const discounts = [];
    const rows = line.locator('.line__discount');
    for (let k = 0; k < (await rows.count()); k++) {
      const row = rows.nth(k);
      discounts.push({ label: await text(row.locator('.line__tag')), fen: -fenOf(await text(row.locator('uni-text').last())) });
    }
    const payable = fenOf(await text(line.locator('.line__payable-amount')));
    out.push({ title: await text(line.locator('.line__title')), amountFen: unit * qty, discounts, payableFen: payable });
  }
  return out;
}

/** The totals block (商品金额 … 还需支付) as label → signed fen, and the total. */
async function readTotals(page: Page): Promise<{ rows: Map<string, number>; totalFen: number }> {
  const block = page.locator('.checkout .rows:has(.row--total)');
  const rows = new Map<string, number>();
  const items = block.locator('.row:not(.row--total)');
  for (let i = 0; i < (await items.count()); i++) {
    const label = await text(items.nth(i).locator('.row__label'));
    const value = await text(items.nth(i).locator('.row__value'));
    rows.set(label, /^\s*-/.test(value) ? fenOf(value) : /\d/.test(value) ? fenOf(value) : 0);
  }
  return { rows, totalFen: fenOf(await text(block.locator('.row--total'))) };
}

describe.runIf(hasChromium)('loyalty journey: 签到 → 领券 → 满减 + coupon + points + balance → WeChat Pay → admin 试算', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });
  // On a busy machine the demo seed can outlast the harness's 90 s start-up wait: wait for health here too.
  beforeAll(async () => {
    for (const end = Date.now() + 300_000; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
      const ok = await fetch(`${ctx.koi.base}/api/health`).then((r) => r.ok, () => false);
      if (ok) return;
    }
    throw new Error('Koi did not come up within 5 minutes');
  }, 310_000);

  it('a shopper signs in for points, claims a coupon, and pays with 满减 + coupon + points + part balance, each discount explained per line', async () => {
    const base = ctx.koi.base;
    const page = await ctx.browser.newPage(mobile);
    await page.goto(`${base}/pages/login/login`);
    const { token } = await signInOnPage(page, base, SHOPPER.phone);

    // 每日签到 on 我的积分: the balance on the page grows by exactly what the button promised.
    await page.goto(`${base}/pages/member/points`);
    const signBtn = page.locator('uni-button', { hasText: /^签到 \+\d+$/ }).first();
    await signBtn.waitFor();
    const promised = Number((await text(signBtn)).replace(/\D/g, ''));
    const pointsBefore = Number(await text(page.locator('.head__value')));
    const signed = page.waitForResponse((r) => /\/signin$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST');
    await signBtn.click();
    const signRes = await signed;
    expect(signRes.status()).toBeLessThan(300);
    expect(((await signRes.json()) as { points: number }).points).toBe(promised);
    await page.locator('uni-button', { hasText: '今日已签到' }).waitFor();
    await page.locator('.head__value', { hasText: String(pointsBefore + promised) }).waitFor();
    await shot(page, 'loyalty-01-signed-in');

    // 领券中心: claim 会员 9 折券.
    await page.goto(`${base}/pages/coupon/center`);
    const card = page.locator('.card', { hasText: COUPON });
    await card.waitFor();
    const claimed = page.waitForResponse((r) => r.url().endsWith('/api/shop/coupons/claim'));
    await card.locator('uni-button', { hasText: '立即领取' }).click();
    expect((await claimed).status()).toBeLessThan(300);
    await card.locator('uni-button', { hasText: '已领取' }).waitFor();
    await shot(page, 'loyalty-02-coupon-claimed');

    // The cart: two SKUs, two of each (¥872: the running 满减 reaches 满 ¥600 减 ¥80).
    const cart = await api(base, '/api/shop/cart', { token });
    expect((cart.body.lines as unknown[]).length, 'the demo shopper starts with an empty cart').toBe(0);
    for (const pick of PICKS) {
      for (let n = 0; n < 2; n++) {
        await openPicker(page, base, pick.title, pick.chip);
        const added = page.waitForResponse((r) => r.url().endsWith('/api/shop/cart/lines') && r.request().method() === 'POST');
        await page.locator('.picker__actions uni-button', { hasText: '加入购物车' }).click();
        expect((await added).status()).toBe(200);
        await page.locator('.picker').waitFor({ state: 'hidden' });
      }
    }
    await page.goto(`${base}/pages/cart/index`);
    await page.locator('.line').nth(1).waitFor();
    await page.locator('.note__tag--on', { hasText: '已享' }).first().waitFor();
    await shot(page, 'loyalty-03-cart');

    let previewed = previewOf(page);
    await tapButton(page, /^结算\(4\)$/);
    await page.waitForURL(/\/pages\/checkout\/index/);
    await previewed;
    await page.locator('.addr__name').waitFor();

    // The coupon just claimed, chosen by the shopper.
    await page.locator('.checkout .cell', { hasText: '优惠券' }).first().click();
    await page.getByText('选择优惠券').waitFor();
    await page.locator('.coupon:not(.coupon--off)', { hasText: COUPON }).click();
    previewed = previewOf(page);
    await page.locator('.sheet__foot uni-button', { hasText: '确定' }).click();
    let preview = (await (await previewed).json()) as Json;
    await page.getByText('选择优惠券').waitFor({ state: 'hidden' });
    const couponId = ((preview.coupons as { id: string; name: string }[]).find((c) => c.name === COUPON))!.id;
    expect(preview.chosenCouponIds).toEqual([couponId]);

    // Points, then the balance: two switches, each priced again by the server.
    previewed = previewOf(page);
    await page.locator('.checkout .row', { hasText: '积分' }).first().locator('.wd-switch').click();
    preview = (await (await previewed).json()) as Json;
    expect((preview.points as { chosen: boolean; used: number }).chosen).toBe(true);
    expect((preview.points as { used: number }).used).toBeGreaterThan(0);
    previewed = previewOf(page);
    await page.locator('.checkout .row', { hasText: '余额' }).first().locator('.wd-switch').click();
    preview = (await (await previewed).json()) as Json;
    const balance = preview.balance as { chosen: boolean; balanceFen: number; usedFen: number };
    expect(balance.chosen).toBe(true);
    expect(balance.usedFen).toBe(balance.balanceFen); // all of it goes in …
    expect(preview.cashPayableFen as number).toBeGreaterThan(0); // … and pays only part of the order
    await page.waitForTimeout(300); // the page renders the last preview
    await shot(page, 'loyalty-04-confirm');

    // Per line, as shown: every discount named, and unit × qty − discounts = the line's 小计.
    const lines = await readLines(page);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      const labels = l.discounts.map((d) => d.label);
      expect(labels).toContain(PROMOTION);
      expect(labels).toContain(COUPON);
      expect(labels).toContain('积分抵扣');
      expect(l.discounts.every((d) => d.fen > 0)).toBe(true);
      expect(l.amountFen - l.discounts.reduce((a, d) => a + d.fen, 0)).toBe(l.payableFen);
    }
    const sumBy = (label: string) => lines.reduce((a, l) => a + l.discounts.filter((d) => d.label === label).reduce((x, d) => x + d.fen, 0), 0);

    // The totals block adds up, and agrees with the lines.
    const { rows, totalFen } = await readTotals(page);
    const row = (label: string) => rows.get(label) ?? 0;
    const goods = lines.reduce((a, l) => a + l.amountFen, 0);
    expect(row('商品金额')).toBe(goods);
    expect(-row('优惠券')).toBe(sumBy(COUPON));
    expect(-row('积分抵扣')).toBe(sumBy('积分抵扣'));
    expect(-row('活动优惠')).toBeGreaterThanOrEqual(sumBy(PROMOTION)); // with any other promotion the checkout adds
    expect(-row('余额支付')).toBe(balance.usedFen);
    expect([...rows.values()].reduce((a, b) => a + b, 0)).toBe(totalFen);
    const linesPayable = lines.reduce((a, l) => a + l.payableFen, 0);
    expect(linesPayable + row('运费') + row('运费优惠') + row('余额支付')).toBe(totalFen);
    expect(totalFen).toBe(preview.cashPayableFen);
    expect(await text(page.locator('.checkout .row', { hasText: '积分' }).first().locator('.row__value'))).toContain(String((preview.points as { used: number }).used));

    const placed = page.waitForResponse((r) => r.url().endsWith('/api/shop/orders') && r.request().method() === 'POST');
    await tapButton(page, '提交订单');
    const placedRes = await placed;
    expect(placedRes.status()).toBe(201);
    const order = (await placedRes.json()) as { id: string; orderNo: string; status: string; payableFen: number; balanceFen: number };
    expect(order.status).toBe('pending_payment');
    expect(order.balanceFen).toBe(balance.usedFen);
    expect(order.payableFen - order.balanceFen).toBe(totalFen);

    // The rest through the WeChat Pay simulator's cashier, which shows that amount.
    await page.waitForURL(/\/pages\/order\/detail\?id=/);
    await page.getByText('选择支付方式').waitFor();
    await shot(page, 'loyalty-05-pay-sheet');
    await tapButton(page, /^立即支付/);
    await page.waitForURL((url) => !url.pathname.startsWith('/pages/'), { timeout: 30_000 });
    await page.getByText('确认支付').first().waitFor();
    const yuanText = `${Math.floor(totalFen / 100)}.${String(totalFen % 100).padStart(2, '0')}`;
    expect((await page.textContent('body'))!.replace(/,/g, '')).toContain(yuanText);
    await shot(page, 'loyalty-06-wechat-cashier');
    await page.getByText('确认支付').first().click();
    await page.waitForURL(/\/pages\/order\/detail\?id=.*paid=1/, { timeout: 30_000 });
    await page.getByText('支付成功').waitFor({ timeout: 45_000 });
    await shot(page, 'loyalty-07-paid');

    const after = await api(base, `/api/shop/orders/${order.id}`, { token });
    expect(after.body.status).toBe('paid');
    expect(after.body.balanceFen).toBe(balance.usedFen);
  });

  it('the operator drafts 满300减40 and sees its cost on the demo orders (试算)', async () => {
    const page = await ctx.browser.newPage(desktop);
    await signInAdmin(page, ctx.koi.base);
    await page.goto(`${ctx.koi.base}/admin/promotions`);
    await page.getByRole('button', { name: '新建活动' }).click();
    const dialog = page.getByRole('dialog', { name: '新建满减活动' });
    await dialog.waitFor();
    await dialog.locator('.el-radio-button', { hasText: /^满减$/ }).click();
    await dialog.getByPlaceholder('例如：春茶季满减').fill('满300减40');
    const tier = dialog.locator('.el-form-item', { hasText: '优惠门槛' }).locator('input');
    await tier.nth(0).fill('300');
    await tier.nth(1).fill('40');

    const ran = page.waitForResponse((r) => r.url().endsWith('/api/admin/promotions/dry-run'));
    await dialog.getByRole('button', { name: '试算' }).click();
    const res = await ran;
    expect(res.status()).toBe(200);
    const r = (await res.json()) as {
      ordersScanned: number; ordersTouched: number; discountCostFen: number; revenueBeforeFen: number; revenueAfterFen: number;
      aovBeforeFen: number; aovAfterFen: number; sample: { orderNo: string; deltaFen: number }[]; openCarts: { cartsScanned: number };
    };
    const result = page.getByRole('dialog', { name: '试算：满300减40' });
    await result.locator('[data-test="dry-run-cost"]').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'loyalty-08-admin-dry-run');

    // The demo orders were replayed and the draft costs something on them (满 ¥300 beats 满 ¥300 减 ¥30 by ¥10).
    expect(r.ordersScanned).toBeGreaterThan(0);
    expect(r.ordersTouched).toBeGreaterThan(0);
    expect(r.revenueBeforeFen - r.revenueAfterFen).toBe(r.discountCostFen);
    const cost = fenOf(await text(result.locator('[data-test="dry-run-cost"] .dry-run__value')));
    expect(cost).toBe(r.discountCostFen);
    expect(cost).toBeGreaterThan(0);
    expect(Number(await text(result.locator('[data-test="dry-run-orders"] .dry-run__value')))).toBe(r.ordersTouched);
    expect(await text(result.locator('[data-test="dry-run-orders"] .dry-run__sub'))).toContain(String(r.ordersScanned));

    // The sample table: 原应付 − 试算应付 = 少收 on every row, and together no more than the cost.
    const sampleRows = result.locator('[data-test="dry-run-sample"] .el-table__body tr');
    const n = await sampleRows.count();
    expect(n).toBe(Math.min(10, r.ordersTouched));
    let sampled = 0;
    for (let i = 0; i < n; i++) {
      const cells = sampleRows.nth(i).locator('td');
      const [before, afterFen, delta] = [fenOf(await text(cells.nth(2))), fenOf(await text(cells.nth(3))), fenOf(await text(cells.nth(4)))];
      expect(before - afterFen).toBe(delta);
      expect(delta).toBeGreaterThan(0);
      sampled += delta;
    }
    if (r.ordersTouched <= 10) expect(sampled).toBe(cost);
    else expect(sampled).toBeLessThanOrEqual(cost);
    await result.locator('[data-test="dry-run-carts"]').waitFor();
  });
});
