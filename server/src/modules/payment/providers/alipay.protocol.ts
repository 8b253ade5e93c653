import { createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * Alipay OpenAPI (v1 gateway `gateway.do`), as opendocs.alipay.com documents it:
 * - request signing (自行实现签名): drop `sign` and empty values, sort the rest by key in ASCII
 *   order, join `key=value` with `&` (values raw, not URL-encoded), SHA256withRSA (RSA2) with the
 *   application private key, base64 → `sign`;
 * - async notify verification (异步通知验签): drop `sign` AND `sign_type`, the same sort and join,
 *   verify with Alipay's public key; answer the seven characters `success`;
 * - response verification: the signature covers the exact JSON text of `<method>_response`
 *   (`.` → `_`), as Alipay sent it, not a re-serialisation.
 * Times are `yyyy-MM-dd HH:mm:ss` in Beijing time.
 */
export const ALIPAY_GATEWAY = 'https://openapi.alipay.com/gateway.do';
export const ALIPAY_SANDBOX_GATEWAY = 'https://openapi-sandbox.dl.alipaydev.com/gateway.do';

export type Params = Record<string, string>;

export function signContent(params: Params, exclude: readonly string[]): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export function rsa2Sign(content: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKey, 'base64');
}

export function rsa2Verify(content: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

/** The request's parameters with `sign` added (sign_type stays in the signed content, as Alipay requires). */
export function signParams(params: Params, privateKey: KeyObject): Params {
  return { ...params, sign: rsa2Sign(signContent(params, ['sign']), privateKey) };
}

/** The gateway's check of a request. */
export function verifyRequest(params: Params, publicKey: KeyObject): boolean {
  return !!params.sign && rsa2Verify(signContent(params, ['sign']), params.sign, publicKey);
}

/** The merchant's check of an async notify (sign and sign_type excluded). */
export function verifyNotify(params: Params, publicKey: KeyObject): boolean {
  return !!params.sign && params.sign_type === 'RSA2' && rsa2Verify(signContent(params, ['sign', 'sign_type']), params.sign, publicKey);
}

/** Alipay's side of a notify: every parameter plus `sign` over all but sign/sign_type. */
export function signNotify(params: Params, privateKey: KeyObject): Params {
  return { ...params, sign: rsa2Sign(signContent(params, ['sign', 'sign_type']), privateKey) };
}

export function alipayTime(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000 + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** `yyyy-MM-dd HH:mm:ss` (Beijing) → Date; null when malformed. */
export function parseAlipayTime(text: string | undefined): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return null;
  const d = new Date(`${text.replace(' ', 'T')}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function responseKey(method: string): string {
  return `${method.replace(/\./g, '_')}_response`;
}

/**
 * Finds the JSON value of `"<key>":` in `raw` and returns its exact text, scanning strings and
 * escapes so braces inside values do not confuse it. Null when the key is absent or the value is
 * not an object.
 */
export function exactJsonValue(raw: string, key: string): string | null {
  const marker = `"${key}":`;
  const at = raw.indexOf(marker);
  if (at < 0) return null;
  let i = at + marker.length;
  while (raw[i] === ' ' || raw[i] === '\n' || raw[i] === '\r' || raw[i] === '\t') i++;
  if (raw[i] !== '{') return null;
  const start = i;
  let depth = 0;
  let inString = false;
  for (; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return raw.slice(start, i + 1);
  }
  return null;
}

/** Alipay's side of an API answer: `{"<method>_response":{…},"sign":"…"}`, the sign over the exact inner text. */
export function signedResponse(method: string, body: object, privateKey: KeyObject | null): string {
  const inner = JSON.stringify(body);
  const sign = privateKey ? `,"sign":${JSON.stringify(rsa2Sign(inner, privateKey))}` : '';
  return `{${JSON.stringify(responseKey(method))}:${inner}${sign}}`;
}

export type AlipayResponse = { code: string; msg: string; sub_code?: string; sub_msg?: string } & Record<string, unknown>;

/** Reads an API answer; `verified` says whether `sign` matched the exact response text. */
export function readResponse(raw: string, method: string, publicKey: KeyObject): { body: AlipayResponse; verified: boolean } | null {
  const inner = exactJsonValue(raw, responseKey(method));
  if (!inner) return null;
  let outer: { sign?: unknown };
  let body: AlipayResponse;
  try {
    outer = JSON.parse(raw) as { sign?: unknown };
    body = JSON.parse(inner) as AlipayResponse;
  } catch {
    return null;
  }
  const verified = typeof outer.sign === 'string' && rsa2Verify(inner, outer.sign, publicKey);
  return { body, verified };
}

/** Alipay's answer when all went well. */
export const ALIPAY_OK = { code: '10000', msg: 'Success' } as const;
