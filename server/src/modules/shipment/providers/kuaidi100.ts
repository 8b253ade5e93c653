import { KoiError } from '../../../platform/errors.ts';
import { form, querySign, ZKdResult, type KdResult, type QueryParam, type SubscribeParam } from './kuaidi100.protocol.ts';
import type { FormPost } from './wire.ts';

export type Kuaidi100Account = { customer: string; key: string; gateway: string };
export type SubscribeOutcome = { accepted: boolean; returnCode: string; message: string };

/** The Kuaidi100 client: the same code talks to poll.kuaidi100.com (live) and to the simulator. */
export function kuaidi100Client(account: Kuaidi100Account, post: FormPost) {
  return {
    /** 实时快递查询: the parcel's whole timeline now (newest first). */
    async query(p: { com: string; num: string; phone?: string; to?: string }): Promise<KdResult> {
      const param: QueryParam = { com: p.com, num: p.num, resultv2: '1', ...(p.phone ? { phone: p.phone } : {}), ...(p.to ? { to: p.to } : {}) };
      const json = JSON.stringify(param);
      const res = await post(`${account.gateway}/poll/query.do`, form({ customer: account.customer, sign: querySign(json, account.key, account.customer), param: json }));
      let body: unknown;
      try {
        body = JSON.parse(res.body);
      } catch {
        throw new KoiError('shipment.tracking_unavailable', { reason: `HTTP ${res.status}` });
      }
      const fail = body as { result?: boolean; returnCode?: string; message?: string };
      if (fail.result === false) throw new KoiError('shipment.tracking_unavailable', { reason: `${fail.returnCode ?? ''} ${fail.message ?? ''}`.trim() });
      const parsed = ZKdResult.safeParse(body);
      if (!parsed.success) throw new KoiError('shipment.tracking_unavailable', { reason: 'unexpected answer' });
      return parsed.data;
    },

    /** 订阅: Kuaidi100 pushes every change to `callbackurl`, signed with `salt`. 501 (重复订阅) counts as subscribed. */
    async subscribe(p: { com: string; num: string; callbackurl: string; salt: string; to?: string; phone?: string }): Promise<SubscribeOutcome> {
      const param: SubscribeParam = {
        company: p.com, number: p.num, key: account.key, ...(p.to ? { to: p.to } : {}),
        parameters: { callbackurl: p.callbackurl, salt: p.salt, resultv2: '1', ...(p.phone ? { phone: p.phone } : {}) },
      };
      const res = await post(`${account.gateway}/poll`, form({ schema: 'json', param: JSON.stringify(param) }));
      let body: { result?: boolean; returnCode?: string; message?: string };
      try {
        body = JSON.parse(res.body) as typeof body;
      } catch {
        return { accepted: false, returnCode: String(res.status), message: 'not json' };
      }
      const returnCode = String(body.returnCode ?? '');
      return { accepted: body.result === true || returnCode === '501', returnCode, message: body.message ?? '' };
    },
  };
}
export type Kuaidi100Client = ReturnType<typeof kuaidi100Client>;
