import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes, randomInt, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db.ts';
import { clock } from '../../../platform/clock.ts';

/** What the merchant's WeChat Pay client needs (商户号, AppID, merchant key + serial, APIv3 key, platform public key + serial). */
export type WechatpayMerchantKeys = {
  mchid: string;
  appId: string;
  serial: string;
  privateKey: KeyObject;
  apiV3Key: string;
  platformSerial: string;
  platformPublicKey: KeyObject;
  gateway: string;
};

/** What the merchant's Alipay client needs (app id, seller PID, application private key, Alipay public key). */
export type AlipayMerchantKeys = { appId: string; sellerId: string; privateKey: KeyObject; alipayPublicKey: KeyObject; gateway: string };

/** The simulated providers' own side: their private keys and the merchant's public keys they were given. */
export type SimulatorKeys = {
  wechatpay: { mchid: string; appId: string; merchantSerial: string; merchantPublicKey: KeyObject; platformSerial: string; platformPrivateKey: KeyObject; apiV3Key: string };
  alipay: { appId: string; sellerId: string; appPublicKey: KeyObject; alipayPrivateKey: KeyObject };
};

export type PaymentKeys = { wechatpay: WechatpayMerchantKeys; alipay: AlipayMerchantKeys; simulator: SimulatorKeys | null };

/** PEM as WeChat's console gives it, or the bare base64 Alipay's key tool writes. */
function readKey(path: string, kind: 'private' | 'public'): KeyObject {
  const text = readFileSync(path, 'utf8').trim();
  if (text.includes('-----BEGIN')) return kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  if (kind === 'public') return createPublicKey({ key: der, format: 'der', type: 'spki' });
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}

/** Live mode: keys from the files the configuration names (their presence is checked at boot). */
export function liveKeys(config: Config): PaymentKeys {
  const w = config.payment.wechatpay;
  const a = config.payment.alipay;
  return {
    wechatpay: {
      mchid: w.mchid, appId: w.appId, serial: w.serial!, privateKey: readKey(w.privateKeyPath!, 'private'), apiV3Key: w.apiV3Key!,
      platformSerial: w.platformSerial!, platformPublicKey: readKey(w.platformPublicKeyPath!, 'public'), gateway: w.gateway,
    },
    alipay: { appId: a.appId, sellerId: a.sellerId!, privateKey: readKey(a.privateKeyPath!, 'private'), alipayPublicKey: readKey(a.alipayPublicKeyPath!, 'public'), gateway: a.gateway },
    simulator: null,
  };
}

const generate = promisify(generateKeyPair);
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

type Row = { name: string; private_pem: string | null; public_pem: string | null; serial: string | null; secret: string | null };

async function rsaRow(name: string, serial: string | null): Promise<Row> {
  const { privateKey, publicKey } = await generate('rsa', { modulusLength: 2048 });
  return {
    name,
    private_pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    public_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    serial,
    secret: null,
  };
}

/**
 * Simulator mode: the key pairs of both sides, generated once per installation and kept in
 * `payment_sim_keys`, so restarts and several processes agree. The first process to insert wins;
 * the others read what it stored. The merchant ids come from the configuration (defaults are demo values).
 */
export async function simulatorKeys(db: Db, config: Config, base: string): Promise<PaymentKeys> {
  const wanted = ['wechatpay.merchant', 'wechatpay.platform', 'wechatpay.apiv3', 'alipay.app', 'alipay.platform', 'alipay.seller'];
  let rows = await db.rows<Row>(sql`select name, private_pem, public_pem, serial, secret from payment_sim_keys`);
  const missing = wanted.filter((n) => !rows.some((r) => r.name === n));
  if (missing.length) {
    const fresh: Row[] = [];
    for (const name of missing) {
      if (name === 'wechatpay.apiv3') fresh.push({ name, private_pem: null, public_pem: null, serial: null, secret: Array.from(randomBytes(32), (b) => ALNUM[b % 62]).join('') });
      else if (name === 'alipay.seller') fresh.push({ name, private_pem: null, public_pem: null, serial: null, secret: `2088${digits(12)}` });
      else if (name === 'wechatpay.merchant') fresh.push(await rsaRow(name, randomBytes(20).toString('hex').toUpperCase()));
      else if (name === 'wechatpay.platform') fresh.push(await rsaRow(name, `PUB_KEY_ID_01${digits(30)}`));
      else fresh.push(await rsaRow(name, null));
    }
    await db.tx(async (q) => {
      for (const r of fresh) {
        await q.execute(sql`insert into payment_sim_keys (name, private_pem, public_pem, serial, secret, created_at)
          values (${r.name}, ${r.private_pem}, ${r.public_pem}, ${r.serial}, ${r.secret}, ${clock.now()}) on conflict (name) do nothing`);
      }
    });
    rows = await db.rows<Row>(sql`select name, private_pem, public_pem, serial, secret from payment_sim_keys`);
  }
  const get = (name: string) => rows.find((r) => r.name === name)!;
  const priv = (name: string) => createPrivateKey(get(name).private_pem!);
  const pub = (name: string) => createPublicKey(get(name).public_pem!);
  const w = config.payment.wechatpay;
  const sellerId = config.payment.alipay.sellerId ?? get('alipay.seller').secret!;
  const apiV3Key = get('wechatpay.apiv3').secret!;
  return {
    wechatpay: {
      mchid: w.mchid, appId: w.appId, serial: get('wechatpay.merchant').serial!, privateKey: priv('wechatpay.merchant'), apiV3Key,
      platformSerial: get('wechatpay.platform').serial!, platformPublicKey: pub('wechatpay.platform'), gateway: `${base}/sim/wechatpay`,
    },
    alipay: { appId: config.payment.alipay.appId, sellerId, privateKey: priv('alipay.app'), alipayPublicKey: pub('alipay.platform'), gateway: `${base}/sim/alipay/gateway.do` },
    simulator: {
      wechatpay: {
        mchid: w.mchid, appId: w.appId, merchantSerial: get('wechatpay.merchant').serial!, merchantPublicKey: pub('wechatpay.merchant'),
        platformSerial: get('wechatpay.platform').serial!, platformPrivateKey: priv('wechatpay.platform'), apiV3Key,
      },
      alipay: { appId: config.payment.alipay.appId, sellerId, appPublicKey: pub('alipay.app'), alipayPrivateKey: priv('alipay.platform') },
    },
  };
}

/** Memoises an async loader; a failure is not cached, so the next call tries again. */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}
