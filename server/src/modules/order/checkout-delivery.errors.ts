import { defineErrors } from '../../platform/errors.ts';

/** Checkout refusals for pickup (到店自提) and local delivery (同城配送). */
export const CheckoutDeliveryErrors = defineErrors({
  'checkout.pickup_store_required': { status: 422, zh: '请选择自提门店', en: 'Choose a store to pick up from' },
  'checkout.pickup_store_unavailable': { status: 422, zh: '所选门店暂不支持到店自提，请换一家门店', en: 'This store does not offer pickup; choose another store' },
  'checkout.pickup_unavailable': { status: 422, zh: '暂无门店支持到店自提', en: 'No store offers pickup at the moment' },
  'checkout.local_delivery_unlocated': {
    status: 422, zh: '暂时无法定位该收货地址，不能同城配送，请选择快递或到店自提',
    en: 'This address cannot be located for local delivery; choose express or store pickup',
  },
  'checkout.local_delivery_out_of_range': {
    status: 422, zh: '收货地址超出门店同城配送范围（最近的门店约 {km} 公里），请选择快递或到店自提',
    en: 'The address is beyond local delivery range (the nearest store is about {km} km away); choose express or store pickup',
  },
  'checkout.local_delivery_unavailable': { status: 422, zh: '暂无门店提供同城配送', en: 'No store offers local delivery at the moment' },
  'checkout.delivery_slot_required': { status: 422, zh: '请选择送达时间段', en: 'Choose a delivery time slot' },
  'checkout.delivery_slot_unavailable': { status: 422, zh: '所选送达时间段已不可选，请重新选择', en: 'The chosen delivery slot is no longer available; choose another' },
});
