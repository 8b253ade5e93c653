import { createCipheriv, createDecipheriv, createSign, createVerify, randomInt, type KeyObject } from 'node:crypto';

/**
 * WeChat Pay API v3, as pay.weixin.qq.com documents it (签名生成 / 签名验证 / 回调报文解密):
 * - a request carries `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`,
 *   the signature being SHA256withRSA (merchant private key) over `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`;
 * - responses and callbacks are signed by the platform key over `TIMESTAMP\nNONCE\nBODY\n`, with the
 *   values in `Wechatpay-Timestamp`, `Wechatpay-Nonce`, `Wechatpay-Signature`, `Wechatpay-Serial`;
 * - callback resources are AEAD_AES_256_GCM with the APIv3 key (32 bytes), a 12-byte nonce and
 *   `associated_data`; the base64 ciphertext ends with the 16-byte tag;
 * - the mini-program's `paySign` is SHA256withRSA over `appId\ntimeStamp\nnonceStr\npackage\n`.
 */
export const WECHATPAY_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
/** A callback or response older or newer than this is refused (the documented replay window). */
export const WECHATPAY_MAX_SKEW_SECONDS = 300;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function nonceStr(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

export function unixSeconds(date: Date): string {
  return String(Math.floor(date.getTime() / 1000));
}

export function requestMessage(method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export function rsaSign(message: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export function rsaVerify(message: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

export type AuthorizationParts = { mchid: string; nonce_str: string; signature: string; timestamp: string; serial_no: string };

export function authorizationHeader(p: AuthorizationParts): string {
  return `${WECHATPAY_SCHEMA} mchid="${p.mchid}",nonce_str="${p.nonce_str}",signature="${p.signature}",timestamp="${p.timestamp}",serial_no="${p.serial_no}"`;
}

/** Signs one request the way the merchant SDKs do. `pathAndQuery` is the URL's pathname + search. */
export function signRequest(opts: { mchid: string; serial: string; privateKey: KeyObject; method: string; pathAndQuery: string; body: string; now: Date; nonce?: string }): string {
  const timestamp = unixSeconds(opts.now);
  const nonce = opts.nonce ?? nonceStr();
  const signature = rsaSign(requestMessage(opts.method, opts.pathAndQuery, timestamp, nonce, opts.body), opts.privateKey);
  return authorizationHeader({ mchid: opts.mchid, nonce_str: nonce, signature, timestamp, serial_no: opts.serial });
}

/** Reads an Authorization header; null when it is not a well-formed WECHATPAY2-SHA256-RSA2048 one. */
export function parseAuthorization(header: string | undefined): AuthorizationParts | null {
  if (!header || !header.startsWith(`${WECHATPAY_SCHEMA} `)) return null;
  const fields: Record<string, string> = {};
  for (const m of header.slice(WECHATPAY_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no || !/^\d{1,12}$/.test(timestamp)) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

export type SignedHeaders = {
  'wechatpay-timestamp': string;
  'wechatpay-nonce': string;
  'wechatpay-signature': string;
  'wechatpay-serial': string;
  'wechatpay-signature-type': string;
};

/** The platform's side: headers for a response or a callback body. */
export function platformHeaders(body: string, platform: { serial: string; privateKey: KeyObject }, now: Date): SignedHeaders {
  const timestamp = unixSeconds(now);
  const nonce = nonceStr();
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': rsaSign(responseMessage(timestamp, nonce, body), platform.privateKey),
    'wechatpay-serial': platform.serial,
    'wechatpay-signature-type': WECHATPAY_SCHEMA,
  };
}

export type VerifyFailure = 'missing_headers' | 'unknown_serial' | 'stale_timestamp' | 'bad_signature';

/**
 * The merchant's side: is this body signed by the platform key we hold, with the serial we expect,
 * within the replay window? Header names are matched case-insensitively.
 */
export function verifyPlatformSignature(
  headers: Record<string, string | string[] | undefined>,
  body: string,
  platform: { serial: string; publicKey: KeyObject },
  now: Date,
): { ok: true } | { ok: false; reason: VerifyFailure } {
  const h = (name: string) => {
    const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
    return Array.isArray(found) ? found[0] : found;
  };
  const timestamp = h('wechatpay-timestamp');
  const nonce = h('wechatpay-nonce');
  const signature = h('wechatpay-signature');
  const serial = h('wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  if (serial !== platform.serial) return { ok: false, reason: 'unknown_serial' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > WECHATPAY_MAX_SKEW_SECONDS) return { ok: false, reason: 'stale_timestamp' };
  if (!rsaVerify(responseMessage(timestamp, nonce, body), signature, platform.publicKey)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}

/** AEAD_AES_256_GCM: base64(ciphertext ‖ 16-byte tag). */
export function aesGcmEncrypt(plaintext: string, apiV3Key: string, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]).toString('base64');
}

/** Throws when the key, nonce, associated data or ciphertext do not match (the tag does not verify). */
export function aesGcmDecrypt(ciphertext: string, apiV3Key: string, nonce: string, associatedData: string): string {
  const data = Buffer.from(ciphertext, 'base64');
  if (data.length < 16) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

export function jsapiPayMessage(p: { appId: string; timeStamp: string; nonceStr: string; package: string }): string {
  return `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
}

/** `yyyy-MM-ddTHH:mm:ss+08:00` (RFC 3339 in Beijing time), as WeChat writes and reads times. */
export function rfc3339Beijing(date: Date): string {
  const t = new Date(Math.floor(date.getTime() / 1000) * 1000 + 8 * 3600_000);
  return `${t.toISOString().slice(0, 19)}+08:00`;
}

export type CallbackEnvelope = {
  id: string;
  create_time: string;
  resource_type: 'encrypt-resource';
  event_type: string;
  summary: string;
  resource: { original_type: string; algorithm: 'AEAD_AES_256_GCM'; ciphertext: string; associated_data: string; nonce: string };
};

/** A decrypted `transaction` resource (支付成功通知 / 查询订单). */
export type WechatTransaction = {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  trade_state_desc: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount?: { total: number; payer_total?: number; currency: string; payer_currency?: string };
};

/** A decrypted `refund` resource (退款结果通知) and the refund API's answer. */
export type WechatRefund = {
  mchid?: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status?: 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  status?: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  success_time?: string;
  user_received_account?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number; currency?: string };
};

/** Error body of a v3 API: `{ code, message, detail? }` with a 4xx/5xx status. */
export type WechatError = { code: string; message: string; detail?: unknown };
