import { describe, expect, it } from 'vitest';
import { mapHeaders, parseRow } from './ship-import.rules.ts';
import { pickRows, pickListHtml } from './pick-list.rules.ts';

describe('batch shipping rows', () => {
  const { map, missing } = mapHeaders([undefined, '订单号', '快递公司', '运单号']);
  it('maps the template columns', () => {
    expect(missing).toEqual([]);
    expect(mapHeaders([undefined, '订单号']).missing).toEqual(['快递公司', '运单号']);
  });

  it('reads a row, with courier names or codes, numbers typed as numbers', () => {
    expect(parseRow([undefined, 'KOI1', '中通', 78123456789012], map)).toEqual({ ok: true, orderNo: 'KOI1', courierCode: 'zhongtong', trackingNo: '78123456789012' });
    expect(parseRow([undefined, 'KOI1', 'yuantong', 'yt1234567890123'], map)).toMatchObject({ ok: true, trackingNo: 'YT1234567890123' });
    expect(parseRow([undefined, '', '', ''], map)).toBeNull();
  });

  it('lists every reason a row is wrong', () => {
    expect(parseRow([undefined, '', '顺风', ''], map)).toEqual({ ok: false, errors: ['订单号不能为空', '不支持的快递公司「顺风」', '运单号不能为空'] });
    expect(parseRow([undefined, 'KOI1', '顺丰', 'YT1234567890123'], map)).toEqual({ ok: false, errors: ['运单号「YT1234567890123」不是顺丰速运的单号格式'] });
  });
});

describe('pick list', () => {
  const orders = [
    { orderNo: 'A', recipient: '林', region: '杭州', remark: '<b>礼盒</b>', lines: [{ skuId: 's1', title: '青瓷杯', specValues: ['粉青'], left: 2 }, { skuId: 's2', title: '茶盘', specValues: [], left: 0 }] },
    { orderNo: 'B', recipient: '王', region: '上海', remark: '', lines: [{ skuId: 's1', title: '青瓷杯', specValues: ['粉青'], left: 1 }] },
  ];
  it('totals units per SKU over the orders, skipping what is shipped', () => {
    expect(pickRows(orders)).toEqual([{ skuId: 's1', title: '青瓷杯', spec: '粉青', total: 3, orders: 2 }]);
  });
  it('escapes what shoppers typed', () => {
    const html = pickListHtml(orders, '2026-11-20 10:00', 'zh-CN');
    expect(html).toContain('&lt;b&gt;礼盒&lt;/b&gt;');
    expect(html).not.toContain('<b>礼盒');
  });
});
