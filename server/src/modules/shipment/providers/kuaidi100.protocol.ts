import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The Kuaidi100 (快递100) wire protocol, shared by the client and the simulator.
 * - 实时快递查询 `POST https://poll.kuaidi100.com/poll/query.do`, form fields `customer`, `sign`,
 *   `param` (JSON: com, num, phone, from, to, resultv2); sign = MD5(param + key + customer), upper-case hex.
 * - 订阅 `POST https://poll.kuaidi100.com/poll`, form fields `schema=json` and `param` (JSON: company,
 *   number, key, parameters{callbackurl, salt, resultv2, phone, from, to}); answers {result, returnCode, message}
 *   (200 提交成功, 501 重复订阅 …).
 * - 推送 to callbackurl: form fields `param` (JSON: status, message, lastResult{state, ischeck, com, nu,
 *   data[{context, time, ftime, status, areaName}]}) and `sign` = MD5(param + salt), upper-case hex.
 *   The receiver answers `{"result":true,"returnCode":"200","message":"成功"}` or the push is retried.
 */
export const md5Upper = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

export const querySign = (param: string, key: string, customer: string) => md5Upper(param + key + customer);
export const pushSign = (param: string, salt: string) => md5Upper(param + salt);

export function verifyPushSign(param: string, salt: string, sign: string): boolean {
  const want = Buffer.from(pushSign(param, salt));
  const got = Buffer.from(sign.trim().toUpperCase());
  return want.length === got.length && timingSafeEqual(want, got);
}

export function verifyQuerySign(param: string, key: string, customer: string, sign: string): boolean {
  const want = Buffer.from(querySign(param, key, customer));
  const got = Buffer.from(sign.trim().toUpperCase());
  return want.length === got.length && timingSafeEqual(want, got);
}

export const PUSH_ACK = { result: true, returnCode: '200', message: '成功' } as const;
export const PUSH_NACK = (message: string) => ({ result: false, returnCode: '500', message });

export const ZKdTrace = z.object({
  context: z.string(),
  time: z.string(),
  ftime: z.string().optional(),
  status: z.string().optional(),
  areaName: z.string().optional(),
});
export type KdTrace = z.infer<typeof ZKdTrace>;

export const ZKdResult = z.object({
  message: z.string().optional(),
  state: z.coerce.string().optional(),
  status: z.coerce.string().optional(),
  ischeck: z.coerce.string().optional(),
  com: z.string(),
  nu: z.string(),
  data: z.array(ZKdTrace).default([]),
});
export type KdResult = z.infer<typeof ZKdResult>;

export const ZKdPush = z.object({
  status: z.string(),
  billstatus: z.string().optional(),
  message: z.string().optional(),
  autoCheck: z.string().optional(),
  comOld: z.string().optional(),
  comNew: z.string().optional(),
  lastResult: ZKdResult,
});
export type KdPush = z.infer<typeof ZKdPush>;

export type SubscribeParam = {
  company: string; number: string; key: string; from?: string; to?: string;
  parameters: { callbackurl: string; salt: string; resultv2: '1'; phone?: string };
};
export type QueryParam = { com: string; num: string; phone?: string; from?: string; to?: string; resultv2: '1' };

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** The state as a number (Kuaidi100 sends strings), or null when absent or not a number. */
export function stateOf(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  const n = Number(s);
  return Number.isInteger(n) ? n : null;
}
