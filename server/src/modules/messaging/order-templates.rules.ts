import type { TMessageKind, TMessagePurpose } from '@koi/contracts';
import { fitValue, keyType, wechatAmount, wechatTime } from './wechat-values.rules.ts';

/** What each order notification says, in data (rendering per channel happens below). */
export type OrderMessageData =
  | { kind: 'order_paid'; orderId: string; orderNo: string; amountFen: number; itemCount: number; at: string }
  | { kind: 'order_shipped'; orderId: string; orderNo: string; method: 'express' | 'local_delivery'; courierName: string | null; trackingNo: string | null; at: string }
  | { kind: 'order_delivered'; orderId: string; orderNo: string; at: string }
  | { kind: 'pickup_ready'; orderId: string; orderNo: string; storeName: string; pickupCode: string; at: string }
  | { kind: 'refund_done'; orderId: string; orderNo: string; afterSaleNo: string; amountFen: number; at: string }
  /** Points expiring soon (issue 8): `points` expire between `firstDay` and `lastDay` (YYYY-MM-DD, Shanghai; equal when one day). */
  | { kind: 'points_expiring'; points: number; firstDay: string; lastDay: string; at: string };

export type WechatContent = { templateId: string; page: string; data: Record<string, { value: string }> };
export type SmsContent = { templateCode: string; params: Record<string, string> };

/** A WeChat subscribe template as the merchant picked it from the public library (我的模板). */
export type WechatTemplateDef = { templateId: string; title: string; keys: readonly string[]; text: string };

/**
 * The merchant's subscribe templates, one per order notification. The ids are the merchant's own
 * (set in the WeChat console); the simulator knows the same list. `text` shows how WeChat lays it out.
 */
export const WECHAT_TEMPLATES: Record<TMessageKind, WechatTemplateDef> = {
  order_paid: { templateId: 'KoiTplOrderPaid0001', title: '订单支付成功通知', keys: ['character_string1', 'amount2', 'thing3', 'time4'], text: '订单号：{character_string1}\n支付金额：{amount2}\n商品：{thing3}\n支付时间：{time4}' },
  order_shipped: { templateId: 'KoiTplOrderShipped01', title: '订单发货通知', keys: ['character_string1', 'thing2', 'character_string3', 'time4'], text: '订单号：{character_string1}\n配送方式：{thing2}\n运单号：{character_string3}\n发货时间：{time4}' },
  order_delivered: { templateId: 'KoiTplOrderDeliver01', title: '订单送达通知', keys: ['character_string1', 'thing2', 'time3'], text: '订单号：{character_string1}\n温馨提示：{thing2}\n送达时间：{time3}' },
  pickup_ready: { templateId: 'KoiTplPickupReady001', title: '取货提醒', keys: ['character_string1', 'thing2', 'character_string3', 'thing4'], text: '订单号：{character_string1}\n取货门店：{thing2}\n取货码：{character_string3}\n温馨提示：{thing4}' },
  refund_done: { templateId: 'KoiTplRefundDone0001', title: '退款成功通知', keys: ['character_string1', 'amount2', 'time3', 'thing4'], text: '售后单号：{character_string1}\n退款金额：{amount2}\n退款时间：{time3}\n说明：{thing4}' },
  points_expiring: { templateId: 'KoiTplPointsExpire01', title: '积分过期提醒', keys: ['number1', 'date2', 'thing3'], text: '即将过期积分：{number1}\n过期时间：{date2}\n温馨提示：{thing3}' },
};

/** The SMS templates (Aliyun template codes; the simulator's account has them approved). */
export const SMS_TEMPLATES = {
  order_paid: 'SMS_KOI_ORDER_PAID',
  order_shipped: 'SMS_KOI_ORDER_SHIPPED',
  local_delivery: 'SMS_KOI_LOCAL_DELIVERY',
  order_delivered: 'SMS_KOI_ORDER_DELIVERED',
  pickup_ready: 'SMS_KOI_PICKUP_READY',
  refund_done: 'SMS_KOI_REFUND_DONE',
  points_expiring: 'SMS_KOI_POINTS_EXPIRING',
} as const;

/** Every order notification is transactional: it is about the shopper's own order (or own points). */
export const PURPOSE_OF: Record<TMessageKind, TMessagePurpose> = {
  order_paid: 'transactional', order_shipped: 'transactional', order_delivered: 'transactional', pickup_ready: 'transactional', refund_done: 'transactional',
  points_expiring: 'transactional',
};

/** `2026-03-05` → `2026年3月5日` (WeChat's date format). */
export const wechatDay = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The expiry day(s) as the shopper reads them: one day, or 'first至last'. */
export const expiryDays = (firstDay: string, lastDay: string) => (firstDay === lastDay ? firstDay : `${firstDay}至${lastDay}`);

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
/** Aliyun caps a variable at 35 characters. */
const smsVar = (s: string) => [...s].slice(0, 35).join('');

function fitAll(values: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: fitValue(keyType(k) ?? 'thing', v) }]));
}

/** The subscribe message of one notification; keys fitted to WeChat's value rules. */
export function renderWechat(d: OrderMessageData): WechatContent {
  const tpl = WECHAT_TEMPLATES[d.kind];
  if (d.kind === 'points_expiring') {
    return { templateId: tpl.templateId, page: 'pages/member/points', data: fitAll({
      number1: String(d.points), date2: d.firstDay === d.lastDay ? wechatDay(d.firstDay) : `${wechatDay(d.firstDay)}~${wechatDay(d.lastDay)}`,
      thing3: d.firstDay === d.lastDay ? '过期后不可恢复，请尽快使用' : '将陆续过期，请尽快使用',
    }) };
  }
  const page = `pages/order/detail?id=${d.orderId}`;
  const at = wechatTime(new Date(d.at));
  switch (d.kind) {
    case 'order_paid':
      return { templateId: tpl.templateId, page, data: fitAll({ character_string1: d.orderNo, amount2: wechatAmount(d.amountFen), thing3: `共${d.itemCount}件商品`, time4: at }) };
    case 'order_shipped':
      return { templateId: tpl.templateId, page, data: fitAll({
        character_string1: d.orderNo,
        thing2: d.method === 'local_delivery' ? '同城配送' : (d.courierName ?? '快递'),
        character_string3: d.trackingNo ?? '-',
        time4: at,
      }) };
    case 'order_delivered':
      return { templateId: tpl.templateId, page, data: fitAll({ character_string1: d.orderNo, thing2: '您的包裹已送达，请及时查收', time3: at }) };
    case 'pickup_ready':
      return { templateId: tpl.templateId, page, data: fitAll({ character_string1: d.orderNo, thing2: d.storeName, character_string3: d.pickupCode, thing4: '请凭取货码到店自提' }) };
    case 'refund_done':
      return { templateId: tpl.templateId, page, data: fitAll({ character_string1: d.afterSaleNo, amount2: wechatAmount(d.amountFen), time3: at, thing4: '退款已按原支付方式退回' }) };
  }
}

/** The SMS of one notification (template code + variables). */
export function renderSms(d: OrderMessageData): SmsContent {
  switch (d.kind) {
    case 'order_paid': return { templateCode: SMS_TEMPLATES.order_paid, params: { orderNo: d.orderNo, amount: yuan(d.amountFen) } };
    case 'order_shipped':
      return d.method === 'local_delivery' || !d.trackingNo
        ? { templateCode: SMS_TEMPLATES.local_delivery, params: { orderNo: d.orderNo } }
        : { templateCode: SMS_TEMPLATES.order_shipped, params: { orderNo: d.orderNo, courier: smsVar(d.courierName ?? '快递'), trackingNo: smsVar(d.trackingNo) } };
    case 'order_delivered': return { templateCode: SMS_TEMPLATES.order_delivered, params: { orderNo: d.orderNo } };
    case 'pickup_ready': return { templateCode: SMS_TEMPLATES.pickup_ready, params: { orderNo: d.orderNo, store: smsVar(d.storeName), code: smsVar(d.pickupCode) } };
    case 'refund_done': return { templateCode: SMS_TEMPLATES.refund_done, params: { orderNo: d.orderNo, amount: yuan(d.amountFen) } };
    case 'points_expiring': return { templateCode: SMS_TEMPLATES.points_expiring, params: { points: String(d.points), date: expiryDays(d.firstDay, d.lastDay) } };
  }
}

/** The text a shopper reads, for the message log: the template's layout with the values filled in. */
export function wechatText(kind: TMessageKind, data: Record<string, { value: string }>): string {
  const tpl = WECHAT_TEMPLATES[kind];
  return `${tpl.title}\n${tpl.text.replace(/\{(\w+)\}/g, (_, k: string) => data[k]?.value ?? '')}`;
}

/** Fills Aliyun's `${var}` placeholders (the simulator and the message log render alike). */
export function smsText(signName: string, template: string, params: Record<string, string>): string {
  return `【${signName}】${template.replace(/\$\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''))}`;
}
