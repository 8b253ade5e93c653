import { z } from 'zod';
import {
  ZOk, ZPhoneLoginRequest, ZSendOtpRequest, ZSendOtpResponse, ZShopSession, ZShopper, ZShopperDeviceList,
  ZWechatLoginRequest, ZWechatOauthUrl, ZWechatOauthUrlQuery, ZIdParam,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, shopperOf } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import { newToken } from '../../platform/ids.ts';
import type { Db } from '../../platform/db.ts';
import type { ShopperAuth } from './shopper-auth.ts';
import type { WechatAuth } from './providers/wechat-auth.ts';
import { liveSessions, type Sessions } from './sessions.ts';

const shop = { tags: ['shop'] };
const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };

export function registerShopIdentityRoutes(app: App, deps: { db: Db; sessions: Sessions; auth: ShopperAuth; wechat: WechatAuth; publicUrl: string }) {
  const { db, sessions, auth, wechat } = deps;
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') || undefined });

  app.post('/api/shop/auth/otp', { schema: { ...shop, summary: 'Send a sign-in code by SMS', body: ZSendOtpRequest, response: { 200: ZSendOtpResponse } } },
    async (req) => auth.sendOtp(req.body.phone, meta(req)));

  app.post('/api/shop/auth/login/phone', { schema: { ...shop, summary: 'Sign in with phone and code', body: ZPhoneLoginRequest, response: { 200: ZShopSession } } },
    async (req) => auth.loginWithPhone(req.body.phone, req.body.code, meta(req), req.body.consent));

  app.post('/api/shop/auth/login/wechat', { schema: { ...shop, summary: 'Sign in with a WeChat code (mini-program or OAuth)', body: ZWechatLoginRequest, response: { 200: ZShopSession } } },
    async (req) => auth.loginWithWechat(req.body.kind, req.body.code, meta(req), req.body.consent));

  app.get('/api/shop/auth/wechat/oauth-url', { schema: { ...shop, summary: 'Where H5 sends the shopper for WeChat OAuth', querystring: ZWechatOauthUrlQuery, response: { 200: ZWechatOauthUrl } } },
    async (req) => {
      // Only back to this shop: an open redirect would hand codes to someone else's page.
      let target: URL;
      try {
        target = new URL(req.query.redirect);
      } catch {
        throw new KoiError('identity.redirect_not_allowed');
      }
      const allowed = new Set([new URL(deps.publicUrl).host, String(req.headers.host ?? '')]);
      if (!['http:', 'https:'].includes(target.protocol) || !allowed.has(target.host)) throw new KoiError('identity.redirect_not_allowed');
      return { url: wechat.authorizeUrl(target.toString(), newToken(12)) };
    });

  app.post('/api/shop/auth/logout', { schema: { ...signedIn, summary: 'Sign out this device', response: { 200: ZOk } }, preValidation: requireShopper },
    async (req) => {
      const s = shopperOf(req);
      await sessions.revoke(s.sessionId, { kind: 'shopper', id: s.id });
      return { ok: true as const };
    });

  app.get('/api/shop/me', { schema: { ...signedIn, summary: 'The signed-in shopper', response: { 200: ZShopper } }, preValidation: requireShopper },
    async (req) => auth.me(shopperOf(req).id));

  app.get('/api/shop/me/devices', { schema: { ...signedIn, summary: 'Devices signed in to this account', response: { 200: ZShopperDeviceList } }, preValidation: requireShopper },
    async (req) => {
      const s = shopperOf(req);
      const rows = await liveSessions(db, { kind: 'shopper', id: s.id });
      return {
        items: rows.map((r) => ({ id: r.id, userAgent: r.userAgent, createdAt: r.createdAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), current: r.id === s.sessionId })),
      };
    });

  app.delete('/api/shop/me/devices/:id', { schema: { ...signedIn, summary: 'Sign a device out', params: ZIdParam, response: { 200: ZOk } }, preValidation: requireShopper },
    async (req) => {
      const s = shopperOf(req);
      // Another shopper's session is indistinguishable from a missing one.
      const ok = z.uuid().safeParse(req.params.id).success && (await sessions.revoke(req.params.id, { kind: 'shopper', id: s.id }));
      if (!ok) throw new KoiError('resource.not_found', { what: 'device' });
      return { ok: true as const };
    });
}
