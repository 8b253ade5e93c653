import { createHmac, randomUUID } from 'node:crypto';

/**
 * Aliyun RPC-style request signing (SignatureVersion 1.0, HMAC-SHA1), as dysmsapi SendSms uses it:
 * StringToSign = METHOD & percentEncode("/") & percentEncode(sorted canonical query);
 * Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)).
 * percentEncode is RFC 3986: space → %20, * → %2A, ~ kept.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

export function signRpc(method: string, params: Record<string, string>, accessKeySecret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
}

export type SendSmsInput = { phone: string; signName: string; templateCode: string; templateParam: Record<string, string> };

/** The signed query of one SendSms call. */
export function buildSendSmsQuery(input: SendSmsInput, keys: { accessKeyId: string; accessKeySecret: string }, now: Date): string {
  const params: Record<string, string> = {
    AccessKeyId: keys.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: input.phone,
    RegionId: 'cn-hangzhou',
    SignName: input.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    TemplateCode: input.templateCode,
    TemplateParam: JSON.stringify(input.templateParam),
    Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2017-05-25',
  };
  const signature = signRpc('GET', params, keys.accessKeySecret);
  return `Signature=${percentEncode(signature)}&${canonicalQuery(params)}`;
}

/** The JSON body Aliyun answers with. `Code: "OK"` is success. */
export type SendSmsResult = { Code: string; Message: string; RequestId: string; BizId?: string };
