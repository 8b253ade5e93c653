import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderSms, renderWechat, smsText, wechatText, WECHAT_TEMPLATES, type OrderMessageData } from './order-templates.rules.ts';
import { dataProblems } from './wechat-values.rules.ts';
import { SIMULATED_TEMPLATES } from './providers/aliyun-sms.simulator.ts';

const at = '2026-11-22T06:30:00.000Z';
const samples: OrderMessageData[] = [
  { kind: 'order_paid', orderId: 'o1', orderNo: 'KO2026112200012', amountFen: 36800, itemCount: 3, at },
  { kind: 'order_shipped', orderId: 'o1', orderNo: 'KO2026112200012', method: 'express', courierName: '顺丰速运', trackingNo: 'SF1234567890', at },
  { kind: 'order_shipped', orderId: 'o1', orderNo: 'KO2026112200012', method: 'local_delivery', courierName: null, trackingNo: null, at },
  { kind: 'order_delivered', orderId: 'o1', orderNo: 'KO2026112200012', at },
  { kind: 'pickup_ready', orderId: 'o1', orderNo: 'KO2026112200012', storeName: '青瓷小筑·杭州湖滨银泰in77旗舰店（二楼东区）', pickupCode: '428193', at },
  { kind: 'refund_done', orderId: 'o1', orderNo: 'KO2026112200012', afterSaleNo: 'AS2026112200001', amountFen: 12801, at },
];

describe('order notification templates', () => {
  it('renders every notification as a subscribe message WeChat accepts', () => {
    for (const d of samples) {
      const w = renderWechat(d);
      expect(w.templateId).toBe(WECHAT_TEMPLATES[d.kind].templateId);
      expect(dataProblems(w.data, WECHAT_TEMPLATES[d.kind].keys)).toEqual([]);
      expect(w.page).toBe('pages/order/detail?id=o1');
    }
  });

  it('keeps long store names within thing’s 20 characters and says the right things', () => {
    const w = renderWechat(samples[4]!);
    expect([...w.data.thing2!.value].length).toBe(20);
    expect(w.data.thing2!.value.endsWith('…')).toBe(true);
    expect(wechatText('order_paid', renderWechat(samples[0]!).data)).toBe('订单支付成功通知\n订单号：KO2026112200012\n支付金额：¥368.00\n商品：共3件商品\n支付时间：2026年11月22日 14:30');
    expect(renderWechat(samples[2]!).data).toMatchObject({ thing2: { value: '同城配送' }, character_string3: { value: '-' } });
  });

  it('renders SMS with a template the account has and every variable it needs', () => {
    for (const d of samples) {
      const s = renderSms(d);
      const tpl = SIMULATED_TEMPLATES[s.templateCode];
      expect(tpl, s.templateCode).toBeDefined();
      for (const m of tpl!.matchAll(/\$\{(\w+)\}/g)) expect(s.params[m[1]!]).toBeTruthy();
    }
    expect(smsText('青瓷小筑', SIMULATED_TEMPLATES.SMS_KOI_REFUND_DONE!, renderSms(samples[5]!).params))
      .toBe('【青瓷小筑】您的订单KO2026112200012退款128.01元已按原支付方式退回，请注意查收。');
  });

  it('any paid amount and item count gives valid WeChat data', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000_00 }), fc.integer({ min: 1, max: 9999 }), fc.string({ minLength: 1, maxLength: 40 }), (fen, n, orderNo) => {
      const w = renderWechat({ kind: 'order_paid', orderId: 'x', orderNo, amountFen: fen, itemCount: n, at });
      return dataProblems(w.data, WECHAT_TEMPLATES.order_paid.keys).length === 0;
    }));
  });
});
