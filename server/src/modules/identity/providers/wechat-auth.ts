import type { Transport } from '../../messaging/providers/http-transport.ts';

export type WechatIdentity = { appId: string; openid: string; unionid: string | null; nickname: string | null; avatarUrl: string | null };

export class WechatAuthError extends Error {
  constructor(readonly errcode: number, readonly errmsg: string) {
    super(`WeChat refused the code: ${errcode} ${errmsg}`);
  }
}

export type WechatApps = { mpAppId: string; mpSecret: string; oaAppId: string; oaSecret: string };

export const WECHAT_API = 'https://api.weixin.qq.com';
export const WECHAT_OPEN = 'https://open.weixin.qq.com';

/**
 * WeChat sign-in as the official protocol defines it:
 * - mini-program: `wx.login` code → GET /sns/jscode2session (appid, secret, js_code) → openid, unionid;
 * - H5 in WeChat: OAuth2 authorize redirect → code → GET /sns/oauth2/access_token → openid, unionid,
 *   then GET /sns/userinfo for nickname and avatar (scope snsapi_userinfo).
 * Errors come back as `{errcode, errmsg}` with HTTP 200.
 */
export function wechatAuth(apps: WechatApps, transport: Transport, bases = { api: WECHAT_API, open: WECHAT_OPEN }) {
  async function call<T>(path: string, params: Record<string, string>): Promise<T> {
    const res = await transport({ method: 'GET', url: `${bases.api}${path}?${new URLSearchParams(params)}` });
    const body = JSON.parse(res.body) as T & { errcode?: number; errmsg?: string };
    if (body.errcode) throw new WechatAuthError(body.errcode, body.errmsg ?? '');
    return body;
  }

  return {
    authorizeUrl(redirectUri: string, state: string): string {
      const q = new URLSearchParams({ appid: apps.oaAppId, redirect_uri: redirectUri, response_type: 'code', scope: 'snsapi_userinfo', state });
      return `${bases.open}/connect/oauth2/authorize?${q}#wechat_redirect`;
    },

    async exchangeMiniProgramCode(code: string): Promise<WechatIdentity> {
      const r = await call<{ openid: string; session_key: string; unionid?: string }>('/sns/jscode2session', {
        appid: apps.mpAppId, secret: apps.mpSecret, js_code: code, grant_type: 'authorization_code',
      });
      return { appId: apps.mpAppId, openid: r.openid, unionid: r.unionid ?? null, nickname: null, avatarUrl: null };
    },

    async exchangeOauthCode(code: string): Promise<WechatIdentity> {
      const t = await call<{ access_token: string; openid: string; unionid?: string; scope: string }>('/sns/oauth2/access_token', {
        appid: apps.oaAppId, secret: apps.oaSecret, code, grant_type: 'authorization_code',
      });
      let nickname: string | null = null;
      let avatarUrl: string | null = null;
      if (t.scope.includes('snsapi_userinfo')) {
        const u = await call<{ nickname: string; headimgurl: string; unionid?: string }>('/sns/userinfo', { access_token: t.access_token, openid: t.openid, lang: 'zh_CN' });
        nickname = u.nickname || null;
        avatarUrl = u.headimgurl || null;
      }
      return { appId: apps.oaAppId, openid: t.openid, unionid: t.unionid ?? null, nickname, avatarUrl };
    },
  };
}
export type WechatAuth = ReturnType<typeof wechatAuth>;
