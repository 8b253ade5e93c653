import { describe, expect, it } from 'vitest';
import { SAMPLE_HEADERS } from './sample-export.ts';
import { mappingProblems, normalizeHeader, recognizePlatform } from './platforms.rules.ts';

const col = (headers: string[], h: string) => headers.indexOf(h);

describe('platform recognition', () => {
  it('recognises a Taobao/Tmall order report and maps its columns', () => {
    const h = SAMPLE_HEADERS.taobao;
    const r = recognizePlatform(h);
    expect(r.platform).toBe('taobao');
    expect(r.matchedHeaders).toBeGreaterThanOrEqual(8);
    expect(r.mapping).toEqual({
      orderNo: col(h, '订单编号'), buyerId: col(h, '买家会员名'), name: col(h, '收货人姓名'), phone: col(h, '联系手机'),
      address: col(h, '收货地址'), amount: col(h, '买家实际支付金额'), status: col(h, '订单状态'), placedAt: col(h, '订单创建时间'),
      paidAt: col(h, '订单付款时间'), itemTitle: col(h, '宝贝标题'), itemQuantity: col(h, '宝贝总数量'),
    });
  });

  it('recognises JD, preferring 应付金额 and the account as buyer id', () => {
    const h = SAMPLE_HEADERS.jd;
    const r = recognizePlatform(h);
    expect(r.platform).toBe('jd');
    expect(r.mapping.orderNo).toBe(col(h, '订单号'));
    expect(r.mapping.amount).toBe(col(h, '应付金额'));
    expect(r.mapping.buyerId).toBe(col(h, '下单帐号'));
    expect(r.mapping.name).toBe(col(h, '客户姓名'));
    expect(r.mapping.phone).toBe(col(h, '联系电话'));
    expect(r.mapping.placedAt).toBe(col(h, '下单时间'));
  });

  it('recognises a JD export with 客户账号 (the older header)', () => {
    const r = recognizePlatform(['订单号', '客户账号', '客户姓名', '联系电话', '订单金额', '应付金额', '下单时间', '订单状态', '商品名称']);
    expect(r.platform).toBe('jd');
    expect(r.mapping.buyerId).toBe(1);
  });

  it('recognises Douyin shop by 主订单编号 and 子订单编号', () => {
    const h = SAMPLE_HEADERS.douyin;
    const r = recognizePlatform(h);
    expect(r.platform).toBe('douyin');
    expect(r.mapping.orderNo).toBe(col(h, '主订单编号'));
    expect(r.mapping.phone).toBe(col(h, '收件人手机号'));
    expect(r.mapping.amount).toBe(col(h, '订单应付金额'));
    expect(r.mapping.placedAt).toBe(col(h, '订单提交时间'));
    expect(r.mapping.itemTitle).toBe(col(h, '选购商品'));
  });

  it('recognises Youzan, preferring the buyer phone and 订单实付金额', () => {
    const h = SAMPLE_HEADERS.youzan;
    const r = recognizePlatform(h);
    expect(r.platform).toBe('youzan');
    expect(r.mapping.phone).toBe(col(h, '买家手机号'));
    expect(r.mapping.amount).toBe(col(h, '订单实付金额'));
    expect(r.mapping.placedAt).toBe(col(h, '订单创建时间'));
  });

  it('tolerates BOM, spaces and full-width brackets in headers', () => {
    expect(normalizeHeader('\uFEFF 订单编号 ')).toBe('订单编号');
    expect(normalizeHeader('金额（元）：')).toBe('金额(元)');
    const r = recognizePlatform(SAMPLE_HEADERS.taobao.map((h, i) => (i === 0 ? `\uFEFF${h}` : ` ${h} `)));
    expect(r.platform).toBe('taobao');
    expect(r.mapping.orderNo).toBe(0);
  });

  it('falls back to generic aliases for an unknown sheet', () => {
    const r = recognizePlatform(['姓名', '手机号', '订单号', '实付金额', '下单时间', '备注']);
    expect(r.platform).toBe('generic');
    expect(r.mapping).toMatchObject({ name: 0, phone: 1, orderNo: 2, amount: 3, placedAt: 4, status: null });
    expect(mappingProblems(r.mapping, 6)).toEqual([]);
  });

  it('names what a mapping lacks, and columns past the end', () => {
    const r = recognizePlatform(['备注']);
    expect(mappingProblems(r.mapping, 1).sort()).toEqual(['amount', 'orderNo', 'phone', 'placedAt']);
    expect(mappingProblems({ ...recognizePlatform(SAMPLE_HEADERS.taobao).mapping, amount: 99 }, SAMPLE_HEADERS.taobao.length)).toEqual(['amount']);
  });
});
