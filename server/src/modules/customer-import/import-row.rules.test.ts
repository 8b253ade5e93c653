import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognizePlatform } from './platforms.rules.ts';
import { SAMPLE_HEADERS } from './sample-export.ts';
import { groupBuyers, identitiesOf, maskPhone, parsePhone, parseRow, parseShanghaiTime, parseStatus, yuanToFen } from './import-row.rules.ts';

describe('yuan → fen', () => {
  it('parses what the platforms write, exactly', () => {
    expect(yuanToFen('128.00')).toBe(12800);
    expect(yuanToFen('¥1,234.5')).toBe(123450);
    expect(yuanToFen('￥ 0.1')).toBe(10);
    expect(yuanToFen('99元')).toBe(9900);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('1.')).toBe(100);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', '-', '-1.00', '1.234', '十二元', '1e3', 'NaN', '12.3.4', '1000000000.01']) expect(yuanToFen(bad)).toBeNull();
  });
  it('round-trips every fen amount without floating-point error', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
      const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      expect(yuanToFen(text)).toBe(fen);
      expect(yuanToFen(`¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`)).toBe(fen);
    }));
  });
});

describe('phones', () => {
  it('reads full numbers in the usual spellings', () => {
    expect(parsePhone('13812345678')).toEqual({ phone: '13812345678', masked: false });
    expect(parsePhone('+86 138-1234-5678')).toEqual({ phone: '13812345678', masked: false });
    expect(parsePhone('8613812345678')).toEqual({ phone: '13812345678', masked: false });
  });
  it('keeps masked numbers as masked', () => {
    expect(parsePhone('138****5678')).toEqual({ phone: '138****5678', masked: true });
    expect(parsePhone('138*****678')).toEqual({ phone: '138*****678', masked: true });
    expect(parsePhone('138＊＊＊＊5678')).toEqual({ phone: '138****5678', masked: true });
  });
  it('refuses landlines, short and fully hidden numbers', () => {
    for (const bad of ['0571-88888888', '1381234567', '***********', '12812345678', 'abc']) expect(parsePhone(bad)).toBeNull();
  });
  it('masks for display', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138****5678')).toBe('138****5678');
  });
  it('a masked phone is a partial identity: it never groups two buyers', () => {
    const a = { kind: 'phone_masked' as const, value: '138****5678' };
    expect(groupBuyers([[a], [a]])).toEqual([[0], [1]]);
    const p = { kind: 'phone' as const, value: '13812345678' };
    const t = { kind: 'taobao' as const, value: 'tb_x' };
    // 0 and 2 share a phone, 2 and 3 a Taobao account: one buyer; 1 is alone.
    expect(groupBuyers([[p], [a], [p, t], [t, a]])).toEqual([[0, 2, 3], [1]]);
  });
});

describe('times and states', () => {
  it('reads Asia/Shanghai wall-clock times', () => {
    expect(parseShanghaiTime('2024-03-05 14:30:00')?.toISOString()).toBe('2024-03-05T06:30:00.000Z');
    expect(parseShanghaiTime('2024/3/5 8:05')?.toISOString()).toBe('2024-03-05T00:05:00.000Z');
    expect(parseShanghaiTime('2024-01-01')?.toISOString()).toBe('2023-12-31T16:00:00.000Z');
    expect(parseShanghaiTime(new Date(Date.UTC(2024, 2, 5, 14, 30)))?.toISOString()).toBe('2024-03-05T06:30:00.000Z');
    for (const bad of ['昨天下午', '2024-02-30 10:00:00', '2024-13-01', '24-03-05']) expect(parseShanghaiTime(bad)).toBeNull();
  });
  it('maps each platform state', () => {
    const cases: [string, string][] = [
      ['交易成功', 'completed'], ['卖家已发货，等待买家确认', 'paid'], ['买家已付款，等待卖家发货', 'paid'], ['交易关闭', 'closed'], ['等待买家付款', 'pending'],
      ['完成', 'completed'], ['等待出库', 'paid'], ['已取消', 'closed'], ['退款成功', 'refunded'],
      ['已完成', 'completed'], ['待发货', 'paid'], ['已关闭', 'closed'], ['待支付', 'pending'], ['交易完成', 'completed'],
    ];
    for (const [text, status] of cases) expect([text, parseStatus(text)]).toEqual([text, status]);
    expect(parseStatus('状态未知')).toBeNull();
  });
});

describe('a Taobao row', () => {
  const headers = SAMPLE_HEADERS.taobao;
  const { mapping } = recognizePlatform(headers);
  const row = (over: Record<string, string>) => headers.map((h) => over[h] ?? ({
    订单编号: '="3912345678901"', 买家会员名: 'tb_lily', 买家实际支付金额: '688.00', 订单状态: '交易成功', 收货人姓名: '林丽',
    收货地址: '浙江省 杭州市 西湖区 文三路1号', 联系手机: "'13812345678", 订单创建时间: '2024-05-01 10:00:00', 订单付款时间: '2024-05-01 10:02:00',
    宝贝标题: '紫砂壶', 宝贝总数量: '2',
  } as Record<string, string>)[h] ?? '');

  it('parses into an order with the buyer identities', () => {
    const r = parseRow(row({}), mapping);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.row).toMatchObject({ orderNo: '3912345678901', buyerId: 'tb_lily', phone: '13812345678', phoneMasked: false, amountFen: 68800, status: 'completed', itemQuantity: 2 });
    expect(r.row.paidAt?.toISOString()).toBe('2024-05-01T02:02:00.000Z');
    expect(identitiesOf(r.row, 'taobao')).toEqual([{ kind: 'taobao', value: 'tb_lily' }, { kind: 'phone', value: '13812345678' }]);
  });

  it('lists every problem of a bad row', () => {
    const r = parseRow(row({ 订单编号: '', 买家实际支付金额: 'abc', 订单状态: '火星', 买家会员名: '', 联系手机: '', 订单创建时间: '昨天', 订单付款时间: '' }), mapping);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toEqual(['缺少订单编号', '金额「abc」无法识别', '订单状态「火星」无法识别', '下单时间「昨天」无法识别', '缺少手机号和买家账号，无法识别客户']);
  });

  it('accepts a masked phone without a buyer id, as a partial identity', () => {
    const r = parseRow(row({ 买家会员名: '', 联系手机: '138****5678' }), mapping);
    expect(r.ok && identitiesOf(r.row, 'taobao')).toEqual([{ kind: 'phone_masked', value: '138****5678' }]);
  });
});
