import { IMPORT_FIELDS, type TCustomerImportStatus, type TImportField, type TImportMapping, type TImportedOrderStatus } from '@koi/contracts';

/** The mapping step's rows, in the order the operator reads them. */
export const MAPPING_FIELDS: readonly TImportField[] = IMPORT_FIELDS;
export const SAMPLE_PLATFORMS = ['taobao', 'jd', 'douyin', 'youzan'] as const;

/** `A`, `B` … `Z`, `AA`: the column as Excel names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Select options for one field: every column of the file, by letter and header. */
export function columnOptions(headers: readonly string[]): { value: number; label: string }[] {
  return headers.map((h, i) => ({ value: i, label: `${columnLetter(i)} · ${h || '—'}` }));
}

/**
 * What the mapping still lacks before the import can start (the server checks the same and answers
 * 422 `customer_import.mapping_incomplete`): an order number, an amount, a time, and a way to know the buyer.
 */
export function missingFields(m: TImportMapping): TImportField[] {
  const out: TImportField[] = [];
  if (m.orderNo === null) out.push('orderNo');
  if (m.amount === null) out.push('amount');
  if (m.placedAt === null && m.paidAt === null) out.push('placedAt');
  if (m.phone === null && m.buyerId === null) out.push('phone');
  return out;
}

export function importTagType(status: TCustomerImportStatus['status']): 'info' | 'primary' | 'success' | 'danger' {
  return ({ uploaded: 'info', queued: 'info', importing: 'primary', done: 'success', failed: 'danger' } as const)[status];
}

export function orderTagType(status: TImportedOrderStatus): 'info' | 'primary' | 'success' | 'danger' | 'warning' {
  return ({ pending: 'warning', paid: 'primary', completed: 'success', refunded: 'danger', closed: 'info' } as const)[status];
}

export const isRunning = (s: TCustomerImportStatus | null) => s !== null && (s.status === 'queued' || s.status === 'importing');
