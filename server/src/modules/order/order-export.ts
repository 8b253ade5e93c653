import type { Writable } from 'node:stream';
import { formatYuan } from '@koi/contracts';
import { maskPhone } from '../../platform/log.ts';
import { streamingWorkbook } from '../../platform/xlsx.ts';
import type { AdminFilter, OrderQueries } from './order-queries.ts';

const STATUS = { pending_payment: '待付款', paid: '待发货', shipped: '已发货', completed: '已完成', closed: '已关闭' } as const;
const yuan = (fen: number) => formatYuan(fen, '');

const HEADER = ['订单号', '状态', '下单时间', '付款时间', '买家手机', '收货人', '收货地区', '商品', '规格', '数量', '单价', '小计',
  '满减优惠', '优惠券', '改价', '行实付', '订单运费', '订单实付', '支付方式', '买家留言', '商家备注'];

/**
 * The filtered orders as .xlsx, one row per line with that line's share of each discount, so the
 * rows of one order sum to its payable (before shipping). Mobiles stay masked, as in the list.
 */
export async function exportOrders(queries: OrderQueries, filter: AdminFilter, out: Writable): Promise<void> {
  const wb = streamingWorkbook({ stream: out });
  const ws = wb.addWorksheet('订单');
  ws.addRow(HEADER).commit();
  const share = (ds: { source: string; amountFen: number }[], source: string) => ds.filter((d) => d.source === source).reduce((n, d) => n + d.amountFen, 0);
  for await (const batch of queries.adminScan(filter)) {
    for (const { order: o, lines } of batch) {
      const a = o.address;
      // The street stays out, like the mobile: a list is not the place for full personal data (the
      // shipping work exports it to staff whose role allows it, with the reveal logged).
      const address = a ? `${a.province}${a.city}${a.district}` : '';
      for (const l of lines) {
        ws.addRow([
          o.orderNo, STATUS[o.status], o.createdAt.toISOString(), o.paidAt?.toISOString() ?? '', maskPhone(o.buyerMobile) ?? '',
          a ? `${a.recipient.slice(0, 1)}**` : '', address, l.title, l.specValues.join(' / '), l.quantity, yuan(l.unitPriceFen), yuan(l.subtotalFen),
          yuan(share(l.discounts, 'promotion')), yuan(share(l.discounts, 'coupon')), yuan(share(l.discounts, 'adjustment')), yuan(l.payableFen),
          yuan(o.shippingFen - o.shippingDiscountFen), yuan(o.payableFen), o.payChannel ?? '', o.buyerRemark, o.merchantRemark,
        ]).commit();
      }
    }
  }
  ws.commit();
  await wb.commit();
}
