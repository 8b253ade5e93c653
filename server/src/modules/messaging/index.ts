import { createHash } from 'node:crypto';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { aliyunSms, type SmsProvider } from './providers/sms.ts';
import { aliyunSmsSimulator, listSimulatedSms } from './providers/aliyun-sms.simulator.ts';
import { fetchTransport } from './providers/http-transport.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import { wechatSubscribe, WECHAT_API_BASE } from './providers/wechat-subscribe.ts';
import { wechatSubscribeSimulator } from './providers/wechat-subscribe.simulator.ts';
import { WECHAT_TEMPLATES } from './order-templates.rules.ts';
import { preferencesStore } from './preferences.ts';
import { notifier, DELIVER_QUEUE, type Contacts, type NotifyInput } from './notify.ts';
import { deliverer } from './deliver.ts';
import { registerNotificationRoutes } from './notifications.routes.ts';
import { registerWechatSubscribeSimRoutes } from './wechat-sim.routes.ts';
import { clickTracking } from './click-tracking.ts';
import type { Q } from '../../platform/db.ts';
import './messaging.errors.ts';

export type { SmsProvider, SmsMessage } from './providers/sms.ts';
export type { OrderMessageData } from './order-templates.rules.ts';
export type { NotifyInput } from './notify.ts';
export { SmsSendError } from './providers/sms.ts';
export { eraseMessagingCustomer, messagingCustomerData } from './erase-customer.ts';
export type { MarketingConsentPort } from './preferences.ts';
export { MessageClickEvents, type TMessageClickedEvent } from './click-tracking.ts';

export type MessagingService = {
  sms: SmsProvider;
  /** Only in simulator mode: what the simulated gateway delivered. */
  simulatedSms: ((opts?: { phone?: string; limit?: number }) => ReturnType<typeof listSimulatedSms>) | null;
};

/** The simulator's own key pair, derived from KOI_SECRET so it differs per installation. */
export function simulatorKeys(config: Config) {
  const secret = createHash('sha256').update(`aliyun-sms-sim:${config.secret}`).digest('base64url').slice(0, 30);
  return { accessKeyId: 'LTAI5tKoiSimulator', accessKeySecret: secret, signName: config.aliyunSms.signName };
}

export function createMessaging(deps: { db: Db; config: Config }): MessagingService {
  const { db, config } = deps;
  if (config.providers === 'live') {
    return {
      sms: aliyunSms({
        accessKeyId: config.aliyunSms.accessKeyId!,
        accessKeySecret: config.aliyunSms.accessKeySecret!,
        signName: config.aliyunSms.signName,
        transport: fetchTransport,
      }),
      simulatedSms: null,
    };
  }
  const keys = simulatorKeys(config);
  return {
    sms: aliyunSms({ ...keys, transport: aliyunSmsSimulator(db, keys) }),
    simulatedSms: (opts) => listSimulatedSms(db, opts),
  };
}

const SWEEP_QUEUE = 'messaging.deliver-sweep';

/**
 * Notifications: `notify` records what to send to a shopper (channel by consent and reach, one row
 * per event and channel) inside the caller's transaction; the `messaging.deliver` job sends it through
 * the providers (WeChat subscribe messages, Aliyun SMS) with retries; a sweep every minute sends what a
 * lost job left behind. Built after identity, which tells how to reach a shopper.
 */
export function createNotifications(deps: { db: Db; config: Config; log: Logger; jobs: Jobs; messaging: MessagingService; contacts: Contacts }) {
  const { db, config, log, jobs } = deps;
  const app = { appId: config.wechat.mpAppId, secret: config.wechat.mpSecret };
  const simulator = config.providers === 'simulator' ? wechatSubscribeSimulator(db, app, Object.values(WECHAT_TEMPLATES)) : null;
  const wechat = wechatSubscribe({ ...app, transport: simulator?.transport ?? fetchTransport, base: WECHAT_API_BASE });
  const prefs = preferencesStore(db);
  const n = notifier({ db, jobs, log, prefs, contacts: deps.contacts, signName: config.aliyunSms.signName });
  const d = deliverer({ db, log, sms: deps.messaging.sms, wechat, notifier: n, prefs });
  const clicks = clickTracking({ db, secret: config.secret, publicUrl: config.publicUrl });

  jobs.define<{ id: string }>(DELIVER_QUEUE, { retryLimit: 2, retryDelaySeconds: 30, expireInSeconds: 120 }, async ({ id }) => {
    await d.deliver(id);
  });
  jobs.define(SWEEP_QUEUE, { retryLimit: 1, expireInSeconds: 120 }, async () => {
    await d.deliverDue();
  });

  return {
    /** Records one notification's messages inside `q` (an event subscriber's transaction). */
    notify: (q: Q, input: NotifyInput) => n.notify(q, input),
    /** Sends one queued message now (the deliver job's work). */
    deliver: d.deliver,
    /** Sends every due message (the sweep's work; tests run the queue with it). */
    deliverDue: d.deliverDue,
    preferences: prefs,
    /** A tracked `/r/…` link to a shop path for a message (its clicks reach the customer timeline). */
    trackedLink: clicks.trackedLink,
    wechat,
    /** Only in simulator mode: the simulated WeChat (grants, delivered messages, token expiry). */
    wechatSimulator: simulator,
    async schedule(): Promise<void> {
      await jobs.schedule(SWEEP_QUEUE, '* * * * *');
    },
    registerRoutes(http: App): void {
      registerNotificationRoutes(http, { db, prefs, contacts: deps.contacts, simulator });
      if (simulator) registerWechatSubscribeSimRoutes(http, simulator);
      clicks.registerRoutes(http);
    },
  };
}
export type Notifications = ReturnType<typeof createNotifications>;
