import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import {
  aesGcmDecrypt, aesGcmEncrypt, jsapiPayMessage, parseAuthorization, platformHeaders, requestMessage, rfc3339Beijing,
  rsaSign, signRequest, verifyPlatformSignature,
} from './wechatpay.protocol.ts';

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const apiV3Key = 'KoiApiV3KeyForTests0123456789abc';
const now = new Date('2026-11-22T02:00:00Z');

describe('WeChat Pay v3 request signing', () => {
  it('signs METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\\n exactly as the official plugin formats it', () => {
    const body = '{"appid":"wx1","mchid":"1900000109","amount":{"total":100}}';
    expect(requestMessage('POST', '/v3/pay/transactions/jsapi', '1554208460', 'n1', body)).toBe(
      Formatter.request('POST', '/v3/pay/transactions/jsapi', '1554208460', 'n1', body),
    );
    const header = signRequest({ mchid: '1900000109', serial: 'SERIAL1', privateKey: merchant.privateKey, method: 'POST', pathAndQuery: '/v3/pay/transactions/jsapi', body, now, nonce: 'n1' });
    const parts = parseAuthorization(header)!;
    expect(parts).toMatchObject({ mchid: '1900000109', serial_no: 'SERIAL1', nonce_str: 'n1', timestamp: String(now.getTime() / 1000) });
    // The plugin (what a real merchant's code uses) accepts our signature with the merchant's public key.
    expect(Rsa.verify(Formatter.request('POST', '/v3/pay/transactions/jsapi', parts.timestamp, 'n1', body), parts.signature, merchant.publicKey)).toBe(true);
  });

  it('reads the Authorization header whatever the order of its fields (the plugin writes a different order)', () => {
    const sig = Rsa.sign(Formatter.request('GET', '/v3/x', 1, 'abc', ''), merchant.privateKey);
    const parts = parseAuthorization(Formatter.authorization('1900000109', 'abc', sig, 1, 'S'))!;
    expect(parts).toEqual({ mchid: '1900000109', nonce_str: 'abc', signature: sig, timestamp: '1', serial_no: 'S' });
    expect(parseAuthorization('Bearer x')).toBeNull();
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1"')).toBeNull();
    expect(parseAuthorization(undefined)).toBeNull();
  });
});

describe('WeChat Pay v3 platform signatures (responses and callbacks)', () => {
  const body = '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS"}';
  const key = { serial: 'PUB_KEY_ID_0100', publicKey: platform.publicKey };

  it('verifies what the platform signed, and the plugin agrees', () => {
    const headers = platformHeaders(body, { serial: key.serial, privateKey: platform.privateKey }, now);
    expect(verifyPlatformSignature(headers, body, key, now)).toEqual({ ok: true });
    expect(Rsa.verify(Formatter.response(headers['wechatpay-timestamp'], headers['wechatpay-nonce'], body), headers['wechatpay-signature'], platform.publicKey)).toBe(true);
    // Header names are case-insensitive on the wire.
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.replace(/(^|-)\w/g, (c) => c.toUpperCase()), v]));
    expect(verifyPlatformSignature(upper, body, key, now)).toEqual({ ok: true });
  });

  it('refuses a tampered body, another key, another serial, a stale timestamp and missing headers', () => {
    const headers = platformHeaders(body, { serial: key.serial, privateKey: platform.privateKey }, now);
    expect(verifyPlatformSignature(headers, body.replace('EV-1', 'EV-2'), key, now)).toEqual({ ok: false, reason: 'bad_signature' });
    const forged = platformHeaders(body, { serial: key.serial, privateKey: merchant.privateKey }, now);
    expect(verifyPlatformSignature(forged, body, key, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyPlatformSignature({ ...headers, 'wechatpay-serial': 'OTHER' }, body, key, now)).toEqual({ ok: false, reason: 'unknown_serial' });
    expect(verifyPlatformSignature(headers, body, key, new Date(now.getTime() + 301_000))).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifyPlatformSignature(headers, body, key, new Date(now.getTime() + 299_000))).toEqual({ ok: true });
    const { 'wechatpay-nonce': _n, ...noNonce } = headers;
    expect(verifyPlatformSignature(noNonce, body, key, now)).toEqual({ ok: false, reason: 'missing_headers' });
  });
});

describe('AEAD_AES_256_GCM callback resources', () => {
  it('decrypts what the plugin encrypts and the plugin decrypts ours', () => {
    const plain = JSON.stringify({ out_trade_no: '2611221800001', amount: { total: 100 }, note: '青瓷 ✓' });
    const ours = aesGcmEncrypt(plain, apiV3Key, 'nonce1234567', 'transaction');
    expect(Aes.AesGcm.decrypt(ours, apiV3Key, 'nonce1234567', 'transaction')).toBe(plain);
    const theirs = Aes.AesGcm.encrypt(plain, apiV3Key, 'nonce1234567', 'transaction');
    expect(aesGcmDecrypt(theirs, apiV3Key, 'nonce1234567', 'transaction')).toBe(plain);
  });

  it('fails on a wrong key, nonce, associated data or a flipped byte', () => {
    const c = aesGcmEncrypt('{"a":1}', apiV3Key, 'nonce1234567', 'transaction');
    expect(() => aesGcmDecrypt(c, 'WrongApiV3KeyForTests0123456789a', 'nonce1234567', 'transaction')).toThrow();
    expect(() => aesGcmDecrypt(c, apiV3Key, 'nonce7654321', 'transaction')).toThrow();
    expect(() => aesGcmDecrypt(c, apiV3Key, 'nonce1234567', 'refund')).toThrow();
    const bytes = Buffer.from(c, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    expect(() => aesGcmDecrypt(bytes.toString('base64'), apiV3Key, 'nonce1234567', 'transaction')).toThrow();
    expect(() => aesGcmDecrypt('AAAA', apiV3Key, 'nonce1234567', 'transaction')).toThrow();
    fc.assert(fc.property(fc.string(), (s) => aesGcmDecrypt(aesGcmEncrypt(s, apiV3Key, 'abcdefghijkl', ''), apiV3Key, 'abcdefghijkl', '') === s), { numRuns: 50 });
  });
});

describe('JSAPI paySign and times', () => {
  it('signs appId\\ntimeStamp\\nnonceStr\\npackage\\n', () => {
    const p = { appId: 'wx8888888888888888', timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100' };
    expect(jsapiPayMessage(p)).toBe(Formatter.joinedByLineFeed(p.appId, p.timeStamp, p.nonceStr, p.package));
    expect(Rsa.verify(jsapiPayMessage(p), rsaSign(jsapiPayMessage(p), merchant.privateKey), merchant.publicKey)).toBe(true);
  });

  it('writes RFC 3339 in Beijing time', () => {
    expect(rfc3339Beijing(new Date('2015-05-20T05:29:35.500Z'))).toBe('2015-05-20T13:29:35+08:00');
  });
});
