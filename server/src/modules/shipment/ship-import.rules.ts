import { findCourier, normaliseTrackingNo } from './couriers.rules.ts';

/** Columns of the batch-shipping sheet (the template's header row), with the English names accepted too. */
export const IMPORT_COLUMNS = [
  { key: 'orderNo', names: ['订单号', '订单编号', 'order no', 'order number'] },
  { key: 'courier', names: ['快递公司', '物流公司', 'courier', 'courier code'] },
  { key: 'trackingNo', names: ['运单号', '快递单号', '物流单号', 'tracking no', 'tracking number'] },
] as const;
export type ImportKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type HeaderMap = Partial<Record<ImportKey, number>>;
export const MAX_SHIP_IMPORT_ROWS = 5000;

/** Text of a cell as a person typed it: numbers without exponent, rich text and formulas by their text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(Math.round(v)).toString() : String(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (typeof o.text === 'string') return o.text.trim();
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v).trim();
}

/** Which column holds what (1-based, as exceljs' row.values), and the required ones missing. */
export function mapHeaders(values: unknown[]): { map: HeaderMap; missing: string[] } {
  const map: HeaderMap = {};
  values.forEach((v, i) => {
    const name = cellText(v).toLowerCase().replace(/[*＊\s]+/g, ' ').trim();
    for (const c of IMPORT_COLUMNS) if ((c.names as readonly string[]).includes(name) && map[c.key] === undefined) map[c.key] = i;
  });
  const missing = IMPORT_COLUMNS.filter((c) => map[c.key] === undefined).map((c) => c.names[0]);
  return { map, missing };
}

export type ParsedRow = { ok: true; orderNo: string; courierCode: string; trackingNo: string } | { ok: false; errors: string[] };

/** One data row: null when blank, else the parcel or every reason it cannot be one. */
export function parseRow(values: unknown[], map: HeaderMap): ParsedRow | null {
  const get = (k: ImportKey) => (map[k] === undefined ? '' : cellText(values[map[k]!]));
  const orderNo = get('orderNo').replace(/\s+/g, '');
  const courierText = get('courier');
  const trackingRaw = get('trackingNo');
  if (!orderNo && !courierText && !trackingRaw) return null;
  const errors: string[] = [];
  if (!orderNo) errors.push('订单号不能为空');
  const courier = courierText ? findCourier(courierText) : null;
  if (!courierText) errors.push('快递公司不能为空');
  else if (!courier) errors.push(`不支持的快递公司「${courierText}」`);
  let trackingNo: string | null = null;
  if (!trackingRaw) errors.push('运单号不能为空');
  else if (courier) {
    trackingNo = normaliseTrackingNo(courier, trackingRaw);
    if (!trackingNo) errors.push(`运单号「${trackingRaw}」不是${courier.name}的单号格式`);
  }
  if (errors.length || !courier || !trackingNo) return { ok: false, errors };
  return { ok: true, orderNo, courierCode: courier.code, trackingNo };
}
