import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatYuan } from '../../../../packages/contracts/src/platform/money.ts';
import { formatPrice, priceParts } from '../../src/utils/money.ts';

describe('priceParts', () => {
  it('splits fen into yuan and two fen digits without floats', () => {
    assert.deepEqual(priceParts(12800), { sign: '', symbol: '¥', yuan: '128', cents: '00' });
    assert.deepEqual(priceParts(5), { sign: '', symbol: '¥', yuan: '0', cents: '05' });
    assert.deepEqual(priceParts(128000099), { sign: '', symbol: '¥', yuan: '1,280,000', cents: '99' });
    assert.deepEqual(priceParts(-1990), { sign: '-', symbol: '¥', yuan: '19', cents: '90' });
    // 0.1 + 0.2 style drift cannot happen: 29 fen is 29 fen.
    assert.equal(priceParts(29).cents, '29');
  });

  it('refuses what is not integer fen', () => {
    assert.throws(() => priceParts(12.5), RangeError);
    assert.throws(() => priceParts(Number.NaN), RangeError);
  });

  it('prints exactly what the contracts’ formatYuan prints', () => {
    for (const fen of [0, 1, 99, 100, 12345, 99999999, 100000000, -250, 2 ** 40]) assert.equal(formatPrice(fen), formatYuan(fen));
    assert.equal(formatPrice(880, ''), '8.80');
  });
});
