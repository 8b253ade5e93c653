import { defineErrors } from '../../platform/errors.ts';

export const InventoryErrors = defineErrors({
  'inventory.insufficient_stock': { status: 409, zh: '库存不足（{skuId}）', en: 'Not enough stock ({skuId})' },
  'inventory.below_reserved': { status: 422, zh: '库存不能少于已被订单占用的 {reserved} 件', en: 'Stock cannot be set below the {reserved} units held for orders' },
  'inventory.bad_quantity': { status: 422, zh: '数量必须是正整数', en: 'Quantities must be positive whole numbers' },
  'inventory.release_exceeds_reserved': { status: 409, zh: '释放的数量多于已占用的数量（{skuId}）', en: 'Releasing more than is reserved ({skuId})' },
  'inventory.sku_reserved': { status: 409, zh: '该规格有订单占用的库存，暂不能删除（{skuId}）', en: 'Units of this SKU are held for orders; it cannot be removed yet ({skuId})' },
});
