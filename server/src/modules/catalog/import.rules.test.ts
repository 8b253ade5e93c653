import { describe, expect, it } from 'vitest';
import { cellText, headerRow, mapHeaders, parseImportRow, type ImportRow } from './import-rows.rules.ts';
import { groupRows, matchProducts, resolveCategory, RowErrors } from './import-groups.rules.ts';

const headers = headerRow(2);
const { map } = mapHeaders([undefined, ...headers]); // the reader's row values are 1-based
const rowOf = (o: Record<string, unknown>) => [undefined, ...headers.map((h) => o[h])];
const base = { 商品标题: '汝窑盖碗', 类目: '茶具/盖碗', 规格1名: '颜色', 规格1值: '天青', SKU编码: 'GW-1', '售价(元)': 128, 库存: 10 };

function parse(o: Record<string, unknown>, row = 2): ImportRow {
  const r = parseImportRow(rowOf(o), map, row);
  if (!r || !r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

describe('import rows', () => {
  it('finds columns by header, whatever their order, and names missing required ones', () => {
    const { map: m, missing } = mapHeaders([undefined, '库存', 'SKU编码', '商品标题', '错误']);
    expect(m.cols.get('stock')).toBe(1);
    expect(missing).toEqual(['类目', '售价(元)']);
  });

  it('parses a row into fen and whole numbers, tags and status', () => {
    const r = parse({ ...base, '售价(元)': '128.5', '划线价(元)': 168, '重量(克)': 350, 标签: '新品，热销、送礼', 状态: '上架', 限购: 2 });
    expect(r).toMatchObject({ priceFen: 12850, listPriceFen: 16800, weightGrams: 350, tags: ['新品', '热销', '送礼'], status: 'on_sale', purchaseLimit: 2, specs: [{ name: '颜色', value: '天青' }] });
  });

  it('gives every reason a row is bad at once', () => {
    const r = parseImportRow(rowOf({ ...base, '售价(元)': '-1', 库存: '3.5', 状态: '热卖', 规格2名: '容量', SKU编码: '' }), map, 7);
    expect(r).toEqual({ ok: false, errors: expect.arrayContaining(['SKU编码不能为空', '售价(元)「-1」金额不能为负数', '库存「3.5」必须是不小于 0 的整数', '状态「热卖」无法识别，请填 上架、下架 或 草稿', '规格2的名称和值要同时填写']) });
    expect(parseImportRow(rowOf({}), map, 8)).toBeNull();
  });

  it('reads rich text, formulas and hyperlinks as their text', () => {
    expect(cellText({ richText: [{ text: '汝窑' }, { text: '盖碗 ' }] })).toBe('汝窑盖碗');
    expect(cellText({ formula: 'A1*2', result: 12.5 })).toBe('12.5');
    expect(cellText({ text: '链接', hyperlink: 'https://x' })).toBe('链接');
  });
});

describe('import groups', () => {
  const rows = [
    parse({ ...base }, 2),
    parse({ ...base, 规格1值: '月白', SKU编码: 'GW-2' }, 3),
    parse({ ...base, 商品标题: '龙井', 类目: '绿茶', 规格1名: '', 规格1值: '', SKU编码: 'LJ-1', '售价(元)': 298 }, 4),
  ];

  it('groups rows by title into products that pass the product rules', () => {
    const errors = new RowErrors();
    const groups = groupRows(rows, errors);
    expect(errors.size).toBe(0);
    expect(groups.map((g) => [g.title, g.rows, g.input.skus.length])).toEqual([['汝窑盖碗', [2, 3], 2], ['龙井', [4], 1]]);
    expect(groups[0]!.input.specs).toEqual([{ name: '颜色', values: ['天青', '月白'] }]);
  });

  it('reports disagreements, duplicate codes and rule breaks on the rows they come from', () => {
    const errors = new RowErrors();
    groupRows([
      ...rows,
      parse({ ...base, 规格1值: '天青', SKU编码: 'GW-3', 类目: '茶杯' }, 5),
      parse({ ...base, 商品标题: '另一个', SKU编码: 'LJ-1' }, 6),
      parse({ ...base, 商品标题: '贵', SKU编码: 'X-1', '划线价(元)': 1 }, 7),
    ], errors);
    expect(errors.byRow.get(5)).toEqual(expect.arrayContaining(['类目与同一商品第 2 行不一致', expect.stringContaining('规格组合「天青」重复')]));
    expect(errors.byRow.get(6)).toEqual(['SKU编码「LJ-1」与第 4 行重复']);
    expect(errors.byRow.get(7)![0]).toContain('X-1 的划线价低于售价');
  });

  it('resolves categories by path or unique name', () => {
    const cats = [
      { id: 'w', parentId: null, name: '茶具', icon: null, sort: 0 }, { id: 'g', parentId: 'w', name: '盖碗', icon: null, sort: 0 },
      { id: 't', parentId: null, name: '茶叶', icon: null, sort: 0 }, { id: 'g2', parentId: 't', name: '礼盒', icon: null, sort: 0 },
      { id: 'g3', parentId: 'w', name: '礼盒', icon: null, sort: 0 },
    ];
    expect(resolveCategory('茶具/盖碗', cats)).toEqual({ id: 'g' });
    expect(resolveCategory('盖碗', cats)).toEqual({ id: 'g' });
    expect(resolveCategory('礼盒', cats)).toEqual({ error: expect.stringContaining('多个同名') });
    expect(resolveCategory('茶叶 > 礼盒', cats)).toEqual({ id: 'g2' });
    expect(resolveCategory('茶具/紫砂', cats)).toEqual({ error: '类目「茶具/紫砂」不存在' });
  });

  it('matches existing products by SKU code, then by a unique title', () => {
    const errors = new RowErrors();
    const groups = groupRows(rows, errors);
    const byCode = matchProducts(groups, new Map([['GW-2', 'p1']]), new Map([['龙井', ['p2']]]), errors);
    expect([...byCode.values()]).toEqual(['p1', 'p2']);
    const split = matchProducts(groups, new Map([['GW-1', 'p1'], ['GW-2', 'p9']]), new Map([['龙井', ['p2', 'p3']]]), errors);
    expect(split.size).toBe(0);
    expect(errors.byRow.get(2)).toEqual(['本商品的 SKU 编码分属 2 个已有商品']);
    expect(errors.byRow.get(4)![0]).toContain('已有 2 个名为「龙井」的商品');
  });
});
