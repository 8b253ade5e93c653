import type { TIdentityClaim, TImportMapping, TImportPlatform, TImportedOrderStatus } from '@koi/contracts';

/** One row of an export, checked: what the job stores and which identities name its buyer. */
export type ImportedRow = {
  orderNo: string;
  buyerId: string | null;
  name: string | null;
  /** 11 digits, or masked such as `138****5678`. */
  phone: string | null;
  phoneMasked: boolean;
  address: string | null;
  amountFen: number;
  status: TImportedOrderStatus;
  placedAt: Date | null;
  paidAt: Date | null;
  itemTitle: string;
  itemQuantity: number | null;
};

export type RowResult = { ok: true; row: ImportedRow } | { ok: false; reasons: string[] };

/** Largest amount accepted: ¥100,000,000.00 (anything beyond is a column mix-up, not an order). */
export const MAX_AMOUNT_FEN = 10_000_000_000;

/**
 * Yuan text → integer fen, exactly (string arithmetic, no floats): `¥1,234.5` → 123450. Accepts a
 * currency sign, thousands separators, a trailing 元 and at most two decimals; null otherwise.
 */
export function yuanToFen(text: string): number | null {
  const s = text.replace(/[¥￥,，\s]/g, '').replace(/元$/, '');
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_AMOUNT_FEN ? fen : null;
}

/**
 * A mainland mobile number, full (`13812345678`, also written `+86 138-1234-5678`) or masked as the
 * platforms export it (`138****5678`, `138*****678`). Anything else (landlines, fully hidden) → null.
 */
export function parsePhone(text: string): { phone: string; masked: boolean } | null {
  const s = text.replace(/[\s\-()（）]/g, '').replace(/^(?:\+?86)(?=1\d)/, '').replace(/＊/g, '*');
  if (/^1[3-9]\d{9}$/.test(s)) return { phone: s, masked: false };
  if (s.length === 11 && /^1\d{2}\*{3,6}\d{2,5}$/.test(s)) return { phone: s, masked: true };
  return null;
}

/** `138****5678` for display; a masked number stays as it is. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * A wall-clock time in Asia/Shanghai (UTC+8 all year: China has had no daylight saving since 1991)
 * → the instant. Text as `2024-03-05 14:30:00`, `2024/3/5 14:30`, `2024-03-05`; an Excel date cell
 * arrives as a Date whose UTC fields carry the wall clock (that is how exceljs reads them).
 */
export function parseShanghaiTime(v: string | Date): Date | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return new Date(v.getTime() - SHANGHAI_OFFSET_MS);
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || y < 2000 || y > 2100) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(utc).getUTCDate() !== d) return null;
  return new Date(utc - SHANGHAI_OFFSET_MS);
}

/**
 * The platforms' order states → ours. Order matters: refund and close words win over "paid" words
 * (`交易关闭` after a refund, `退款成功`), then finished, then unpaid, then paid-and-in-transit.
 */
const STATUS_WORDS: [RegExp, TImportedOrderStatus][] = [
  [/退款成功|已退款|全额退款|退货退款完成/, 'refunded'],
  [/关闭|取消|已删除|锁定|作废/, 'closed'],
  [/交易成功|已完成|完成|已签收|已收货/, 'completed'],
  [/等待买家付款|待付款|待支付|等待付款|未付款|待买家付款/, 'pending'],
  [/已付款|已支付|待发货|等待卖家发货|已发货|等待买家确认|等待确认收货|等待出库|等待发货|部分发货|备货中|配送中/, 'paid'],
];

export function parseStatus(text: string): TImportedOrderStatus | null {
  const s = text.replace(/\s/g, '');
  for (const [re, status] of STATUS_WORDS) if (re.test(s)) return status;
  return null;
}

/** A cell as text: exceljs gives numbers, dates, rich text and formulas; CSV gives strings. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return '';
}

/** Numbers exported as text with a leading `'`, a tab or `="…"` (so Excel keeps the digits) lose it. */
function unquote(text: string): string {
  return text.replace(/^="(.*)"$/, '$1').replace(/^['\t]/, '').trim();
}

const pick = (cells: unknown[], i: number | null): unknown => (i === null ? undefined : cells[i]);
const text = (cells: unknown[], i: number | null) => unquote(cellText(pick(cells, i)));

/** Checks one data row against the mapping. Every problem is named (the report shows them all). */
export function parseRow(cells: unknown[], mapping: TImportMapping): RowResult {
  const reasons: string[] = [];
  const orderNo = text(cells, mapping.orderNo);
  if (!orderNo) reasons.push('缺少订单编号');
  else if (orderNo.length > 64) reasons.push('订单编号过长');

  const amountRaw = text(cells, mapping.amount);
  const amountFen = amountRaw ? yuanToFen(amountRaw) : null;
  if (amountFen === null) reasons.push(amountRaw ? `金额「${amountRaw.slice(0, 20)}」无法识别` : '缺少金额');

  const statusRaw = text(cells, mapping.status);
  const status = mapping.status === null || !statusRaw ? null : parseStatus(statusRaw);
  if (statusRaw && !status) reasons.push(`订单状态「${statusRaw.slice(0, 20)}」无法识别`);

  const time = (i: number | null, label: string): Date | null => {
    const v = pick(cells, i);
    if (v instanceof Date) return parseShanghaiTime(v);
    const t = cellText(v);
    if (!t || t === '-' || t === 'null') return null;
    const d = parseShanghaiTime(t);
    if (!d) reasons.push(`${label}「${t.slice(0, 20)}」无法识别`);
    return d;
  };
  const placedAt = time(mapping.placedAt, '下单时间');
  const paidAt = time(mapping.paidAt, '付款时间');
  if (!placedAt && !paidAt && !reasons.some((r) => r.includes('时间'))) reasons.push('缺少下单时间');

  const phoneRaw = text(cells, mapping.phone);
  const phone = phoneRaw ? parsePhone(phoneRaw) : null;
  const buyerId = text(cells, mapping.buyerId).slice(0, 100) || null;
  if (!phone && !buyerId) reasons.push(phoneRaw ? `手机号「${phoneRaw.slice(0, 20)}」无法识别，且没有买家账号` : '缺少手机号和买家账号，无法识别客户');

  if (reasons.length) return { ok: false, reasons };
  const qtyRaw = text(cells, mapping.itemQuantity);
  const qty = /^\d{1,6}$/.test(qtyRaw) ? Number(qtyRaw) : null;
  // Without a status column an order with a payment time was paid; one without was only placed.
  const finalStatus = status ?? (paidAt ? 'paid' : 'pending');
  return {
    ok: true,
    row: {
      orderNo, buyerId, name: text(cells, mapping.name).slice(0, 60) || null,
      phone: phone?.phone ?? null, phoneMasked: phone?.masked ?? false,
      address: text(cells, mapping.address).slice(0, 300) || null,
      amountFen: amountFen!, status: finalStatus, placedAt, paidAt,
      itemTitle: text(cells, mapping.itemTitle).slice(0, 200), itemQuantity: qty,
    },
  };
}

/** Paid facts count for RFM and lifecycle; refunded orders were paid, then given back. */
export function countsAsPaid(status: TImportedOrderStatus): boolean {
  return status === 'paid' || status === 'completed';
}

/** The buyer's identities: the platform account, and the phone (a masked one is only partial). */
export function identitiesOf(row: ImportedRow, platform: TImportPlatform): TIdentityClaim[] {
  const out: TIdentityClaim[] = [];
  if (row.buyerId && platform !== 'generic') out.push({ kind: platform, value: row.buyerId });
  if (row.phone) out.push({ kind: row.phoneMasked ? 'phone_masked' : 'phone', value: row.phone });
  return out;
}

/** Strong identities join customers; a masked phone never does (issue 7 §2). */
export const isStrong = (c: TIdentityClaim) => c.kind !== 'phone_masked';

/**
 * Groups a batch's rows by buyer: rows sharing any strong identity (directly or through another row)
 * are one buyer, so one batch never asks to create the same person twice. Rows with only a masked
 * phone stay alone. Returns, per group, the row indexes.
 */
export function groupBuyers(claims: TIdentityClaim[][]): number[][] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  claims.forEach((cs, i) => {
    for (const c of cs.filter(isStrong)) {
      const key = `${c.kind}:${c.value}`;
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  claims.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}
