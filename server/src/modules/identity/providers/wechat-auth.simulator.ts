import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { clock } from '../../../platform/clock.ts';
import { newToken } from '../../../platform/ids.ts';
import type { Transport, WireRequest } from '../../messaging/providers/http-transport.ts';
import type { WechatApps } from './wechat-auth.ts';

/** Simulated WeChat users a demo visitor can pick on the authorize page. */
export const SIMULATED_WECHAT_USERS = [
  { key: 'tea-lover', nickname: '爱喝茶的小林' },
  { key: 'pot-collector', nickname: '紫砂藏家老周' },
  { key: 'new-visitor', nickname: '微信用户' },
] as const;

const CODE_TTL_MS = 5 * 60_000;

/**
 * A local api.weixin.qq.com for sign-in. It knows the apps' secrets, issues one-time codes (5 minutes,
 * single use, as WeChat's are) from its authorize page or `issueCode`, and answers jscode2session,
 * oauth2/access_token and userinfo with WeChat's field names and errcodes (40029 invalid code,
 * 40163 code been used, 40125 invalid appsecret). openid is per app, unionid per person.
 */
export function wechatAuthSimulator(db: Db, apps: WechatApps, secret: string) {
  const derive = (kind: string, value: string) => createHmac('sha256', secret).update(`${kind}:${value}`).digest('base64url').slice(0, 28);
  const tokens = new Map<string, { openid: string; unionid: string; nickname: string; expires: number }>();
  const json = (body: object) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function issueCode(appId: string, userKey: string, nickname: string): Promise<string> {
    const code = newToken(24);
    await db.run((q) => q.execute(sql`insert into sim_wechat_codes (code, app_id, openid, unionid, nickname, created_at)
      values (${code}, ${appId}, ${`o${derive(`openid:${appId}`, userKey)}`}, ${`u${derive('unionid', userKey)}`}, ${nickname}, ${clock.now()})`));
    return code;
  }

  async function redeem(appId: string, code: string) {
    const [row] = await db.rows<{ app_id: string; openid: string; unionid: string; nickname: string; created_at: Date; used_at: Date | null }>(
      sql`select app_id, openid, unionid, nickname, created_at, used_at from sim_wechat_codes where code = ${code}`);
    if (!row || row.app_id !== appId || clock.now().getTime() - new Date(row.created_at).getTime() > CODE_TTL_MS) return { errcode: 40029, errmsg: 'invalid code' };
    const used = await db.rows(sql`update sim_wechat_codes set used_at = ${clock.now()} where code = ${code} and used_at is null returning code`);
    if (!used.length) return { errcode: 40163, errmsg: 'code been used' };
    return row;
  }

  const transport: Transport = async (req: WireRequest) => {
    const url = new URL(req.url);
    const p = Object.fromEntries(url.searchParams.entries());
    if (url.pathname === '/sns/jscode2session' || url.pathname === '/sns/oauth2/access_token') {
      const mp = url.pathname === '/sns/jscode2session';
      const [appId, appSecret] = mp ? [apps.mpAppId, apps.mpSecret] : [apps.oaAppId, apps.oaSecret];
      if (p.appid !== appId || p.secret !== appSecret) return json({ errcode: 40125, errmsg: 'invalid appsecret' });
      if (p.grant_type !== 'authorization_code') return json({ errcode: 40002, errmsg: 'invalid grant_type' });
      const r = await redeem(appId, (mp ? p.js_code : p.code) ?? '');
      if ('errcode' in r) return json(r);
      if (mp) return json({ openid: r.openid, session_key: derive('session', r.openid), unionid: r.unionid });
      const access = newToken(24);
      for (const [k, t] of tokens) if (t.expires < clock.now().getTime()) tokens.delete(k);
      tokens.set(access, { openid: r.openid, unionid: r.unionid, nickname: r.nickname, expires: clock.now().getTime() + 7200_000 });
      return json({ access_token: access, expires_in: 7200, refresh_token: newToken(24), openid: r.openid, scope: 'snsapi_userinfo', unionid: r.unionid });
    }
    if (url.pathname === '/sns/userinfo') {
      const t = tokens.get(p.access_token ?? '');
      if (!t || t.expires < clock.now().getTime() || t.openid !== p.openid) return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      return json({ openid: t.openid, nickname: t.nickname, sex: 0, province: '', city: '', country: '中国', headimgurl: '', privilege: [], unionid: t.unionid });
    }
    return { status: 404, body: JSON.stringify({ errcode: 40066, errmsg: 'invalid url' }) };
  };

  return { transport, issueCode };
}
export type WechatAuthSimulator = ReturnType<typeof wechatAuthSimulator>;
