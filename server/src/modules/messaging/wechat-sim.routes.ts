import { z } from 'zod';
import type { App } from '../../platform/http.ts';
import type { WechatSubscribeSimulator } from './providers/wechat-subscribe.simulator.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Demo and tests only: what the simulated WeChat delivered as subscribe messages — the shopper's
 * 服务通知. `/sim/wechat/subscribe/inbox` is the page; `/api/dev/wechat-messages` the same for scripts.
 */
export function registerWechatSubscribeSimRoutes(app: App, sim: WechatSubscribeSimulator): void {
  const Query = z.object({ touser: z.string().max(64).optional() });
  app.get('/api/dev/wechat-messages', { schema: { hide: true, querystring: Query } }, async (req) => ({ items: await sim.messages({ touser: req.query.touser, limit: 50 }) }));

  app.get('/sim/wechat/subscribe/inbox', { schema: { hide: true, querystring: Query } }, async (req, reply) => {
    const items = await sim.messages({ touser: req.query.touser, limit: 50 });
    const rows = items.map((m) => {
      const [title, ...lines] = m.text.split('\n');
      return `<li><div class="meta">${esc(m.touser.slice(0, 4))}****${esc(m.touser.slice(-4))} · ${esc(new Date(m.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }))}</div>
<div class="title">${esc(title ?? '')}</div>${lines.map((l) => `<div class="line">${esc(l)}</div>`).join('')}<div class="page">进入小程序查看 · ${esc(m.page ?? '')}</div></li>`;
    }).join('');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="5"><title>服务通知（模拟器）· Koi</title><style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#ededed;margin:0;padding:24px;color:#111}
h1{font-size:20px;margin:0 0 4px} p{color:#7f7f7f;margin:0 0 16px;font-size:14px}
ul{list-style:none;padding:0;margin:0;max-width:560px} li{background:#fff;border-radius:10px;padding:14px 16px;margin-bottom:12px}
.meta{font-size:12px;color:#999;margin-bottom:6px}.title{font-size:16px;font-weight:600;margin-bottom:8px}.line{font-size:14px;color:#333;line-height:1.7}
.page{border-top:1px solid #eee;margin-top:10px;padding-top:8px;font-size:13px;color:#576b95}
</style></head><body><h1>服务通知 · 微信模拟器</h1>
<p>演示环境的小程序订阅消息：模拟的微信接口校验后收下，显示在这里（每 5 秒刷新）。Demo mode: subscribe messages the simulated WeChat delivered.</p>
<ul>${rows || '<li>还没有消息。No messages yet.</li>'}</ul></body></html>`;
  });
}
