/**
 * Labels of timeline items (zh-CN and en) from an event's type and properties. Pure. Amounts are fen
 * from the server and shown as yuan with two decimals, never recomputed.
 */
type Props = Record<string, string | number | boolean | null>;
export type Label = { zh: string; en: string };

const yuan = (fen: unknown) => (typeof fen === 'number' ? `¥${(fen / 100).toFixed(2)}` : '');
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const AFTERSALE_KINDS: Record<string, Label> = {
  refund_only: { zh: '仅退款', en: 'refund only' },
  return_refund: { zh: '退货退款', en: 'return and refund' },
  exchange: { zh: '换货', en: 'exchange' },
};
const PURPOSES: Record<string, Label> = {
  privacy_policy: { zh: '隐私政策', en: 'privacy policy' },
  marketing_sms: { zh: '短信营销', en: 'SMS marketing' },
  marketing_wechat: { zh: '微信营销', en: 'WeChat marketing' },
  marketing_email: { zh: '邮件营销', en: 'email marketing' },
};

export function timelineLabel(type: string, p: Props): Label {
  switch (type) {
    case 'page_view': return { zh: `浏览页面 ${str(p.page ?? p.path)}`.trim(), en: `Viewed page ${str(p.page ?? p.path)}`.trim() };
    case 'product_view': return { zh: `浏览商品 ${str(p.title ?? p.productId)}`.trim(), en: `Viewed product ${str(p.title ?? p.productId)}`.trim() };
    case 'category_view': return { zh: `浏览分类 ${str(p.name ?? p.categoryId)}`.trim(), en: `Viewed category ${str(p.name ?? p.categoryId)}`.trim() };
    case 'search': return { zh: `搜索「${str(p.q ?? p.query)}」`, en: `Searched "${str(p.q ?? p.query)}"` };
    case 'share': return { zh: `分享 ${str(p.title ?? p.productId ?? p.page)}`.trim(), en: `Shared ${str(p.title ?? p.productId ?? p.page)}`.trim() };
    case 'add_to_cart': return { zh: `加入购物车 ${str(p.title ?? p.skuId)}`.trim(), en: `Added to cart ${str(p.title ?? p.skuId)}`.trim() };
    case 'order_placed': return { zh: `下单 ${str(p.orderNo)} 应付 ${yuan(p.payableFen)}`, en: `Placed order ${str(p.orderNo)}, ${yuan(p.payableFen)} to pay` };
    case 'order_paid': return { zh: `支付订单 ${str(p.orderNo)} ${yuan(p.paidFen)}`, en: `Paid order ${str(p.orderNo)}, ${yuan(p.paidFen)}` };
    case 'order_completed': return { zh: `订单 ${str(p.orderNo)} 已完成`, en: `Order ${str(p.orderNo)} completed` };
    case 'order_closed': return { zh: `订单 ${str(p.orderNo)} 已关闭`, en: `Order ${str(p.orderNo)} closed` };
    case 'payment_succeeded': return { zh: `付款成功 ${yuan(p.amountFen)}`, en: `Payment received, ${yuan(p.amountFen)}` };
    case 'aftersale_requested': {
      const k = AFTERSALE_KINDS[str(p.kind)] ?? { zh: '售后', en: 'after-sale' };
      return { zh: `申请${k.zh} ${str(p.afterSaleNo)}（订单 ${str(p.orderNo)}）`, en: `Requested ${k.en} ${str(p.afterSaleNo)} (order ${str(p.orderNo)})` };
    }
    case 'aftersale_refunded': return { zh: `退款到账 ${yuan(p.amountFen)}（订单 ${str(p.orderNo)}）`, en: `Refunded ${yuan(p.amountFen)} (order ${str(p.orderNo)})` };
    case 'signed_up': return { zh: '注册成为会员', en: 'Signed up' };
    case 'consent_changed': {
      const pur = PURPOSES[str(p.purpose)] ?? { zh: str(p.purpose), en: str(p.purpose) };
      return p.granted ? { zh: `同意${pur.zh}`, en: `Agreed to ${pur.en}` } : { zh: `撤回${pur.zh}`, en: `Withdrew ${pur.en}` };
    }
    case 'message_clicked': return { zh: `点击消息链接 ${str(p.kind)}`.trim(), en: `Clicked a message link ${str(p.kind)}`.trim() };
    default: return { zh: type, en: type };
  }
}
