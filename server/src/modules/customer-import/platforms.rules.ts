import { IMPORT_FIELDS, type TImportField, type TImportMapping, type TImportPlatform } from '@koi/contracts';

/**
 * Each platform's usual export headers (订单报表 / 订单导出), per target field, best first. Headers are
 * compared after `normalizeHeader` (spaces, BOM, full-width brackets and a trailing colon removed).
 * Taobao and Tmall share the seller centre's order report; JD's 商家后台 export, Douyin shop's
 * (抖店) order report (one row per sub-order when exported "by product") and Youzan's order export.
 */
type PlatformHeaders = { signature: string[]; fields: Partial<Record<TImportField, string[]>> };

export const PLATFORM_HEADERS: Record<Exclude<TImportPlatform, 'generic'>, PlatformHeaders> = {
  taobao: {
    signature: ['订单编号', '买家会员名', '买家应付货款', '买家实际支付金额', '宝贝标题', '宝贝总数量', '收货人姓名', '联系手机', '订单付款时间'],
    fields: {
      orderNo: ['订单编号'],
      buyerId: ['买家会员名', '买家昵称'],
      name: ['收货人姓名'],
      phone: ['联系手机', '联系电话'],
      address: ['收货地址'],
      amount: ['买家实际支付金额', '总金额', '买家应付货款'],
      status: ['订单状态'],
      placedAt: ['订单创建时间'],
      paidAt: ['订单付款时间'],
      itemTitle: ['宝贝标题'],
      itemQuantity: ['宝贝总数量', '宝贝种类'],
    },
  },
  jd: {
    signature: ['订单号', '客户账号', '客户姓名', '订单金额', '应付金额', '下单时间', '商品名称', '客户地址'],
    fields: {
      orderNo: ['订单号'],
      buyerId: ['客户账号', '下单帐号', '下单账号'],
      name: ['客户姓名', '收货人'],
      phone: ['联系电话', '客户电话', '收货人手机'],
      address: ['客户地址', '收货地址'],
      amount: ['应付金额', '订单金额'],
      status: ['订单状态'],
      placedAt: ['下单时间'],
      paidAt: ['付款确认时间', '付款时间'],
      itemTitle: ['商品名称'],
      itemQuantity: ['订购数量', '商品数量'],
    },
  },
  douyin: {
    signature: ['主订单编号', '子订单编号', '选购商品', '商品数量', '订单应付金额', '收件人', '收件人手机号', '订单提交时间'],
    fields: {
      orderNo: ['主订单编号'],
      buyerId: ['买家ID', '用户ID'],
      name: ['收件人'],
      phone: ['收件人手机号'],
      address: ['详细地址', '收货地址'],
      amount: ['订单应付金额', '支付金额'],
      status: ['订单状态'],
      placedAt: ['订单提交时间'],
      paidAt: ['支付完成时间', '支付时间'],
      itemTitle: ['选购商品', '商品名称'],
      itemQuantity: ['商品数量'],
    },
  },
  youzan: {
    signature: ['订单号', '买家手机号', '收货人手机号', '订单实付金额', '订单创建时间', '商品名称', '买家付款时间'],
    fields: {
      orderNo: ['订单号'],
      buyerId: ['粉丝昵称', '买家昵称'],
      name: ['收货人/提货人', '收货人姓名', '收货人'],
      phone: ['买家手机号', '收货人手机号', '收货人手机号/提货人手机号'],
      address: ['详细收货地址/提货地址', '详细收货地址', '收货地址'],
      amount: ['订单实付金额', '订单应付金额'],
      status: ['订单状态'],
      placedAt: ['订单创建时间'],
      paidAt: ['买家付款时间', '付款时间'],
      itemTitle: ['商品名称'],
      itemQuantity: ['商品数量', '商品购买数量'],
    },
  },
};

/** Headers any spreadsheet might use, for a file that looks like no platform. */
const GENERIC: PlatformHeaders['fields'] = {
  orderNo: ['订单编号', '订单号', '主订单编号', '订单ID', '单号'],
  buyerId: ['买家会员名', '买家账号', '客户账号', '买家ID', '会员名', '买家昵称'],
  name: ['姓名', '收货人姓名', '收货人', '收件人', '客户姓名', '买家姓名'],
  phone: ['手机号', '手机', '联系手机', '手机号码', '联系电话', '电话', '收件人手机号', '买家手机号'],
  address: ['地址', '收货地址', '详细地址', '客户地址'],
  amount: ['实付金额', '支付金额', '订单金额', '金额', '应付金额', '买家实际支付金额'],
  status: ['订单状态', '状态'],
  placedAt: ['下单时间', '订单创建时间', '创建时间', '订单提交时间'],
  paidAt: ['付款时间', '支付时间', '订单付款时间'],
  itemTitle: ['商品名称', '商品', '宝贝标题', '商品标题'],
  itemQuantity: ['数量', '商品数量', '购买数量'],
};

export function normalizeHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/[:：]$/, '');
}

export function emptyMapping(): TImportMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as TImportMapping;
}

function mapWith(headers: string[], fields: PlatformHeaders['fields']): TImportMapping {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n && !index.has(n)) index.set(n, i);
  });
  const mapping = emptyMapping();
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    for (const alias of fields[field] ?? []) {
      const i = index.get(normalizeHeader(alias));
      if (i !== undefined && !used.has(i)) {
        mapping[field] = i;
        used.add(i);
        break;
      }
    }
  }
  return mapping;
}

export type Recognition = { platform: TImportPlatform; matchedHeaders: number; mapping: TImportMapping };

/**
 * Which platform exported this header row, by how many of each platform's signature headers it
 * carries (ties go to the platform listed first); at least three are needed, else `generic`.
 * The mapping is the platform's (or the generic aliases') first header found per field.
 */
export function recognizePlatform(headers: string[]): Recognition {
  const present = new Set(headers.map(normalizeHeader));
  let best: { platform: Exclude<TImportPlatform, 'generic'>; n: number } | null = null;
  for (const [platform, def] of Object.entries(PLATFORM_HEADERS) as [Exclude<TImportPlatform, 'generic'>, PlatformHeaders][]) {
    const n = def.signature.filter((s) => present.has(s)).length;
    if (!best || n > best.n) best = { platform, n };
  }
  if (best && best.n >= 3) return { platform: best.platform, matchedHeaders: best.n, mapping: mapWith(headers, PLATFORM_HEADERS[best.platform].fields) };
  const mapping = mapWith(headers, GENERIC);
  return { platform: 'generic', matchedHeaders: Object.values(mapping).filter((v) => v !== null).length, mapping };
}

/** Problems with an operator's mapping (empty when it can be started). */
export function mappingProblems(mapping: TImportMapping, columns: number): string[] {
  const problems: string[] = [];
  if (mapping.orderNo === null) problems.push('orderNo');
  if (mapping.amount === null) problems.push('amount');
  if (mapping.placedAt === null && mapping.paidAt === null) problems.push('placedAt');
  if (mapping.buyerId === null && mapping.phone === null) problems.push('phone');
  for (const [f, i] of Object.entries(mapping)) if (i !== null && i >= columns) problems.push(f);
  return [...new Set(problems)];
}
