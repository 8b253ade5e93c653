import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../platform/log.ts';
import type { AddressSnapshot } from './address-book.ts';

const snapshot: AddressSnapshot = {
  addressId: '0190aaaa-0000-7000-8000-000000000001', recipient: '张雅琴', mobile: '13916880001', provinceCode: '330000', province: '浙江省',
  cityCode: '330100', city: '杭州市', districtCode: '330106', district: '西湖区', detail: '南山路 218 号 3 幢 201',
};

describe('addresses in logs', () => {
  // Log an address nested under `address` (redacted whole by platform/log.ts); at the top level
  // only the mobile is masked, the street would stay readable.
  it('never shows a recipient\'s mobile, and drops a nested address whole', () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } }));
    log.info(snapshot, 'address chosen');
    log.info({ orderId: 'o-1', address: snapshot }, 'order placed');
    log.warn(`could not reach ${snapshot.mobile}`);
    const out = lines.join('');
    expect(out).not.toContain('13916880001');
    expect(out).toContain('139****0001');
    expect(lines[1]).not.toContain('南山路');
    expect(JSON.parse(lines[1]!).address).toBe('[redacted]');
  });
});
