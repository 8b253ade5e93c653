import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const FulfilmentErrors = defineErrors({
  'fulfilment.template_region_invalid': {
    status: 400,
    zh: '运费模板中的地区有误（不存在、选到了区县，或在多处重复），请检查标出的地区',
    en: 'Some regions of the template are wrong (unknown, a district, or listed in more than one place); check the marked ones',
  },
  'fulfilment.template_name_taken': { status: 409, zh: '已有名为「{name}」的运费模板', en: 'A shipping template named "{name}" already exists' },
  'fulfilment.default_template_required': {
    status: 409,
    zh: '默认运费模板不能删除：请先把另一个模板设为默认',
    en: 'The default shipping template cannot be deleted; make another template the default first',
  },
  'fulfilment.destination_invalid': { status: 400, zh: '收货地区无效：城市须属于所选省份', en: 'Invalid destination: the city must be in the chosen province' },
});

defineNouns({
  shipping_template: { zh: '运费模板', en: 'Shipping template' },
});
