import type { Db } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import { clock } from '../../platform/clock.ts';
import type { OrderService } from '../order/index.ts';
import { formatKdTime } from './tracking.rules.ts';
import { pickListHtml, type PickOrder } from './pick-list.rules.ts';
import { shippedUnits } from './ship-order.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pick list of the selected orders (only what each still has to ship). */
export async function pickList(deps: { db: Db; orders: OrderService }, orderIdsCsv: string, lang: 'zh-CN' | 'en'): Promise<string> {
  const ids = [...new Set(orderIdsCsv.split(',').map((s) => s.trim()).filter(Boolean))];
  if (!ids.length || ids.length > 200 || ids.some((id) => !UUID.test(id))) throw new KoiError('resource.not_found', { what: 'order' });
  const out: PickOrder[] = [];
  for (const id of ids) {
    const { order, lines } = await deps.orders.queries.one(id, null);
    const shipped = await shippedUnits(deps.db, id);
    const a = order.address;
    out.push({
      orderNo: order.orderNo, recipient: a?.recipient ?? null, region: a ? `${a.province}${a.city}${a.district}` : null, remark: order.buyerRemark,
      lines: lines.map((l) => ({ skuId: l.skuId, title: l.title, specValues: l.specValues, left: order.status === 'paid' ? l.quantity - (shipped.get(l.id) ?? 0) : 0 })),
    });
  }
  return pickListHtml(out, formatKdTime(clock.now()).slice(0, 16), lang);
}
