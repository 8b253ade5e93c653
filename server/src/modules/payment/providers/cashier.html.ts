import { formatYuan, type TPayProvider } from '@koi/contracts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const BRAND: Record<TPayProvider, { name: string; color: string; tag: string }> = {
  wechatpay: { name: '微信支付', color: '#07c160', tag: '微信支付模拟器 · WeChat Pay simulator' },
  alipay: { name: '支付宝', color: '#1677ff', tag: '支付宝模拟器 · Alipay simulator' },
};

function page(provider: TPayProvider, title: string, inner: string): string {
  const b = BRAND[provider];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>
body{margin:0;font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;background:#f2f3f5;color:#1f2329}
.card{background:#fff;margin:24px auto;width:calc(100% - 32px);max-width:420px;box-sizing:border-box;border-radius:12px;padding:28px 20px;text-align:center}
.tag{display:inline-block;font-size:12px;color:${b.color};border:1px solid ${b.color};border-radius:4px;padding:0 6px;margin-bottom:16px}
.merchant{font-size:15px;color:#646a73;margin:0 0 8px}.amount{font-size:40px;font-weight:600;margin:4px 0 8px;letter-spacing:.5px}
.desc{font-size:14px;color:#8f959e;margin:0 0 24px;word-break:break-all}.row{display:flex;justify-content:space-between;font-size:13px;color:#8f959e;border-top:1px solid #eff0f1;padding:12px 0}
button{display:block;width:100%;border:0;border-radius:8px;font-size:17px;padding:13px 0;margin-top:12px;cursor:pointer}
.pay{background:${b.color};color:#fff}.cancel{background:#f2f3f5;color:#1f2329}.note{font-size:15px;margin:8px 0 4px}
.err{color:#d54941}</style></head><body><div class="card"><span class="tag">${esc(b.tag)}</span>${inner}</div></body></html>`;
}

export type CashierView = {
  provider: TPayProvider;
  merchantName: string;
  amountFen: number;
  description: string;
  outTradeNo: string;
  /** Where the form posts; hidden fields carry the trade handle and the way back. */
  action: string;
  fields: Record<string, string>;
};

/** The cashier: who is paid, how much (¥), for what; 确认支付 / 取消支付. */
export function cashierPage(v: CashierView): string {
  const hidden = Object.entries(v.fields).map(([k, val]) => `<input type="hidden" name="${esc(k)}" value="${esc(val)}">`).join('');
  return page(v.provider, `${BRAND[v.provider].name} · ${v.merchantName}`, `
<p class="merchant">${esc(v.merchantName)}</p>
<div class="amount" data-testid="cashier-amount">${esc(formatYuan(v.amountFen))}</div>
<p class="desc">${esc(v.description)}</p>
<div class="row"><span>商户订单号</span><span>${esc(v.outTradeNo)}</span></div>
<form method="post" action="${esc(v.action)}">${hidden}
<button class="pay" name="decision" value="pay" type="submit">确认支付</button>
<button class="cancel" name="decision" value="cancel" type="submit">取消支付</button>
</form>`);
}

/** A result or an error, in the provider's colours; `next` adds a link onwards. */
export function noticePage(provider: TPayProvider, title: string, text: string, opts: { error?: boolean; next?: string } = {}): string {
  const link = opts.next ? `<p><a href="${esc(opts.next)}">返回商户</a></p>` : '';
  return page(provider, title, `<p class="note${opts.error ? ' err' : ''}" data-testid="cashier-notice">${esc(title)}</p><p class="desc">${esc(text)}</p>${link}`);
}
