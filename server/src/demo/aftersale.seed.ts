import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';

type SeedKoi = Pick<Koi, 'identity' | 'orders' | 'payment' | 'bus' | 'aftersales'>;

const HOUR = 3_600_000;

/** The paid order of a demo shopper still in a status after-sales accepts (the newest first). */
async function paidOrderOf(koi: SeedKoi, phone: string, statuses: readonly string[]) {
  const customerId = await koi.identity.shoppers.ensureByPhone(phone, '');
  const { rows } = await koi.orders.queries.listForCustomer(customerId, 'all', 1, 20);
  // The oldest such order: the demo's history, not one a later seed placed just now.
  const hit = [...rows].reverse().find((r) => statuses.includes(r.order.status) && r.order.paidAt);
  return hit ? { customerId, order: hit.order, lines: hit.lines } : null;
}

/**
 * After-sales of the demo, made through the after-sale service like a shopper and the merchant do:
 * the merchant's settings (48 h to answer, a default return address), one refund-only request
 * waiting for an answer (its deadline counting down in the admin queue), and one refunded through
 * the WeChat Pay simulator's refund callback.
 */
export async function seedAfterSales(koi: SeedKoi): Promise<number> {
  await koi.aftersales.settings.put({
    autoApproveHours: 48,
    requestWindowDays: 7,
    couponReturn: 'full_refund_before_shipping',
    restockByDefault: true,
    returnAddress: { name: '青瓷小筑售后组', mobile: '0571-87016688', address: '浙江省杭州市西湖区南山路 218 号 青瓷小筑仓库（售后）' },
  });
  let made = 0;

  // Refunded: 13916880001 asked two days ago for one unit of their first line; the merchant agreed.
  const first = await paidOrderOf(koi, '13916880001', ['paid', 'shipped']);
  if (first?.lines[0]) {
    const back = Math.max(0, Math.min(46 * HOUR, clock.now().getTime() - first.order.paidAt!.getTime() - 4 * HOUR));
    let moved = -back;
    clock.advance(-back);
    try {
      const id = await koi.aftersales.apply(first.customerId, {
        orderId: first.order.id, kind: 'refund_only', items: [{ lineId: first.lines[0].id, quantity: 1 }],
        reason: 'damaged', description: '收到时杯口有一个小缺口，和客服沟通后申请退这一件。', photos: [],
      });
      const answer = Math.min(3 * HOUR, back);
      clock.advance(answer);
      moved += answer;
      await koi.aftersales.ops.approve(id);
      // The simulator's refund callback arrives minutes later, then the events (refunded, order views).
      clock.advance(Math.min(5 * 60_000, back - answer));
      moved += Math.min(5 * 60_000, back - answer);
      await koi.payment.simulators?.notifications.runDue();
      while ((await koi.bus.dispatchOnce()) > 0);
    } finally {
      clock.advance(-moved);
    }
    made++;
  }

  // Pending: 13916880003 asks for a refund of one of their two cups, a few hours after paying.
  const third = await paidOrderOf(koi, '13916880003', ['paid', 'shipped']);
  if (third?.lines[0]) {
    const back = Math.max(0, Math.min(40 * HOUR, clock.now().getTime() - third.order.paidAt!.getTime() - 2 * HOUR));
    clock.advance(-back);
    try {
      await koi.aftersales.apply(third.customerId, {
        orderId: third.order.id, kind: 'refund_only', items: [{ lineId: third.lines[0].id, quantity: 1 }],
        reason: 'not_wanted', description: '买重了，家里已经有同款，想退一件。', photos: [],
      });
    } finally {
      clock.advance(back);
    }
    made++;
  }

  // Anything the simulator still owes (a callback not due yet in the past) is delivered now.
  await koi.payment.simulators?.notifications.runDue();
  while ((await koi.bus.dispatchOnce()) > 0);
  return made;
}
