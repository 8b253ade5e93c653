import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TClaimableTemplate } from '@koi/contracts';
import { pickTemplates } from '../../src/utils/coupon-block.ts';

const tpl = (id: string): TClaimableTemplate => ({
  id, name: `券${id}`, kind: 'amount_off', summary: { zh: '满100减10', en: '¥10 off ¥100' }, thresholdFen: 10000, amountFen: 1000,
  scope: { type: 'all', ids: [], excludeProductIds: [] }, validity: { type: 'relative', days: 30 }, perCustomerLimit: 1,
  remaining: 10, claimedPercent: 0, claimed: 0, canClaim: true,
});

describe('coupon block picks', () => {
  it('shows the picks in the operator order, once each, and drops those no longer claimable', () => {
    const centre = [tpl('a'), tpl('b'), tpl('c')];
    assert.deepEqual(pickTemplates(centre, ['c', 'gone', 'a', 'c']).map((t) => t.id), ['c', 'a']);
    assert.deepEqual(pickTemplates(centre, []), []);
    assert.deepEqual(pickTemplates([], ['a']), []);
  });
});
