import {
  ORDER_MESSAGE_KINDS, ZMessageSendList, ZMessageSendQuery, ZNotificationPreferences, ZNotificationPreferencesInput, ZSubscribeResultInput,
  type TNotificationPreferences,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireShopper, requireStaff, shopperOf } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import type { Db } from '../../platform/db.ts';
import { WECHAT_TEMPLATES } from './order-templates.rules.ts';
import type { PreferencesStore } from './preferences.ts';
import type { Contacts } from './notify.ts';
import type { WechatSubscribeSimulator } from './providers/wechat-subscribe.simulator.ts';
import { listSends } from './send-log.ts';

const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };
const admin = { tags: ['admin'], security: [{ bearer: [] }] };

type Deps = { db: Db; prefs: PreferencesStore; contacts: Contacts; simulator: WechatSubscribeSimulator | null };

/** The shopper's notification settings and WeChat subscriptions; the admin's message log. */
export function registerNotificationRoutes(app: App, deps: Deps) {
  const { prefs } = deps;

  async function view(customerId: string): Promise<TNotificationPreferences> {
    const [switches, contacts, quotas] = await Promise.all([prefs.switches(customerId), deps.contacts(customerId), prefs.quotas(customerId)]);
    return {
      ...switches,
      reachable: { sms: Boolean(contacts.phone), wechat: Boolean(contacts.mpOpenid) },
      wechatTemplates: ORDER_MESSAGE_KINDS.map((kind) => {
        const t = WECHAT_TEMPLATES[kind];
        return { kind, templateId: t.templateId, title: t.title, remaining: quotas.get(t.templateId) ?? 0 };
      }),
    };
  }

  app.get('/api/shop/me/notification-preferences', {
    schema: { ...signedIn, summary: 'My order-notification channels, what can reach me, and my WeChat subscriptions', response: { 200: ZNotificationPreferences } },
    preValidation: requireShopper,
  }, async (req) => view(shopperOf(req).id));

  app.put('/api/shop/me/notification-preferences', {
    schema: { ...signedIn, summary: 'Turn channels on or off (each change is recorded with its time)', body: ZNotificationPreferencesInput, response: { 200: ZNotificationPreferences } },
    preValidation: requireShopper,
  }, async (req) => {
    const id = shopperOf(req).id;
    await prefs.update(id, req.body, 'shop');
    return view(id);
  });

  app.post('/api/shop/me/notification-subscriptions', {
    schema: { ...signedIn, summary: 'Report what wx.requestSubscribeMessage answered; each accepted template allows one message', body: ZSubscribeResultInput, response: { 200: ZNotificationPreferences } },
    preValidation: requireShopper,
  }, async (req) => {
    const id = shopperOf(req).id;
    const known = new Set(Object.values(WECHAT_TEMPLATES).map((t) => t.templateId));
    const accepted = Object.entries(req.body.results).filter(([tpl, r]) => r === 'accept' && known.has(tpl)).map(([tpl]) => tpl);
    const contacts = await deps.contacts(id);
    if (!contacts.mpOpenid) throw new KoiError('messaging.wechat_not_bound');
    await prefs.addGrants(id, accepted);
    // Demo mode: the simulated WeChat learns the grant as the real one does when the user taps 允许.
    if (deps.simulator) await deps.simulator.grant(contacts.mpOpenid, accepted);
    return view(id);
  });

  app.get('/api/admin/messages', {
    schema: { ...admin, summary: 'Message log: what was sent, skipped or failed, newest first (recipients masked)', querystring: ZMessageSendQuery, response: { 200: ZMessageSendList } },
    preValidation: requireStaff('marketing:view'),
  }, async (req) => listSends(deps.db, req.query));
}
