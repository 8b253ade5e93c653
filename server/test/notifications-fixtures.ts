import { sql } from 'drizzle-orm';
import type { TMessageSend, TOrderPaidEvent } from '@koi/contracts';
import { call, type TestKoi } from './harness.ts';
import { clock } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';
import { listSends } from '../src/modules/messaging/send-log.ts';

/** A shopper who signed in inside the mini-program (so they have an mp openid and no phone). */
export async function wechatShopper(koi: TestKoi, user: string): Promise<{ id: string; token: string; openid: string }> {
  const { body: { code } } = await call(koi, 'POST', '/sim/wechat/mp/login', { user });
  const login = await call(koi, 'POST', '/api/shop/auth/login/wechat', { code, kind: 'mp' });
  if (login.status !== 200) throw new Error(`wechat login failed: ${JSON.stringify(login.body)}`);
  const token = login.body.token as string;
  const me = await call(koi, 'GET', '/api/shop/me', undefined, { token });
  const contacts = await koi.identity.contactsOf(me.body.id);
  return { id: me.body.id, token, openid: contacts.mpOpenid! };
}

/**
 * Test set-up only: gives a WeChat shopper a sign-in phone as well (identity has no phone-binding
 * route yet), so both channels can reach them.
 */
export async function bindPhone(koi: TestKoi, shopperId: string, phone: string): Promise<void> {
  await koi.db.run((q) => q.execute(sql`insert into shopper_logins (id, shopper_id, kind, value, created_at) values (${newId()}, ${shopperId}, 'phone', ${phone}, ${clock.now()})`));
}

/**
 * An `order.paid` payload for `customerId`. Other subscribers of order.paid (fulfilment, loyalty, catalog
 * sales) read the order by id, so the event names a real demo order; the notification reads only the
 * payload, so the customer, number, amount and lines are the test's own.
 */
export async function orderPaid(koi: TestKoi, base: { orderNo: string; customerId: string; at: string }, paidFen: number, quantities: number[]): Promise<TOrderPaidEvent> {
  const [real] = await koi.db.rows<{ payload: TOrderPaidEvent | string }>(sql`select payload from outbox_events where topic = 'order.paid' order by id limit 1`);
  if (!real) throw new Error('no paid demo order (seed the demo)');
  const demo = typeof real.payload === 'string' ? (JSON.parse(real.payload) as TOrderPaidEvent) : real.payload;
  return {
    ...demo, ...base, orderId: demo.orderId, payableFen: paidFen, paidFen,
    lines: quantities.map((quantity, i) => ({ ...demo.lines[i % demo.lines.length]!, quantity, payableFen: Math.floor(paidFen / quantities.length) })),
  };
}

export async function sendsOf(koi: TestKoi, customerId: string): Promise<TMessageSend[]> {
  return (await listSends(koi.db, { page: 1, pageSize: 200, customerId })).items;
}
