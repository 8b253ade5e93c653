import type { Writable } from 'node:stream';
import { formatYuan } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { streamingWorkbook } from '../../platform/xlsx.ts';
import { segmentCustomers, type CustomerNames } from './segment-preview.ts';
import type { Segments } from './segments.ts';

const GENDER = { male: '男', female: '女', unknown: '未知' } as const;
const HEADER = ['客户ID', '姓名', '性别', '地区编码', '来源渠道', '付款订单数', '消费金额(元)', '最近付款时间'];
const PAGE = 1000;

/**
 * A snapshot's members as .xlsx, written row by row (exceljs streaming writer) while paging the
 * snapshot by keyset: memory stays flat for a million members, and the export is exactly the
 * frozen list (the snapshot records who exported what, and when).
 */
export async function exportSnapshot(db: Db, segments: Segments, snapshotId: string, names: CustomerNames | null, out: Writable): Promise<void> {
  const wb = streamingWorkbook({ stream: out });
  const ws = wb.addWorksheet('人群成员');
  ws.addRow(HEADER).commit();
  let cursor: string | null = null;
  do {
    const page = await segments.snapshotMembers(snapshotId, cursor, PAGE);
    for (const c of await segmentCustomers(db, page.items, names)) {
      ws.addRow([c.customerId, c.name ?? '', GENDER[c.gender], c.regionCode ?? '', c.sourceChannel ?? '', c.paidOrders, formatYuan(c.spendFen, ''), c.lastOrderAt ?? '']).commit();
    }
    cursor = page.next;
  } while (cursor);
  ws.commit();
  await wb.commit();
}
