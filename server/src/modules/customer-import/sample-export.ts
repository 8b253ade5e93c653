import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';

/**
 * Realistic order exports of the four platforms, generated row by row (a million rows never sit in
 * memory): used by the tests, the benchmark, the browser e2e, the demo and the admin's "下载示例文件".
 * Deterministic for a seed. Buyers repeat (about three orders each), some phones are masked (as
 * Douyin exports them), and with `badEvery` every n-th row is broken in one of five ways.
 */
export type SamplePlatform = 'taobao' | 'jd' | 'douyin' | 'youzan';
export type SampleOptions = { platform: SamplePlatform; rows: number; seed?: number; badEvery?: number; orderPrefix?: string };

export const SAMPLE_HEADERS: Record<SamplePlatform, string[]> = {
  taobao: ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '买家留言',
    '收货人姓名', '收货地址', '运送方式', '联系电话', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '物流公司',
    '订单备注', '宝贝总数量', '店铺名称', '订单关闭原因', '退款金额'],
  jd: ['订单号', '商品ID', '商品名称', '订购数量', '支付方式', '下单时间', '京东价', '订单金额', '结算金额', '余额支付', '应付金额', '订单状态',
    '订单类型', '下单帐号', '客户姓名', '客户地址', '联系电话', '订单备注', '付款确认时间'],
  douyin: ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商品ID', '商品单价', '订单应付金额', '运费', '支付方式',
    '收件人', '收件人手机号', '省', '市', '区', '详细地址', '订单提交时间', '支付完成时间', '订单状态', '售后状态'],
  youzan: ['订单号', '订单状态', '订单创建时间', '买家付款时间', '商品名称', '商品数量', '订单应付金额', '订单实付金额', '粉丝昵称', '买家手机号',
    '收货人/提货人', '收货人手机号/提货人手机号', '详细收货地址/提货地址', '买家备注'],
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志强丹慧婷雪梅晨曦子涵欣怡浩然宇轩思远雨桐';
const PLACES: [string, string, string][] = [
  ['浙江省', '杭州市', '西湖区'], ['江苏省', '苏州市', '工业园区'], ['广东省', '深圳市', '南山区'], ['上海市', '上海市', '浦东新区'],
  ['北京市', '北京市', '朝阳区'], ['四川省', '成都市', '武侯区'], ['江苏省', '无锡市', '宜兴市'], ['湖北省', '武汉市', '洪山区'],
  ['福建省', '厦门市', '思明区'], ['山东省', '青岛市', '市南区'], ['陕西省', '西安市', '雁塔区'], ['湖南省', '长沙市', '岳麓区'],
];
const ROADS = ['文三路', '人民路', '解放大道', '中山路', '建设路', '长江路', '科技园路', '丁蜀镇陶都路'];
const ITEMS: [string, number][] = [
  ['宜兴紫砂壶 原矿朱泥西施壶 手工 220ml', 68800], ['紫砂壶 段泥石瓢壶 全手工', 128000], ['明前龙井 特级 250g 礼盒装', 39800],
  ['福鼎白茶 白牡丹 2019年 357g 饼', 26800], ['建盏 兔毫 天目盏 手工', 45800], ['公道杯 玻璃 加厚 耐热', 3900],
  ['茶盘 实木 家用 小号', 15900], ['普洱 熟茶 七子饼 357g', 19800], ['紫砂杯 品茗杯 两只装', 8800], ['竹制茶具六君子', 4900],
];

const STATUS: Record<SamplePlatform, [string, number][]> = {
  taobao: [['交易成功', 70], ['卖家已发货，等待买家确认', 8], ['买家已付款，等待卖家发货', 6], ['交易关闭', 11], ['等待买家付款', 5]],
  jd: [['完成', 72], ['等待出库', 8], ['等待确认收货', 6], ['已取消', 9], ['退款成功', 5]],
  douyin: [['已完成', 70], ['已发货', 10], ['待发货', 5], ['已关闭', 10], ['退款成功', 5]],
  youzan: [['交易完成', 72], ['已发货', 8], ['待发货', 5], ['已关闭', 10], ['退款成功', 5]],
};

/** mulberry32: small, fast, good enough for test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${pad(fen % 100)}`;
/** Asia/Shanghai wall-clock text of an instant. */
const shanghai = (ms: number) => {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Row i (0-based) is broken when `badEvery` divides i + 1. */
export const isBadSampleRow = (i: number, badEvery = 0) => badEvery > 0 && (i + 1) % badEvery === 0;

/** The header, then `rows` data rows, as cell text. */
export function* sampleExport(opts: SampleOptions): Generator<string[]> {
  const { platform, rows } = opts;
  const rand = rng(opts.seed ?? 7);
  const int = (n: number) => Math.floor(rand() * n);
  const buyers = Math.max(1, Math.ceil(rows / 3));
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const headers = SAMPLE_HEADERS[platform];
  yield headers;
  for (let i = 0; i < rows; i++) {
    // Buyer b's details are a function of b, so a repeat buyer has the same name, phone and address.
    const b = int(buyers);
    const br = rng(b * 7919 + 17);
    const name = SURNAMES[Math.floor(br() * SURNAMES.length)]! + GIVEN[Math.floor(br() * GIVEN.length)]! + (br() < 0.5 ? GIVEN[Math.floor(br() * GIVEN.length)]! : '');
    const phone = `1${[3, 5, 7, 8, 9][Math.floor(br() * 5)]}${pad(b % 1_000_000_000, 9)}`;
    const place = PLACES[Math.floor(br() * PLACES.length)]!;
    const street = `${ROADS[Math.floor(br() * ROADS.length)]}${1 + Math.floor(br() * 300)}号${1 + Math.floor(br() * 20)}幢${101 + Math.floor(br() * 20)}室`;
    const nick = `tb_${(b * 2654435761 >>> 0).toString(36)}`;
    const [title, price] = ITEMS[int(ITEMS.length)]!;
    const qty = 1 + (rand() < 0.8 ? 0 : int(3));
    const fen = price * qty - (rand() < 0.3 ? int(20) * 100 : 0);
    let status = weighted(STATUS[platform], rand);
    const placed = start + int(span);
    const unpaid = /付款|待支付/.test(status) || (/关闭|取消/.test(status) && rand() < 0.5);
    let placedText = shanghai(placed);
    let paidText = unpaid ? '' : shanghai(placed + 60_000 + int(1_800_000));
    let orderNo = `${opts.orderPrefix ?? ''}${platform === 'jd' ? '2' : '3'}${pad(i, 11)}${pad(int(100000), 5)}`;
    let amount = yuan(fen);
    let phoneText = platform === 'douyin' ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
    let buyerText = nick;
    if (isBadSampleRow(i, opts.badEvery)) {
      const kind = Math.floor((i + 1) / (opts.badEvery ?? 1)) % 5;
      if (kind === 0) orderNo = '';
      else if (kind === 1) amount = '十二元';
      else if (kind === 2) { placedText = '昨天下午'; paidText = ''; }
      else if (kind === 3) { phoneText = ''; buyerText = ''; }
      else status = '状态未知';
    }
    const address = `${place[0]} ${place[1]} ${place[2]} ${street}`;
    const cells: Record<string, string> = {
      // Taobao
      订单编号: orderNo, 买家会员名: buyerText, 买家支付宝账号: '**', 买家应付货款: amount, 买家应付邮费: '0.00', 总金额: amount,
      买家实际支付金额: unpaid ? '0.00' : amount, 订单状态: status, 买家留言: '', 收货人姓名: name, 收货地址: address, 运送方式: '快递',
      联系电话: '', 联系手机: phoneText, 订单创建时间: placedText, 订单付款时间: paidText, 宝贝标题: title, 宝贝种类: '1',
      物流单号: unpaid ? '' : `SF${pad(i, 12)}`, 物流公司: unpaid ? '' : '顺丰速运', 订单备注: '', 宝贝总数量: String(qty), 店铺名称: '锦鲤茶器',
      订单关闭原因: /关闭/.test(status) ? '买家不想买了' : '', 退款金额: '0.00',
      // JD
      订单号: orderNo, 商品ID: String(100000 + int(900000)), 商品名称: title, 订购数量: String(qty), 支付方式: '在线支付', 下单时间: placedText,
      京东价: yuan(price), 订单金额: amount, 结算金额: amount, 余额支付: '0.00', 应付金额: amount, 订单类型: '普通订单', 下单帐号: buyerText,
      客户姓名: name, 客户地址: address, 付款确认时间: paidText,
      // Douyin
      主订单编号: orderNo, 子订单编号: `${orderNo}1`, 选购商品: title, 商品规格: '默认', 商品数量: String(qty), 商品单价: yuan(price),
      订单应付金额: amount, 运费: '0.00', 收件人: name, 收件人手机号: phoneText, 省: place[0], 市: place[1], 区: place[2], 详细地址: street,
      订单提交时间: placedText, 支付完成时间: paidText, 售后状态: '',
      // Youzan
      买家付款时间: paidText, 订单实付金额: unpaid ? '0.00' : amount, 粉丝昵称: buyerText, 买家手机号: phoneText, '收货人/提货人': name,
      '收货人手机号/提货人手机号': phoneText, '详细收货地址/提货地址': address, 买家备注: '',
    };
    if (platform === 'jd') cells.联系电话 = phoneText;
    yield headers.map((h) => cells[h] ?? '');
  }
}

function weighted(choices: [string, number][], rand: () => number): string {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let r = rand() * total;
  for (const [v, w] of choices) if ((r -= w) < 0) return v;
  return choices[0]![0];
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes the export as CSV (UTF-8 with BOM, or GBK as Taobao does) or XLSX, streaming. */
export async function writeSampleExport(target: string | Writable, opts: SampleOptions & { format: 'csv' | 'xlsx'; encoding?: 'utf-8' | 'gbk' }): Promise<void> {
  const out = typeof target === 'string' ? createWriteStream(target) : target;
  if (opts.format === 'xlsx') {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const ws = wb.addWorksheet('订单');
    for (const row of sampleExport(opts)) ws.addRow(row).commit();
    ws.commit();
    await wb.commit();
    return;
  }
  const gbk = opts.encoding === 'gbk';
  let buf: string[] = gbk ? [] : ['\uFEFF'];
  const flush = async () => {
    const text = buf.join('');
    buf = [];
    if (!out.write(gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'))) await once(out, 'drain');
  };
  for (const row of sampleExport(opts)) {
    buf.push(row.map(csvCell).join(','), '\r\n');
    if (buf.length >= 2000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
}
