import { clock } from '../../../platform/clock.ts';
import { buildSendSmsQuery, type SendSmsResult } from './aliyun-sms.protocol.ts';
import type { Transport } from './http-transport.ts';

export type SmsMessage = { phone: string; templateCode: string; params: Record<string, string> };

/** Sends one templated SMS; throws SmsSendError when the gateway refuses. */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ bizId: string }>;
}

export class SmsSendError extends Error {
  constructor(readonly providerCode: string, message: string) {
    super(`SMS gateway refused: ${providerCode} ${message}`);
  }
}

export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';

/** Aliyun Dysms SendSms over its signed RPC protocol. */
export function aliyunSms(opts: { accessKeyId: string; accessKeySecret: string; signName: string; transport: Transport; endpoint?: string }): SmsProvider {
  return {
    name: 'aliyun',
    async send({ phone, templateCode, params }) {
      const query = buildSendSmsQuery({ phone, signName: opts.signName, templateCode, templateParam: params }, opts, clock.now());
      const res = await opts.transport({ method: 'GET', url: `${opts.endpoint ?? ALIYUN_SMS_ENDPOINT}?${query}` });
      let body: SendSmsResult;
      try {
        body = JSON.parse(res.body) as SendSmsResult;
      } catch {
        throw new SmsSendError(`HTTP${res.status}`, 'unreadable response');
      }
      if (body.Code !== 'OK' || !body.BizId) throw new SmsSendError(body.Code, body.Message);
      return { bizId: body.BizId };
    },
  };
}
