import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const ProfileErrors = defineErrors({
  'customer.merge_same': { status: 422, zh: '不能把客户合并到自己', en: 'A customer cannot be merged into itself' },
  'customer.already_merged': { status: 409, zh: '该客户已被合并到其他客户', en: 'This customer has already been merged into another one' },
  'customer.region_unknown': { status: 400, zh: '所选地区不存在，请重新选择', en: 'The chosen region does not exist; choose it again' },
  'customer.erased': { status: 409, zh: '该客户的个人信息已删除，不能再操作', en: 'This customer’s personal data was erased; it cannot be changed' },
});

defineNouns({
  customer: { zh: '客户', en: 'Customer' },
});
