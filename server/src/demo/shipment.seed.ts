import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';

type SeedKoi = Pick<Koi, 'identity' | 'orders' | 'shipments' | 'bus'>;
const HOUR = 3_600_000;

/**
 * Shipping in the demo, done the way the operator does it: 王浩然's paid order (13916880002) is
 * split in two packages — the first handed to 顺丰 the morning after payment and since signed for,
 * the second to 圆通 a few hours ago and on its way — each subscribed with the Kuaidi100 simulator,
 * whose pushes built the timelines. The other paid orders wait in the 待发货 tab.
 */
export async function seedShipments(koi: SeedKoi): Promise<number> {
  const sim = koi.shipments.simulator;
  if (!sim) return 0;
  const customerId = await koi.identity.shoppers.ensureByPhone('13916880002', '');
  const { rows } = await koi.orders.queries.listForCustomer(customerId, 'paid', 1, 5);
  const hit = rows.find((r) => r.order.paidAt && r.lines.length > 0);
  if (!hit) return 0;
  const { order, lines } = hit;
  const plan = lines.length > 1
    ? [{ at: order.paidAt!.getTime() + 16 * HOUR, courierCode: 'shunfeng', trackingNo: 'SF1468203957316', lines: [{ lineId: lines[0]!.id, quantity: lines[0]!.quantity }] },
      { at: clock.now().getTime() - 6 * HOUR, courierCode: 'yuantong', trackingNo: 'YT7381920465523', lines: lines.slice(1).map((l) => ({ lineId: l.id, quantity: l.quantity })) }]
    : [{ at: order.paidAt!.getTime() + 16 * HOUR, courierCode: 'shunfeng', trackingNo: 'SF1468203957316', lines: undefined }];
  let shipped = 0;
  for (const p of plan) {
    const back = Math.max(0, clock.now().getTime() - p.at);
    clock.advance(-back);
    try {
      await koi.shipments.ship(order.id, { packages: [{ courierCode: p.courierCode, trackingNo: p.trackingNo, lines: p.lines }] }, null);
      await koi.shipments.subscribePending();
      shipped++;
    } finally {
      clock.advance(back);
    }
  }
  // The simulated couriers catch up to now; their pushes arrive and build the timelines.
  await sim.advance();
  for (const id of await sim.pending()) await sim.deliver(id);
  while ((await koi.bus.dispatchOnce()) > 0);
  return shipped;
}
