import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectEncoding, exportRows, sniff } from './export-reader.ts';
import { writeSampleExport, sampleExport } from './sample-export.ts';
import { regionCodeOf } from './region.rules.ts';
import { regions } from '../customer/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'koi-export-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(file: string) {
  const s = await sniff(file);
  const out: string[][] = [];
  for await (const r of exportRows(file, s.format, s.encoding).rows) out.push(r.cells.map((c) => (c === null || c === undefined ? '' : String(c))));
  return { s, out };
}

describe('reading exports', () => {
  it('tells UTF-8 from GBK, even when the sample cuts a character', () => {
    expect(detectEncoding(Buffer.from('\uFEFF订单编号,金额'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('订单编号,金额'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('订单编号,金额').subarray(0, 4))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('订单编号,买家会员名,收货地址', 'gbk'))).toBe('gbk');
  });

  it('reads a GBK CSV with quotes, embedded newlines and ="…" cells', async () => {
    const file = path.join(dir, 'gbk.csv');
    writeFileSync(file, iconv.encode('订单编号,买家留言,收货地址\r\n="3912345",说"好"的,"浙江省 杭州市\r\n西湖区, 1号"\r\n', 'gbk'));
    const { s, out } = await all(file);
    expect(s).toMatchObject({ format: 'csv', encoding: 'gbk' });
    expect(out).toEqual([['订单编号', '买家留言', '收货地址'], ['="3912345"', '说"好"的', '浙江省 杭州市\r\n西湖区, 1号']]);
  });

  it('reads the generated sample the same from CSV (UTF-8, GBK) and XLSX', async () => {
    const expected = [...sampleExport({ platform: 'youzan', rows: 120, seed: 3 })];
    for (const [name, format, encoding] of [['a.csv', 'csv', 'utf-8'], ['b.csv', 'csv', 'gbk'], ['c.xlsx', 'xlsx', undefined]] as const) {
      const file = path.join(dir, name);
      await writeSampleExport(file, { platform: 'youzan', rows: 120, seed: 3, format, encoding });
      const { out } = await all(file);
      expect(out.map((r) => r.join('|').replace(/\|+$/, ''))).toEqual(expected.map((r) => r.join('|').replace(/\|+$/, '')));
    }
  });
});

describe('regions of addresses', () => {
  const r = regions();
  const code = (a: string) => regionCodeOf(a, (p) => r.children(p));
  it('finds the most precise level, with or without spaces and suffixes', () => {
    expect(code('浙江省 杭州市 西湖区 文三路1号')).toBe('330106');
    expect(code('广东深圳南山区科技园')).toBe('440305');
    expect(code('上海市 上海市 浦东新区 世纪大道')).toBe('310115');
    expect(code('上海 浦东新区')).toBe('310115');
    expect(code('江苏省 无锡市 宜兴市 丁蜀镇')).toBe('320282');
    expect(code('江苏省 某某市')).toBe('320000');
    expect(code('火星基地')).toBeNull();
  });
});
