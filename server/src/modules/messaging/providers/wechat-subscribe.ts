import { clock } from '../../../platform/clock.ts';
import type { Transport } from './http-transport.ts';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

export type SubscribeMessage = {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
};

/** errcodes subscribeMessage.send answers that will not change by retrying the same message. */
export const PERMANENT_WECHAT_ERRORS: Record<number, string> = {
  40003: 'touser is not a valid openid',
  40037: 'template_id is not valid',
  41030: 'page is not valid',
  43101: 'the user refused or has no subscription left',
  47003: 'template data is not valid',
};

export class WechatSendError extends Error {
  constructor(readonly errcode: number, readonly errmsg: string) {
    super(`WeChat refused the message: ${errcode} ${errmsg}`);
  }
  /** Retrying the same request cannot succeed (refused, invalid), as opposed to busy or network trouble. */
  get permanent(): boolean {
    return this.errcode in PERMANENT_WECHAT_ERRORS;
  }
}

export interface WechatSubscribeProvider {
  send(message: SubscribeMessage): Promise<{ msgid: string }>;
}

type TokenReply = { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };

/**
 * Mini-program subscribe messages over WeChat's server API:
 * - the access_token from POST /cgi-bin/stable_token (grant_type client_credential), cached until five
 *   minutes before `expires_in` runs out (stable_token does not invalidate tokens other processes hold);
 * - POST /cgi-bin/message/subscribe/send?access_token=… with touser, template_id, page,
 *   miniprogram_state, lang, data; errors come back as {errcode, errmsg} with HTTP 200.
 * A 40001/42001 (token invalid or expired) forces one token refresh (force_refresh) and one retry.
 */
export function wechatSubscribe(opts: { appId: string; secret: string; transport: Transport; base?: string; miniprogramState?: 'developer' | 'trial' | 'formal' }): WechatSubscribeProvider & { tokenFetches: () => number } {
  const base = opts.base ?? WECHAT_API_BASE;
  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string> | null = null;
  let fetches = 0;

  async function fetchToken(force: boolean): Promise<string> {
    fetches++;
    const res = await opts.transport({
      method: 'POST', url: `${base}/cgi-bin/stable_token`, headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: opts.appId, secret: opts.secret, force_refresh: force }),
    });
    const body = JSON.parse(res.body) as TokenReply;
    if (!body.access_token) throw new WechatSendError(body.errcode ?? -1, body.errmsg ?? `token HTTP ${res.status}`);
    const ttl = Math.max((body.expires_in ?? 7200) - 300, 60) * 1000;
    cached = { token: body.access_token, expiresAt: clock.now().getTime() + ttl };
    return body.access_token;
  }

  function token(force = false): Promise<string> {
    if (!force && cached && cached.expiresAt > clock.now().getTime()) return Promise.resolve(cached.token);
    if (!inflight) inflight = fetchToken(force).finally(() => { inflight = null; });
    return inflight;
  }

  async function post(accessToken: string, m: SubscribeMessage) {
    const res = await opts.transport({
      method: 'POST',
      url: `${base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: m.touser, template_id: m.templateId, page: m.page, data: m.data,
        miniprogram_state: m.miniprogramState ?? opts.miniprogramState ?? 'formal', lang: m.lang ?? 'zh_CN',
      }),
    });
    try {
      return JSON.parse(res.body) as { errcode?: number; errmsg?: string; msgid?: number | string };
    } catch {
      return { errcode: -1, errmsg: `unreadable response (HTTP ${res.status})` };
    }
  }

  return {
    tokenFetches: () => fetches,
    async send(m) {
      let body = await post(await token(), m);
      if (body.errcode === 40001 || body.errcode === 42001) {
        cached = null;
        body = await post(await token(true), m);
      }
      if (body.errcode) throw new WechatSendError(body.errcode, body.errmsg ?? '');
      return { msgid: String(body.msgid ?? '') };
    },
  };
}
