import { defineErrors } from '../../platform/errors.ts';

export const CartErrors = defineErrors({
  'cart.no_identity': { status: 400, zh: '请先登录，或携带 X-Anonymous-Id 请求头', en: 'Sign in, or send the X-Anonymous-Id header' },
  'cart.full': { status: 409, zh: '购物车最多放 {max} 种商品，请先结算或删除一些', en: 'A cart holds at most {max} items; check out or remove some first' },
  'cart.line_not_found': { status: 404, zh: '购物车里没有这件商品', en: 'That line is not in your cart' },
  'cart.sku_unavailable': { status: 409, zh: '这件商品已下架或不存在', en: 'This product is no longer for sale' },
  'cart.quantity_too_large': { status: 409, zh: '最多只能买 {max} 件', en: 'You can buy at most {max}' },
});
