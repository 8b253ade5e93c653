import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPinia, setActivePinia } from 'pinia';
import type { TAddress } from '@koi/contracts';
import { ADDRESS_SELECTED_EVENT, useAddressChoiceStore } from '../../src/stores/address-choice.ts';

const emitted: [string, unknown][] = [];
(globalThis as unknown as { uni: { $emit: (event: string, payload: unknown) => void } }).uni = { $emit: (event, payload) => emitted.push([event, payload]) };

const address: TAddress = {
  id: 'a1', recipient: '张雅琴', mobile: '13916880001', provinceCode: '330000', provinceName: '浙江省', cityCode: '330100', cityName: '杭州市',
  districtCode: '330106', districtName: '西湖区', detail: '南山路 218 号', label: '家', isDefault: true, createdAt: '', updatedAt: '',
};

describe('address select mode', () => {
  it('hands the picked address to the page that asked: the id on the uni event, the whole address once from the store', () => {
    setActivePinia(createPinia());
    const choice = useAddressChoiceStore();
    assert.equal(choice.take(), null);
    choice.choose(address);
    assert.deepEqual(emitted, [[ADDRESS_SELECTED_EVENT, 'a1']]);
    assert.equal(ADDRESS_SELECTED_EVENT, 'address:selected');
    assert.deepEqual(choice.take(), address);
    assert.equal(choice.take(), null);
  });
});
