import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyForm, normaliseMobile, regionText, serverFieldErrors, toInput, validateForm } from '../../src/utils/address-form.ts';

describe('address form', () => {
  it('accepts what shoppers type as a mobile number', () => {
    assert.equal(normaliseMobile('139 1688-0001'), '13916880001');
    assert.equal(normaliseMobile('+8613916880001'), '13916880001');
    assert.equal(normaliseMobile('8613916880001'), '13916880001');
  });

  it('names every missing or wrong field before sending', () => {
    assert.deepEqual(validateForm(emptyForm()), { recipient: 'errorRecipient', mobile: 'errorMobile', region: 'errorRegion', detail: 'errorDetail' });
    const ok = { recipient: ' 张雅琴 ', mobile: '139 1688 0001', region: ['330000', '330100', '330106'], detail: '南山路 218 号', label: '家', isDefault: true };
    assert.deepEqual(validateForm(ok), {});
    assert.deepEqual(validateForm({ ...ok, mobile: '12345678901' }), { mobile: 'errorMobile' });
    assert.deepEqual(toInput(ok), { recipient: '张雅琴', mobile: '13916880001', provinceCode: '330000', cityCode: '330100', districtCode: '330106', detail: '南山路 218 号', label: '家', isDefault: true });
    assert.equal(toInput({ ...ok, label: '  ' }).label, null);
  });

  it('puts the server\'s field errors on the form, the region codes on the region picker', () => {
    assert.deepEqual(serverFieldErrors([{ path: 'body.districtCode' }, { path: 'body.mobile' }, { path: 'body.other' }]), { region: 'errorRegion', mobile: 'errorMobile' });
  });

  it('says a municipality once', () => {
    assert.equal(regionText({ provinceName: '北京市', cityName: '北京市', districtName: '朝阳区' }), '北京市 朝阳区');
    assert.equal(regionText({ provinceName: '浙江省', cityName: '杭州市', districtName: '西湖区' }), '浙江省 杭州市 西湖区');
  });
});
