import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../platform/config.ts';
import { liveKeys } from './keys.ts';
import { rsaSign, rsaVerify } from './wechatpay.protocol.ts';

describe('live payment configuration', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'koi-paykeys-'));
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  // WeChat's console gives PEM files; Alipay's key tool gives bare base64 (PKCS#8 private key, SPKI public key).
  const env = {
    KOI_PROVIDERS: 'live', ALIYUN_SMS_ACCESS_KEY_ID: 'id', ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
    WECHATPAY_MCHID: '1900000109', WECHATPAY_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_PRIVATE_KEY_PATH: file('apiclient_key.pem', merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    WECHATPAY_APIV3_KEY: 'a'.repeat(32),
    WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: file('pub_key.pem', platform.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    WECHATPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0114232134912410000000000000',
    ALIPAY_APP_ID: '2021004100000002', ALIPAY_SELLER_ID: '2088102147948060',
    ALIPAY_PRIVATE_KEY_PATH: file('alipay_app_private.txt', merchant.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')),
    ALIPAY_PUBLIC_KEY_PATH: file('alipay_public.txt', platform.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')),
  };

  it('requires every key and id when providers are live, naming what is missing', () => {
    expect(() => loadConfig({ ...env, WECHATPAY_APIV3_KEY: undefined, ALIPAY_SELLER_ID: undefined })).toThrow(/WECHATPAY_APIV3_KEY\/ALIPAY_SELLER_ID: required when KOI_PROVIDERS=live/);
    expect(() => loadConfig({ ...env, WECHATPAY_APIV3_KEY: 'short' })).toThrow(/WECHATPAY_APIV3_KEY/);
    expect(loadConfig({}).payment.wechatpay.appId).toBe(loadConfig({}).wechat.mpAppId); // WECHATPAY_APPID defaults to the mini-program's
  });

  it('reads PEM and bare base64 keys', () => {
    const keys = liveKeys(loadConfig(env));
    expect(keys.simulator).toBeNull();
    expect(keys.wechatpay).toMatchObject({ mchid: '1900000109', gateway: 'https://api.mch.weixin.qq.com', platformSerial: env.WECHATPAY_PLATFORM_SERIAL });
    expect(keys.alipay).toMatchObject({ appId: '2021004100000002', sellerId: '2088102147948060', gateway: 'https://openapi.alipay.com/gateway.do' });
    for (const priv of [keys.wechatpay.privateKey, keys.alipay.privateKey]) expect(rsaVerify('m', rsaSign('m', priv), merchant.publicKey)).toBe(true);
    for (const pub of [keys.wechatpay.platformPublicKey, keys.alipay.alipayPublicKey]) expect(rsaVerify('m', rsaSign('m', platform.privateKey), pub)).toBe(true);
  });

  it('stops with the file name when a key file is missing', () => {
    expect(() => liveKeys(loadConfig({ ...env, WECHATPAY_PRIVATE_KEY_PATH: path.join(dir, 'nope.pem') }))).toThrow(/nope\.pem/);
  });
});
