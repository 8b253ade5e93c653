import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';
import { api, desktop, mobile, SHOPPER, signInAdmin, signInOnPage, tapButton } from './shop-journey.ts';

/**
 * Issue 6's path after payment, in a real browser against the real server and its simulators:
 * A. the operator ships a paid express order of the demo shopper 张雅琴 in 发货管理 (顺丰, a number in
 *    顺丰's format); the simulated Kuaidi100 moves the parcel three days on and pushes its signed
 *    callbacks; the shopper sees the timeline down to 签收, confirms receipt, rates the line, and the
 *    product page shows the review.
 * B. on that completed order the shopper asks to return one unit for a refund; the operator approves in
 *    售后管理 with the default return address; the shopper enters the return courier and number; the
 *    operator confirms receipt with 退回库存 ticked; the refund goes through the payment simulator (its
 *    callback delivered by the server's workers); the SKU's stock is back up by that unit and the
 *    shopper's order shows the refund on the line.
 */

type Line = { id: string; skuId: string; productId: string; title: string; quantity: number };
type OrderDetail = { id: string; orderNo: string; status: string; address: unknown; delivery?: { method: string }; lines: Line[]; actions: string[] };
type AfterSaleLine = { lineId: string; title: string; quantity: number; refundedQuantity: number; refundedFen: number; availableQuantity: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the element stops moving (a drawer sliding in, a tag zooming in) so a screenshot shows it at rest. */
const settled = (l: Locator): Promise<void> => l.click({ trial: true });

/** "¥1,280.00", as the shop prints fen (web/shop/src/utils/money.ts). */
function yuan(fen: number): string {
  return `¥${String(Math.trunc(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(fen % 100).padStart(2, '0')}`;
}

/** Asks `read` every `everyMs` until `done` holds for its answer; fails after `tries` reads with the last answer. */
async function pollUntil<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, tries: number, everyMs = 1000): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    if (i > 0) await sleep(everyMs);
    last = await read();
    if (done(last)) return last;
  }
  throw new Error(`${what}: not reached after ${tries} tries; last: ${JSON.stringify(last)}`);
}

describe.runIf(hasChromium)('after payment: ship, track, receive, review; return and refund', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });
  const base = (): string => ctx.koi.base;
  const TRACKING_NO = `SF${Date.now()}`; // 顺丰: SF + 13 digits
  const REVIEW = '包裹三天就到了，包装严实没有一点磕碰，实物和图片一样，很满意。';
  let shopper: Page;
  let admin: Page;
  let token = '';
  let adminToken = '';
  let order: OrderDetail;
  let line: Line;
  let refundedBefore = { quantity: 0, fen: 0 };

  it('ship → tracking events → confirm receipt → the review shows on the product', async () => {
    // The shopper signs in first (the test needs their token to find their paid express order).
    shopper = await ctx.browser.newPage(mobile);
    await shopper.goto(`${base()}/pages/login/login`);
    token = (await signInOnPage(shopper, base(), SHOPPER.phone)).token;
    const paid = await api(base(), '/api/shop/orders?status=paid&page=1', { token });
    const candidates: OrderDetail[] = [];
    for (const o of paid.body.items as { id: string }[]) {
      const d = (await api(base(), `/api/shop/orders/${o.id}`, { token })).body as unknown as OrderDetail;
      if (d.status === 'paid' && d.address && (d.delivery?.method ?? 'express') === 'express') candidates.push(d);
    }
    expect(candidates.length).toBeGreaterThan(0);
    order = candidates[0]!;

    // 发货管理 → 待发货: the operator finds the order and ships it whole with 顺丰.
    admin = await ctx.browser.newPage(desktop);
    await signInAdmin(admin, base());
    adminToken = ((await api(base(), '/api/admin/auth/login', { method: 'POST', body: { email: 'operator@koi.demo', password: 'koi-demo-2026' } })).body.token as string);
    await admin.goto(`${base()}/admin/shipping-queue`);
    await admin.getByRole('tab', { name: /待发货/ }).waitFor();
    await admin.getByPlaceholder('订单号 / 运单号 / 手机号').fill(order.orderNo);
    await admin.getByRole('button', { name: '查询' }).click();
    const row = admin.locator('.el-table__row', { hasText: order.orderNo });
    await row.waitFor();
    await shot(admin, 'after-payment-01-admin-to-ship');
    await row.getByRole('button', { name: '发货' }).first().click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText(`订单发货 · ${order.orderNo}`).waitFor();
    await dialog.locator('.el-select').click();
    await admin.locator('.el-select-dropdown__item', { hasText: '顺丰速运' }).click();
    await dialog.getByPlaceholder('扫描或输入运单号').fill(TRACKING_NO);
    await shot(admin, 'after-payment-02-admin-ship-dialog');
    const shipped = admin.waitForResponse((r) => r.url().endsWith(`/api/admin/shipping/orders/${order.id}/ship`));
    await dialog.getByRole('button', { name: '确认发货' }).click();
    const shipRes = await shipped;
    expect(shipRes.status()).toBe(200);
    expect(((await shipRes.json()) as { orderStatus: string }).orderStatus).toBe('shipped');
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByRole('tab', { name: /已发货/ }).click();
    await admin.locator('.el-table__row', { hasText: TRACKING_NO }).waitFor();
    await shot(admin, 'after-payment-03-admin-shipped');

    // Three days pass for the parcel: the simulated Kuaidi100 (once the server's job has subscribed
    // the number) moves it along and pushes its signed callbacks at once.
    const pushed = await pollUntil('kuaidi100 simulator fast-forward', async () => {
      const res = await fetch(`${base()}/sim/kuaidi100/parcels/shunfeng/${TRACKING_NO}/fast-forward?hours=72`, { method: 'POST' });
      return ((await res.json()) as { pushed: number }).pushed;
    }, (n) => n > 0, 90);
    expect(pushed).toBeGreaterThan(0);

    // The shopper's order: the timeline down to 签收, then 确认收货.
    await shopper.goto(`${base()}/pages/order/detail?id=${order.id}`);
    const tracking = shopper.locator('[data-test=order-tracking]');
    await tracking.waitFor();
    await tracking.getByText(`顺丰速运 ${TRACKING_NO}`).waitFor();
    await tracking.locator('.trk__state', { hasText: '签收' }).waitFor();
    await tracking.locator('.trk__more').click();
    const events = tracking.locator('.trk__event');
    await events.nth(4).waitFor();
    expect(await events.count()).toBeGreaterThanOrEqual(5);
    await expect.poll(() => events.first().innerText()).toContain('签收');
    expect(await events.last().innerText()).toContain('揽收');
    // Places read as couriers print them: 【杭州市】, not the region's raw "省,市" parts.
    expect(await tracking.innerText()).not.toMatch(/【[^】]*[,，]/);
    await tracking.getByText(/将自动确认收货/).waitFor();
    await shot(shopper, 'after-payment-04-shopper-tracking');

    await tapButton(shopper, '确认收货');
    await shopper.getByText('请确认已经收到商品，确认后交易完成。').waitFor();
    const confirmed = shopper.waitForResponse((r) => r.url().endsWith(`/api/shop/orders/${order.id}/confirm-receipt`));
    await shopper.locator('.wd-message-box uni-button', { hasText: '确认收货' }).click();
    expect((await confirmed).status()).toBe(200);
    await shopper.locator('.wd-message-box').waitFor({ state: 'hidden' });
    await shopper.locator('.ore uni-button', { hasText: '评价' }).waitFor();
    expect(((await api(base(), `/api/shop/orders/${order.id}`, { token })).body as { status: string }).status).toBe('completed');
    await shot(shopper, 'after-payment-05-shopper-received');

    // The line to rate (and later return): the one with the most units still open to after-sales.
    const as = (await api(base(), `/api/shop/orders/${order.id}/aftersales`, { token })).body as { kinds: string[]; lines: AfterSaleLine[] };
    const pick = [...as.lines].sort((a, b) => b.availableQuantity - a.availableQuantity)[0]!;
    expect(pick.availableQuantity).toBeGreaterThan(0);
    line = order.lines.find((l) => l.id === pick.lineId)!;
    refundedBefore = { quantity: pick.refundedQuantity, fen: pick.refundedFen };

    await shopper.locator('.ore uni-button', { hasText: '评价' }).click();
    await shopper.waitForURL(/\/pages\/review\/write\?orderId=/);
    const card = shopper.locator('.wc', { hasText: line.title });
    await card.locator('textarea').fill(REVIEW);
    await shot(shopper, 'after-payment-06-review-write');
    const posted = shopper.waitForResponse((r) => r.url().endsWith('/api/shop/reviews') && r.request().method() === 'POST');
    await card.locator('uni-button', { hasText: '发表评价' }).click();
    const reviewRes = await posted;
    expect(reviewRes.status()).toBe(201);
    const review = (await reviewRes.json()) as { id: string; rating: number };
    expect(review.rating).toBe(5);
    await card.getByText(REVIEW).waitFor();

    // The product page's review block shows it (photos and pinned ones come first: the full list otherwise).
    await shopper.goto(`${base()}/pages/product/product?id=${line.productId}`);
    const block = shopper.locator('.pr');
    await block.waitFor();
    await block.scrollIntoViewIfNeeded();
    const preview = (await api(base(), `/api/shop/products/${line.productId}/reviews/preview`)).body as { items: { id: string }[] };
    if (preview.items.some((r) => r.id === review.id)) {
      await block.locator('.ri', { hasText: REVIEW }).waitFor();
      await shot(shopper, 'after-payment-07-product-review');
    } else {
      await shot(shopper, 'after-payment-07-product-review');
      await block.locator('.pr__all').click();
      await shopper.waitForURL(/\/pages\/review\/list\?productId=/);
      await shopper.locator('.ri', { hasText: REVIEW }).waitFor();
      await shot(shopper, 'after-payment-07b-product-review-list');
    }
  }, 300_000);

  it('return and refund: request → approve → return tracking → receive and restock → refunded through the simulator', async () => {
    expect(line).toBeDefined();
    // 申请售后 on the line: 退货退款, one unit, a reason.
    await shopper.goto(`${base()}/pages/order/detail?id=${order.id}`);
    const entry = shopper.locator('.oae__line', { hasText: line.title });
    await entry.locator('uni-button', { hasText: '申请售后' }).click();
    await shopper.waitForURL(/\/pages\/aftersale\/apply\?orderId=/);
    await shopper.locator('.kind', { hasText: '退货退款' }).click();
    await shopper.locator('.kind--on', { hasText: '退货退款' }).waitFor();
    const stepper = shopper.locator('.wd-input-number');
    while (Number(await stepper.locator('input').inputValue()) > 1) {
      const before = await stepper.locator('input').inputValue();
      await stepper.locator('.wd-input-number__action').first().click();
      await expect.poll(() => stepper.locator('input').inputValue()).not.toBe(before);
    }
    await shopper.locator('.chip', { hasText: '商品破损' }).click();
    await shopper.locator('.wd-textarea textarea').fill('其中一只杯口有细小磕碰，拍照留了证据，申请退回这一只。');
    await shopper.locator('.amount__max').waitFor();
    await shot(shopper, 'after-payment-08-aftersale-apply');
    const applied = shopper.waitForResponse((r) => r.url().endsWith('/api/shop/aftersales') && r.request().method() === 'POST');
    await shopper.locator('.bar uni-button', { hasText: '提交申请' }).click();
    const applyRes = await applied;
    expect(applyRes.status()).toBeLessThan(300);
    const afterSale = (await applyRes.json()) as { id: string; afterSaleNo: string; kind: string; amountFen: number; lines: { lineId: string; quantity: number }[] };
    expect(afterSale.kind).toBe('return_refund');
    expect(afterSale.lines).toEqual([expect.objectContaining({ lineId: line.id, quantity: 1 })]);
    expect(afterSale.amountFen).toBeGreaterThan(0);
    await shopper.waitForURL(/\/pages\/aftersale\/detail\?id=/);
    await shopper.locator('.banner__status', { hasText: '待商家处理' }).waitFor();
    await shot(shopper, 'after-payment-09-aftersale-requested');

    // 售后管理: the operator approves with the default return address.
    const openDrawer = async () => {
      // 售后管理 opened with ?q=<售后单号> (as from an order's detail) lists that request whatever its tab.
      await admin.goto(`${base()}/admin/aftersales?q=${afterSale.afterSaleNo}`);
      const row = admin.locator('.el-table__row', { hasText: afterSale.afterSaleNo });
      await row.waitFor();
      await row.getByRole('button', { name: '处理' }).first().click();
      const drawer = admin.locator('.el-drawer', { hasText: `售后详情 ${afterSale.afterSaleNo}` });
      await drawer.waitFor();
      await settled(drawer.locator('.el-tag').first());
      return drawer;
    };
    let drawer = await openDrawer();
    await expect.poll(() => drawer.locator('.asd__form input').last().inputValue()).toContain('青瓷小筑仓库');
    await shot(admin, 'after-payment-10-admin-approve');
    const approved = admin.waitForResponse((r) => r.url().includes(`/api/admin/aftersales/${afterSale.id}/approve`));
    await drawer.getByRole('button', { name: '同意' }).click();
    expect((await approved).status()).toBe(200);
    await drawer.locator('.el-tag', { hasText: '待买家退货' }).first().waitFor();
    await drawer.locator('.el-drawer__close-btn').click();
    await drawer.waitFor({ state: 'hidden' });

    // The shopper sends it back and enters the courier and number.
    await shopper.reload();
    await shopper.locator('.banner__status', { hasText: '待寄回商品' }).waitFor();
    await shopper.getByText('青瓷小筑售后组').waitFor();
    await shopper.locator('.wd-input', { hasText: '快递公司' }).locator('input').fill('顺丰速运');
    await shopper.locator('.wd-input', { hasText: '快递单号' }).locator('input').fill(`SF${Date.now() + 1}`);
    await shot(shopper, 'after-payment-11-aftersale-ship-back');
    const sentBack = shopper.waitForResponse((r) => r.url().endsWith(`/api/shop/aftersales/${afterSale.id}/ship-back`));
    await shopper.locator('.card', { hasText: '填写退货物流' }).locator('uni-button', { hasText: '确定' }).click();
    expect((await sentBack).status()).toBe(200);
    await shopper.locator('.banner__status', { hasText: '待商家收货' }).waitFor();
    await shopper.getByText(/退货物流：顺丰速运 SF\d+/).waitFor();

    // The operator confirms receipt with 退回库存 ticked; the refund starts by itself.
    const stockOf = async () => {
      const p = await api(base(), `/api/admin/catalog/products/${line.productId}`, { token: adminToken });
      expect(p.status).toBe(200);
      return (p.body.skus as { id: string; stock: number }[]).find((s) => s.id === line.skuId)!.stock;
    };
    const stockBefore = await stockOf();
    drawer = await openDrawer();
    await drawer.getByText('买家已寄回').first().waitFor();
    const restock = drawer.locator('.el-checkbox', { hasText: '商品完好，退回库存' });
    if (!(await restock.getAttribute('class'))?.includes('is-checked')) await restock.click();
    await expect.poll(() => restock.getAttribute('class')).toContain('is-checked');
    await shot(admin, 'after-payment-12-admin-receive');
    const received = admin.waitForResponse((r) => r.url().includes(`/api/admin/aftersales/${afterSale.id}/receive`));
    await drawer.getByRole('button', { name: '确认收货' }).click();
    const receiveRes = await received;
    expect(receiveRes.status()).toBe(200);
    expect(receiveRes.request().postDataJSON()).toMatchObject({ restock: true });

    // The WeChat Pay / Alipay simulator's refund callback arrives through the server's workers.
    const done = await pollUntil('after-sale refunded', async () => (await api(base(), `/api/shop/aftersales/${afterSale.id}`, { token })).body as { status: string; refundedFen: number; restocked: boolean },
      (a) => a.status === 'refunded' || a.status === 'refund_failed', 150);
    expect(done.status).toBe('refunded');
    expect(done.refundedFen).toBe(afterSale.amountFen);
    expect(done.restocked).toBe(true);
    expect(await stockOf()).toBe(stockBefore + 1);
    drawer = await openDrawer();
    await drawer.locator('.el-tag', { hasText: '已退款' }).first().waitFor();
    await shot(admin, 'after-payment-13-admin-refunded');

    // The shopper's after-sale and order show the refund, on the line.
    await shopper.reload();
    await shopper.locator('.banner__status', { hasText: '退款成功' }).waitFor();
    await shopper.getByText(`已退 ${yuan(afterSale.amountFen)}`).first().waitFor();
    await shot(shopper, 'after-payment-14-aftersale-refunded');
    await shopper.goto(`${base()}/pages/order/detail?id=${order.id}`);
    const refundedLine = shopper.locator('.oae__line', { hasText: line.title });
    const lines = (await api(base(), `/api/shop/orders/${order.id}/aftersales`, { token })).body as { lines: AfterSaleLine[] };
    const after = lines.lines.find((l) => l.lineId === line.id)!;
    expect(after.refundedQuantity).toBe(refundedBefore.quantity + 1);
    expect(after.refundedFen).toBe(refundedBefore.fen + afterSale.amountFen);
    await refundedLine.locator('.oae__refund', { hasText: `已退款 ${after.refundedQuantity} 件 · ${yuan(after.refundedFen)}` }).waitFor();
    await refundedLine.scrollIntoViewIfNeeded();
    await shot(shopper, 'after-payment-15-order-refunded');
  }, 300_000);
});
