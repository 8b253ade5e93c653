import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalQuery, percentEncode, signRpc, buildSendSmsQuery } from './aliyun-sms.protocol.ts';

// Alibaba Cloud's published RPC signature example (ECS DescribeRegions, AccessKeySecret "testsecret").
const documented = {
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};

describe('Aliyun RPC signing', () => {
  it('reproduces the documented canonical query and signature', () => {
    expect(canonicalQuery(documented)).toBe(
      'AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26',
    );
    expect(signRpc('GET', documented, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('percent-encodes as RFC 3986: only A-Z a-z 0-9 - _ . ~ stay literal', () => {
    expect(percentEncode("a!b'c(d)e*f g")).toBe('a%21b%27c%28d%29e%2Af%20g');
    expect(percentEncode('~-_.')).toBe('~-_.');
    expect(percentEncode('青瓷')).toBe('%E9%9D%92%E7%93%B7');
    fc.assert(
      fc.property(fc.string(), (s) => /^[A-Za-z0-9\-_.~%]*$/.test(percentEncode(s)) && decodeURIComponent(percentEncode(s)) === s),
    );
  });

  it('ignores parameter order and an existing Signature', () => {
    const shuffled = Object.fromEntries(Object.entries(documented).reverse());
    expect(signRpc('GET', { ...shuffled, Signature: 'x' }, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('builds a SendSms query whose signature verifies', () => {
    const q = buildSendSmsQuery(
      { phone: '13800138000', signName: '青瓷小筑', templateCode: 'SMS_1', templateParam: { code: '123456' } },
      { accessKeyId: 'id', accessKeySecret: 'sec' },
      new Date('2026-11-22T10:00:00.123Z'),
    );
    const params = Object.fromEntries(new URLSearchParams(q).entries());
    expect(params.Timestamp).toBe('2026-11-22T10:00:00Z');
    expect(params.TemplateParam).toBe('{"code":"123456"}');
    expect(params.Signature).toBe(signRpc('GET', params, 'sec'));
  });
});
