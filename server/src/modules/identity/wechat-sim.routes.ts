import { z } from 'zod';
import type { App } from '../../platform/http.ts';
import type { WechatApps } from './providers/wechat-auth.ts';
import { SIMULATED_WECHAT_USERS, type WechatAuthSimulator } from './providers/wechat-auth.simulator.ts';
import { KoiError } from '../../platform/errors.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const AuthorizeQuery = z.object({ appid: z.string(), redirect_uri: z.string().url(), response_type: z.literal('code'), scope: z.string(), state: z.string().max(128).default('') });
const ConfirmQuery = AuthorizeQuery.extend({ user: z.enum(SIMULATED_WECHAT_USERS.map((u) => u.key) as [string, ...string[]]) });

/**
 * The simulator's user-facing side of WeChat sign-in: the OAuth authorize page (the screen WeChat
 * shows inside its browser) and, for tests and the H5 preview, a way to get a mini-program login code.
 */
export function registerWechatSimRoutes(app: App, sim: WechatAuthSimulator, apps: WechatApps, shopName: string) {
  app.get('/sim/wechat/connect/oauth2/authorize', { schema: { hide: true, querystring: AuthorizeQuery } }, async (req, reply) => {
    const q = req.query;
    if (q.appid !== apps.oaAppId) throw new KoiError('http.bad_request');
    const users = SIMULATED_WECHAT_USERS.map((u) => {
      const href = `/sim/wechat/connect/oauth2/confirm?${new URLSearchParams({ ...q, user: u.key })}`;
      return `<a class="user" href="${esc(href)}"><span class="avatar">${esc(u.nickname.slice(0, 1))}</span>${esc(u.nickname)}</a>`;
    }).join('');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>微信授权（模拟器）</title>
<style>body{margin:0;font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#ededed;color:#111}
.card{background:#fff;margin:24px 16px;border-radius:12px;padding:24px}h1{font-size:18px;margin:0 0 8px}p{color:#7f7f7f;font-size:14px;margin:0 0 20px}
.user{display:flex;align-items:center;gap:12px;padding:12px;border:1px solid #e5e5e5;border-radius:8px;margin-bottom:10px;color:#111;text-decoration:none;font-size:16px}
.user:active{background:#f2f2f2}.avatar{width:36px;height:36px;border-radius:6px;background:#07c160;color:#fff;display:flex;align-items:center;justify-content:center}
.tag{display:inline-block;font-size:12px;color:#07c160;border:1px solid #07c160;border-radius:4px;padding:0 6px;margin-bottom:12px}</style></head>
<body><div class="card"><span class="tag">微信模拟器 · WeChat simulator</span><h1>${esc(shopName)} 申请获得以下权限</h1>
<p>获得你的公开信息（昵称、头像）。选择一个模拟微信用户以允许授权。</p>${users}</div></body></html>`;
  });

  app.get('/sim/wechat/connect/oauth2/confirm', { schema: { hide: true, querystring: ConfirmQuery } }, async (req, reply) => {
    const user = SIMULATED_WECHAT_USERS.find((u) => u.key === req.query.user)!;
    const code = await sim.issueCode(apps.oaAppId, user.key, user.nickname);
    const target = new URL(req.query.redirect_uri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', req.query.state);
    return reply.redirect(target.toString(), 302);
  });

  app.post('/sim/wechat/mp/login', { schema: { hide: true, body: z.strictObject({ user: z.string().min(1).max(64), nickname: z.string().max(40).optional() }) } }, async (req) => {
    const known = SIMULATED_WECHAT_USERS.find((u) => u.key === req.body.user);
    return { code: await sim.issueCode(apps.mpAppId, req.body.user, req.body.nickname ?? known?.nickname ?? '微信用户') };
  });
}
