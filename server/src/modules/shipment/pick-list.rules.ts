/**
 * 拣货单 / 配货单 (pure): the selected orders' units still to ship, totalled per SKU for picking,
 * and per order for packing.
 */
export type PickOrder = {
  orderNo: string; recipient: string | null; region: string | null; remark: string;
  lines: { skuId: string; title: string; specValues: string[]; left: number }[];
};
export type PickRow = { skuId: string; title: string; spec: string; total: number; orders: number };

export function pickRows(orders: PickOrder[]): PickRow[] {
  const bySku = new Map<string, PickRow>();
  for (const o of orders) {
    for (const l of o.lines) {
      if (l.left <= 0) continue;
      const r = bySku.get(l.skuId) ?? { skuId: l.skuId, title: l.title, spec: l.specValues.join(' / '), total: 0, orders: 0 };
      r.total += l.left;
      r.orders += 1;
      bySku.set(l.skuId, r);
    }
  }
  return [...bySku.values()].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN') || a.spec.localeCompare(b.spec, 'zh-CN'));
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A print-ready page (A4, the browser's print dialog): picking totals first, then one packing block per order. */
export function pickListHtml(orders: PickOrder[], printedAt: string, lang: 'zh-CN' | 'en'): string {
  const zh = lang !== 'en';
  const t = (a: string, b: string) => (zh ? a : b);
  const rows = pickRows(orders);
  const units = rows.reduce((n, r) => n + r.total, 0);
  const pick = rows.map((r, i) => `<tr><td>${i + 1}</td><td>${esc(r.title)}</td><td>${esc(r.spec)}</td><td class="n">${r.total}</td><td class="n">${r.orders}</td><td class="box"></td></tr>`).join('');
  const pack = orders.map((o) => {
    const lines = o.lines.filter((l) => l.left > 0).map((l) => `<tr><td>${esc(l.title)}</td><td>${esc(l.specValues.join(' / '))}</td><td class="n">${l.left}</td><td class="box"></td></tr>`).join('');
    return `<section class="order"><h3>${esc(o.orderNo)} <small>${esc(o.recipient ?? '')} ${esc(o.region ?? '')}</small></h3>
${o.remark ? `<p class="remark">${t('买家留言', 'Buyer note')}：${esc(o.remark)}</p>` : ''}
<table><thead><tr><th>${t('商品', 'Item')}</th><th>${t('规格', 'Variant')}</th><th class="n">${t('数量', 'Qty')}</th><th>${t('核对', 'Check')}</th></tr></thead><tbody>${lines}</tbody></table></section>`;
  }).join('');
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${t('拣货单', 'Pick list')}</title>
<style>body{font:13px/1.5 "PingFang SC","Noto Sans SC",sans-serif;margin:24px;color:#222}h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
h3{font-size:14px;margin:0 0 6px}small{color:#666;font-weight:normal}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;text-align:left}
.n{text-align:right;width:60px}.box{width:40px}.order{page-break-inside:avoid;margin:0 0 16px}.remark{margin:0 0 6px;color:#a33}.meta{color:#666}
@media print{.noprint{display:none}body{margin:0}}</style></head><body>
<button class="noprint" onclick="window.print()">${t('打印', 'Print')}</button>
<h1>${t('拣货单', 'Pick list')}</h1><p class="meta">${t('订单', 'Orders')} ${orders.length} · ${t('商品', 'Units')} ${units} · ${t('打印时间', 'Printed')} ${esc(printedAt)}</p>
<table><thead><tr><th>#</th><th>${t('商品', 'Item')}</th><th>${t('规格', 'Variant')}</th><th class="n">${t('合计', 'Total')}</th><th class="n">${t('订单数', 'Orders')}</th><th>${t('已拣', 'Picked')}</th></tr></thead><tbody>${pick}</tbody></table>
<h2>${t('配货单', 'Packing list')}</h2>${pack}</body></html>`;
}
