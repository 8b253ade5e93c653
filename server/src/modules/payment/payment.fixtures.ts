import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TPayChannel } from '@koi/contracts';
import type { Koi } from '../../app.ts';
import { clock } from '../../platform/clock.ts';
import type { StartPaymentInput } from './start-payment.ts';

/** Test helpers for the payment module (integration tests import them; production code does not). */

export function orderPayment(koi: Koi, channel: TPayChannel, over: Partial<StartPaymentInput> = {}): StartPaymentInput {
  return {
    payableType: 'order',
    payableId: randomUUID(),
    outTradeNo: `2611221800${String(randomInt(10 ** 8)).padStart(8, '0')}`,
    amountFen: 12_900,
    description: '青瓷小筑 · 汝窑天青盖碗 等2件商品',
    channel,
    clientIp: '10.1.1.8',
    expiresAt: new Date(clock.now().getTime() + 30 * 60_000),
    returnUrl: `${koi.config.publicUrl}/#/pages/order/detail?id=1`,
    ...(channel === 'wechat_jsapi' ? { openid: 'oKoiTestOpenid000000000000001' } : {}),
    ...over,
  };
}

export async function eventsOf<T = Record<string, unknown>>(koi: Koi, topic: string): Promise<T[]> {
  const rows = await koi.db.rows<{ payload: T | string }>(sql`select payload from outbox_events where topic = ${topic} order by id`);
  return rows.map((r) => (typeof r.payload === 'string' ? (JSON.parse(r.payload) as T) : r.payload));
}

export async function callbacksOf(koi: Koi, outTradeNo: string) {
  return koi.db.rows<{ provider: string; kind: string; outcome: string; reason: string | null }>(
    sql`select provider, kind, outcome, reason from payment_callbacks where out_trade_no = ${outTradeNo} order by received_at, id`);
}

/** A path + query of a URL under Koi's public URL, for inject. */
export function localPath(koi: Koi, url: string): string {
  if (!url.startsWith(koi.config.publicUrl)) throw new Error(`not a Koi URL: ${url}`);
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/** Reads the cashier form (action and hidden fields) out of a cashier page. */
export function cashierForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no cashier form in: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[m[1]!] = m[2]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
  }
  return { action, fields };
}

/** Opens a cashier URL and presses 确认支付 (or 取消支付); returns the final response of the form post. */
export async function payInCashier(koi: Koi, url: string, decision: 'pay' | 'cancel' = 'pay') {
  const page = await koi.app.inject({ method: 'GET', url: localPath(koi, url) });
  if (page.statusCode !== 200) throw new Error(`cashier ${page.statusCode}: ${page.body.slice(0, 300)}`);
  const form = cashierForm(page.body);
  const res = await koi.app.inject({
    method: 'POST',
    url: form.action,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...form.fields, decision }).toString(),
  });
  return { page, res };
}
