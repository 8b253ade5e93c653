import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { priceRows } from '../../src/utils/price-rows.ts';

describe('priceRows', () => {
  it('prints the server’s numbers with their direction and leaves zero discounts out', () => {
    assert.deepEqual(priceRows({ itemsTotalFen: 25600, promotionDiscountFen: 2000, couponDiscountFen: 0, shippingFen: 1000, shippingDiscountFen: 1000 }), [
      { key: 'items', fen: 25600, sign: '' },
      { key: 'promotion', fen: 2000, sign: '-' },
      { key: 'shipping', fen: 1000, sign: '+' },
      { key: 'shippingDiscount', fen: 1000, sign: '-' },
    ]);
  });

  it('says 免运费 for no shipping, and shows a price raised or lowered by the merchant', () => {
    const rows = priceRows({ itemsTotalFen: 100, promotionDiscountFen: 0, couponDiscountFen: 5, adjustmentFen: -30, shippingFen: 0, shippingDiscountFen: 0 });
    assert.deepEqual(rows, [
      { key: 'items', fen: 100, sign: '' },
      { key: 'coupon', fen: 5, sign: '-' },
      { key: 'adjustment', fen: 30, sign: '+' },
      { key: 'shipping', fen: 0, sign: '', free: true },
    ]);
    assert.deepEqual(priceRows({ itemsTotalFen: 100, promotionDiscountFen: 0, couponDiscountFen: 0, adjustmentFen: 40, shippingFen: 0, shippingDiscountFen: 0 })[1], { key: 'adjustment', fen: 40, sign: '-' });
  });

  it('shows 积分抵扣 and 余额支付 after shipping, and leaves them out when zero', () => {
    const rows = priceRows({ itemsTotalFen: 28800, promotionDiscountFen: 0, couponDiscountFen: 0, shippingFen: 0, shippingDiscountFen: 0, pointsFen: 500, balanceFen: 10000 });
    assert.deepEqual(rows.slice(-2), [{ key: 'points', fen: 500, sign: '-' }, { key: 'balance', fen: 10000, sign: '-' }]);
    assert.equal(priceRows({ itemsTotalFen: 1, promotionDiscountFen: 0, couponDiscountFen: 0, shippingFen: 0, shippingDiscountFen: 0, pointsFen: 0, balanceFen: 0 }).length, 2);
  });
});
