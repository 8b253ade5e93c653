import type { TAddressInput, TShippingTemplateInput } from '@koi/contracts';
import { ZAddressInput, ZShippingTemplateInput } from '@koi/contracts';
import type { Koi } from '../app.ts';

/**
 * The demo merchant's shipping template and its shoppers' addresses. 江浙沪 is close to the
 * merchant's stores (杭州, 上海, 苏州), 新疆/西藏 are far, 港澳台 are not delivered to.
 */
export const DEMO_SHIPPING_TEMPLATE: TShippingTemplateInput = {
  name: '默认运费',
  chargeBy: 'piece',
  defaultRule: { first: 1, firstFeeFen: 800, additional: 1, additionalFeeFen: 200 },
  regionRules: [
    { regions: ['310000', '320000', '330000'], first: 1, firstFeeFen: 500, additional: 1, additionalFeeFen: 100 },
    { regions: ['650000', '540000'], first: 1, firstFeeFen: 2000, additional: 1, additionalFeeFen: 1000 },
  ],
  undeliverable: ['710000', '810000', '820000'],
  freeShipping: [{ regions: [], minAmountFen: 19900, minQuantity: null }],
  isDefault: true,
};

/** By phone (the demo shoppers); the first address of each is their default. */
export const DEMO_ADDRESSES: Record<string, TAddressInput[]> = {
  '13916880001': [
    { recipient: '张雅琴', mobile: '13916880001', provinceCode: '330000', cityCode: '330100', districtCode: '330106', detail: '南山路 218 号 青瓷苑 3 幢 201 室', label: '家' },
    { recipient: '张雅琴', mobile: '13916880001', provinceCode: '310000', cityCode: '310100', districtCode: '310106', detail: '南京西路 1266 号 恒隆广场 28 楼', label: '公司' },
  ],
  '13916880002': [
    { recipient: '王浩然', mobile: '13916880002', provinceCode: '310000', cityCode: '310100', districtCode: '310115', detail: '世纪大道 100 号 环球金融中心 52 楼', label: '公司' },
  ],
  '13916880003': [
    { recipient: '李思琪', mobile: '13916880003', provinceCode: '320000', cityCode: '320500', districtCode: '320508', detail: '平江路 95 号 2 单元 602', label: '家' },
    { recipient: '李妈妈', mobile: '13916880013', provinceCode: '320000', cityCode: '320500', districtCode: '320506', detail: '金鸡湖大道 1355 号 国际科技园', label: null },
  ],
  '13916880004': [
    { recipient: '陈默', mobile: '13916880004', provinceCode: '110000', cityCode: '110100', districtCode: '110105', detail: '建国路 87 号 SKP 写字楼 12 层', label: '公司' },
  ],
  '13916880005': [
    { recipient: '赵一鸣', mobile: '13916880005', provinceCode: '330000', cityCode: '330100', districtCode: '330108', detail: '江南大道 588 号 恒鑫大厦 1808', label: '家' },
    { recipient: '赵一鸣', mobile: '13916880005', provinceCode: '650000', cityCode: '650100', districtCode: '650102', detail: '人民路 2 号 天山商厦 5 楼', label: '公司' },
  ],
};

export async function seedShipping(koi: Pick<Koi, 'identity' | 'customer' | 'fulfilment'>): Promise<void> {
  await koi.fulfilment.templates.create(ZShippingTemplateInput.parse(DEMO_SHIPPING_TEMPLATE));
  for (const [phone, addresses] of Object.entries(DEMO_ADDRESSES)) {
    const shopperId = await koi.identity.shoppers.ensureByPhone(phone, addresses[0]!.recipient);
    for (const a of addresses) await koi.customer.addresses.create(shopperId, ZAddressInput.parse(a));
  }
}
