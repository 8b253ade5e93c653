import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { clock } from '../../../platform/clock.ts';
import { newId, newToken } from '../../../platform/ids.ts';
import { dataProblems } from '../wechat-values.rules.ts';
import type { WechatTemplateDef } from '../order-templates.rules.ts';
import type { Transport, WireRequest } from './http-transport.ts';

const TOKEN_TTL_S = 7200;
const json = (body: object) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export type SimulatedWechatMessage = { id: string; touser: string; templateId: string; page: string | null; data: Record<string, { value: string }>; text: string; msgid: string; createdAt: string };

/**
 * A local api.weixin.qq.com for subscribe messages. It issues access tokens (/cgi-bin/token and
 * /cgi-bin/stable_token, 7200 s), keeps the one-time grants users made (wx.requestSubscribeMessage),
 * and checks /cgi-bin/message/subscribe/send as WeChat does: token (40001), openid (40003), the
 * template among the app's own (40037), page (41030), every data value against its key's rules (47003),
 * and a grant to consume (43101). Delivered messages are kept: what the shopper sees in 服务通知.
 */
export function wechatSubscribeSimulator(db: Db, app: { appId: string; secret: string }, templates: readonly WechatTemplateDef[]) {
  const tokens = new Map<string, number>();
  let stable: { token: string; expires: number } | null = null;
  const byId = new Map(templates.map((t) => [t.templateId, t]));

  function issue(): { access_token: string; expires_in: number } {
    const now = clock.now().getTime();
    for (const [t, exp] of tokens) if (exp < now) tokens.delete(t);
    const token = `sim_${newToken(32)}`;
    tokens.set(token, now + TOKEN_TTL_S * 1000);
    return { access_token: token, expires_in: TOKEN_TTL_S };
  }

  let busy = 0;

  async function send(token: string, raw: string) {
    if (busy > 0) {
      busy--;
      return json({ errcode: -1, errmsg: 'system error' });
    }
    const exp = tokens.get(token);
    if (!exp || exp < clock.now().getTime()) return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    let m: { touser?: unknown; template_id?: unknown; page?: unknown; data?: unknown; miniprogram_state?: unknown; lang?: unknown };
    try {
      m = JSON.parse(raw) as typeof m;
    } catch {
      return json({ errcode: 47001, errmsg: 'data format error' });
    }
    if (typeof m.touser !== 'string' || !/^o[\w-]{20,40}$/.test(m.touser)) return json({ errcode: 40003, errmsg: 'invalid openid' });
    const tpl = typeof m.template_id === 'string' ? byId.get(m.template_id) : undefined;
    if (!tpl) return json({ errcode: 40037, errmsg: 'invalid template_id' });
    if (m.page !== undefined && (typeof m.page !== 'string' || !/^\/?pages\/[\w/-]+(\?[\w=&%.-]*)?$/.test(m.page))) return json({ errcode: 41030, errmsg: 'invalid page' });
    const state = m.miniprogram_state ?? 'formal';
    const lang = m.lang ?? 'zh_CN';
    if (!['developer', 'trial', 'formal'].includes(String(state))) return json({ errcode: 47003, errmsg: 'argument invalid! miniprogram_state' });
    if (!['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(lang))) return json({ errcode: 47003, errmsg: 'argument invalid! lang' });
    if (!m.data || typeof m.data !== 'object') return json({ errcode: 47003, errmsg: 'argument invalid! data is empty' });
    const data = m.data as Record<string, { value: string }>;
    const problems = dataProblems(data, tpl.keys);
    if (problems.length) return json({ errcode: 47003, errmsg: `argument invalid! ${problems.join('; ')}` });
    const granted = await db.rows(sql`update sim_wechat_grants set remaining = remaining - 1
      where app_id = ${app.appId} and openid = ${m.touser} and template_id = ${tpl.templateId} and remaining > 0 returning remaining`);
    if (!granted.length) return json({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    const msgid = String(BigInt(clock.now().getTime()) * 1000n + BigInt(Math.floor(Math.random() * 1000)));
    const text = `${tpl.title}\n${tpl.text.replace(/\{(\w+)\}/g, (_, k: string) => data[k]?.value ?? '')}`;
    await db.run((q) => q.execute(sql`insert into sim_wechat_messages (id, app_id, touser, template_id, page, lang, miniprogram_state, data, text, msgid, created_at)
      values (${newId()}, ${app.appId}, ${m.touser as string}, ${tpl.templateId}, ${(m.page as string | undefined) ?? null}, ${String(lang)}, ${String(state)},
        ${JSON.stringify(data)}::jsonb, ${text}, ${msgid}, ${clock.now()})`));
    return json({ errcode: 0, errmsg: 'ok', msgid: Number(msgid) });
  }

  const transport: Transport = async (req: WireRequest) => {
    const url = new URL(req.url);
    const p = Object.fromEntries(url.searchParams.entries());
    if (url.pathname === '/cgi-bin/token' && req.method === 'GET') {
      if (p.grant_type !== 'client_credential') return json({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (p.appid !== app.appId) return json({ errcode: 40013, errmsg: 'invalid appid' });
      if (p.secret !== app.secret) return json({ errcode: 40125, errmsg: 'invalid appsecret' });
      return json(issue());
    }
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      const b = JSON.parse(req.body ?? '{}') as { grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean };
      if (b.grant_type !== 'client_credential') return json({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (b.appid !== app.appId) return json({ errcode: 40013, errmsg: 'invalid appid' });
      if (b.secret !== app.secret) return json({ errcode: 40125, errmsg: 'invalid appsecret' });
      // The stable token stays the same until it expires or a force_refresh replaces it.
      const now = clock.now().getTime();
      if (b.force_refresh || !stable || stable.expires < now || !tokens.has(stable.token)) {
        const t = issue();
        stable = { token: t.access_token, expires: now + TOKEN_TTL_S * 1000 };
      }
      return json({ access_token: stable.token, expires_in: Math.floor((stable.expires - now) / 1000) });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') return send(p.access_token ?? '', req.body ?? '');
    return { status: 404, body: JSON.stringify({ errcode: 40066, errmsg: 'invalid url' }) };
  };

  return {
    transport,
    /** The user side of wx.requestSubscribeMessage: each accepted template allows one message. */
    async grant(openid: string, templateIds: readonly string[]): Promise<void> {
      for (const templateId of templateIds) {
        if (!byId.has(templateId)) continue;
        await db.run((q) => q.execute(sql`insert into sim_wechat_grants (app_id, openid, template_id, remaining) values (${app.appId}, ${openid}, ${templateId}, 1)
          on conflict (app_id, openid, template_id) do update set remaining = sim_wechat_grants.remaining + 1`));
      }
    },
    /** Tests: the next `n` sends answer errcode -1 (system busy), as WeChat does under load. */
    failNext(n: number): void {
      busy = n;
    },
    /** Tests and demos: invalidate every token issued so far (as when another server fetched a new one with /cgi-bin/token). */
    expireTokens(): void {
      tokens.clear();
    },
    async messages(opts: { touser?: string; limit?: number } = {}): Promise<SimulatedWechatMessage[]> {
      const limit = Math.min(opts.limit ?? 50, 200);
      const rows = await db.rows<{ id: string; touser: string; template_id: string; page: string | null; data: Record<string, { value: string }>; text: string; msgid: string; created_at: Date }>(
        opts.touser
          ? sql`select id, touser, template_id, page, data, text, msgid, created_at from sim_wechat_messages where touser = ${opts.touser} order by created_at desc, id desc limit ${limit}`
          : sql`select id, touser, template_id, page, data, text, msgid, created_at from sim_wechat_messages order by created_at desc, id desc limit ${limit}`);
      return rows.map((r) => ({ id: r.id, touser: r.touser, templateId: r.template_id, page: r.page, data: r.data, text: r.text, msgid: r.msgid, createdAt: new Date(r.created_at).toISOString() }));
    },
  };
}
export type WechatSubscribeSimulator = ReturnType<typeof wechatSubscribeSimulator>;
