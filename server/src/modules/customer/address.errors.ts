import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const AddressErrors = defineErrors({
  'customer.address_region_invalid': {
    status: 400,
    zh: '所选省市区不存在或不匹配，请重新选择',
    en: 'The chosen province, city and district do not exist or do not belong together; choose them again',
  },
  'customer.address_limit': { status: 422, zh: '最多保存 {max} 个收货地址，请先删除不用的地址', en: 'You can keep at most {max} addresses; delete one you no longer use first' },
});

defineNouns({
  address: { zh: '收货地址', en: 'Address' },
  region: { zh: '地区', en: 'Region' },
});
