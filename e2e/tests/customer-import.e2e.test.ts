import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, shot, useKoiAndBrowser } from '../harness.ts';

/** Splits one CSV line (the sample's cells have no embedded newlines). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

describe.runIf(hasChromium)('customer import in Chromium', () => {
  const ctx = useKoiAndBrowser({ beforeAll, afterAll });
  const dir = mkdtempSync(path.join(tmpdir(), 'koi-e2e-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the operator imports a 1,000-row Taobao export: mapping, progress, rejected rows, customers with their source and history', async () => {
    // The sample an operator downloads from the page ("下载示例文件"), 1,000 rows: GBK, as Taobao exports it.
    const login = await fetch(`${ctx.koi.base}/api/admin/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@koi.demo', password: 'koi-demo-2026' }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${ctx.koi.base}/api/admin/customer-imports/sample?platform=taobao&rows=1000`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const file = path.join(dir, '淘宝订单报表.csv');
    writeFileSync(file, bytes);
    const lines = new TextDecoder('gbk').decode(bytes).trim().split('\r\n');
    expect(lines).toHaveLength(1001);
    const header = cells(lines[0]!);
    const first = cells(lines[1]!);
    const buyer = first[header.indexOf('买家会员名')]!;
    const orderNo = first[header.indexOf('订单编号')]!;

    const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    await page.goto(`${ctx.koi.base}/admin/`);
    await page.getByLabel('邮箱').fill('owner@koi.demo');
    await page.getByLabel('密码').fill('koi-demo-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('沈青禾').first().waitFor();
    await page.getByRole('menuitem', { name: '客户导入' }).click();
    await page.getByText('将订单报表拖到此处').waitFor();
    await shot(page, 'customer-import-01-upload');

    await page.locator('[data-test="ci-upload"] input[type=file]').setInputFiles(file);
    const recognised = page.locator('[data-test="ci-recognised"]');
    await recognised.waitFor();
    expect(await recognised.innerText()).toContain('已识别为「淘宝/天猫」订单报表');
    expect(await recognised.innerText()).toContain('GBK');
    expect(await page.locator('[data-test="ci-field-orderNo"]').innerText()).toContain('订单编号');
    expect(await page.locator('[data-test="ci-field-amount"]').innerText()).toContain('买家实际支付金额');
    expect(await page.locator('[data-test="ci-field-phone"]').innerText()).toContain('联系手机');
    await shot(page, 'customer-import-02-mapping');

    await page.locator('[data-test="ci-start"]').click();
    await page.locator('[data-test="ci-progress-bar"]').waitFor();
    await shot(page, 'customer-import-03-progress');
    await page.locator('[data-test="ci-result"]').waitFor({ timeout: 90_000 });
    // A finished bar shows a tick instead of its text; its value is still on the progressbar role.
    expect(await page.locator('[data-test="ci-progress-bar"]').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.locator('[data-test="ci-status"]').innerText()).toBe('已完成');
    // One row in 40 of the sample is broken: 25 rejected rows, each with its reason in the report.
    expect(await page.locator('[data-test="ci-rejected"]').innerText()).toContain('25 行未导入');
    expect(await page.locator('[data-test="ci-result"]').innerText()).toContain('975 个订单');
    await shot(page, 'customer-import-04-done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="ci-report"]').click()]);
    const report = readFileSync(await download.path()).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(report).toHaveLength(26);
    expect(report[0]).toMatch(/^行号,原因,订单编号/);
    expect(report.join('\n')).toContain('缺少订单编号');
    expect(report.join('\n')).toContain('金额「十二元」无法识别');

    // The history lists it; the customers list shows the buyer with their source, and the 360 page their Taobao order.
    expect(await page.locator('[data-test="ci-history"]').innerText()).toContain('淘宝订单报表.csv');
    await page.getByRole('menuitem', { name: '客户', exact: true }).click();
    await page.getByPlaceholder('姓名 / 手机号 / 手机尾号 / 买家ID').fill(buyer);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const row = page.locator('.el-table__row').filter({ hasText: '淘宝/天猫' }).first();
    await row.waitFor();
    await shot(page, 'customer-import-05-customers');
    await page.getByRole('link', { name: '查看' }).first().click();
    await page.getByRole('tab', { name: '导入订单' }).click();
    const panel = page.locator('[data-test="customer-imported-orders"]');
    await panel.getByText(orderNo).waitFor();
    expect(await panel.innerText()).toContain('淘宝/天猫');
    await shot(page, 'customer-import-06-customer-360');
  });
});
