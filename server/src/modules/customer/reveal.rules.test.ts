import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCursor, encodeCursor, fullAddress, maskAddress, maskIdentity, searchMode } from './reveal.rules.ts';

describe('masking', () => {
  it('masks phones, emails and account ids', () => {
    expect(maskIdentity('phone', '13812345678')).toBe('138****5678');
    expect(maskIdentity('phone_masked', '138****5678')).toBe('138****5678');
    expect(maskIdentity('email', 'lin.xiaoyu@example.com')).toBe('l***@example.com');
    expect(maskIdentity('taobao', 'tb_linxiaoyu88')).toBe('tb****88');
    expect(maskIdentity('member_card', '8801')).toBe('****');
  });

  it('never shows the middle four digits of a phone', () => {
    fc.assert(fc.property(fc.stringMatching(/^1\d{10}$/), (p) => {
      const m = maskIdentity('phone', p);
      expect(m).not.toContain(p.slice(3, 7) + p.slice(7));
      expect(m).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }));
  });

  it('masks an address to its district and reveals it whole', () => {
    const a = { province: '浙江省', city: '杭州市', district: '西湖区', detail: '南山路 218 号', recipient: '林晓雨', mobile: '13812345678' };
    expect(maskAddress(a)).toBe('浙江省杭州市西湖区 ****');
    expect(fullAddress(a)).toBe('林晓雨 13812345678 浙江省杭州市西湖区南山路 218 号');
    expect(maskAddress({ ...a, province: '上海市', city: '上海市', district: '徐汇区' })).toBe('上海市徐汇区 ****');
  });
});

describe('list cursor and search', () => {
  it('round-trips a cursor and refuses garbage', () => {
    const c = encodeCursor('2026-01-02T03:04:05.000Z', '0190e0a4-0000-7000-8000-000000000001');
    expect(decodeCursor(c)).toEqual({ createdAt: '2026-01-02T03:04:05.000Z', id: '0190e0a4-0000-7000-8000-000000000001' });
    expect(decodeCursor('nope')).toBeNull();
    expect(decodeCursor(Buffer.from('["x","y"]').toString('base64url'))).toBeNull();
  });

  it('reads 4 digits as a phone tail, 11 as a phone, anything else as text', () => {
    expect(searchMode('5678')).toEqual({ kind: 'tail', tail: '5678' });
    expect(searchMode('138 1234 5678')).toEqual({ kind: 'phone', phone: '13812345678' });
    expect(searchMode('林晓雨')).toEqual({ kind: 'text', text: '林晓雨' });
    expect(searchMode('tb_lin')).toEqual({ kind: 'text', text: 'tb_lin' });
  });
});
