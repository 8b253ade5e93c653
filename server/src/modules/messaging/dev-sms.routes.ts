import { z } from 'zod';
import type { App } from '../../platform/http.ts';
import type { MessagingService } from './index.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Demo and tests only: the phone's inbox of the SMS simulator. Never registered with live providers.
 * `/dev/sms` is a page a person reads codes from; `/api/dev/sms` is the same for scripts.
 */
export function registerDevSmsRoutes(app: App, messaging: MessagingService): void {
  const list = messaging.simulatedSms;
  if (!list) return;
  const Query = z.object({ phone: z.string().regex(/^\d{11}$/).optional() });

  app.get('/api/dev/sms', { schema: { hide: true, querystring: Query } }, async (req) => ({ items: await list({ phone: req.query.phone, limit: 50 }) }));

  app.get('/dev/sms', { schema: { hide: true, querystring: Query } }, async (req, reply) => {
    const items = await list({ phone: req.query.phone, limit: 50 });
    const rows = items
      .map((m) => `<li><div class="meta">${esc(m.phone)} · ${esc(new Date(m.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }))}</div><div class="text">${esc(m.text)}</div></li>`)
      .join('');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="5"><title>短信模拟器 · Koi</title><style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f5f6f7;margin:0;padding:24px;color:#1f2329}
h1{font-size:20px;margin:0 0 4px} p{color:#646a73;margin:0 0 16px;font-size:14px}
ul{list-style:none;padding:0;margin:0;max-width:640px} li{background:#fff;border-radius:10px;padding:12px 16px;margin-bottom:10px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.meta{font-size:12px;color:#8f959e;margin-bottom:4px}.text{font-size:15px;line-height:1.5}
form{margin-bottom:16px} input{padding:6px 10px;border:1px solid #d0d3d6;border-radius:6px}
</style></head><body><h1>短信模拟器 SMS simulator</h1>
<p>演示环境不真正发送短信：发往阿里云短信网关的请求由本地模拟器验签后收下，显示在这里（每 5 秒刷新）。Demo mode: messages the simulated Aliyun gateway accepted.</p>
<form><input name="phone" placeholder="按手机号筛选 filter by phone" value="${esc(req.query.phone ?? '')}"> <button>筛选</button></form>
<ul>${rows || '<li>还没有短信。No messages yet.</li>'}</ul></body></html>`;
  });
}
