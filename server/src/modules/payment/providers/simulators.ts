import type { Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import type { Logger } from '../../../platform/log.ts';
import type { App } from '../../../platform/http.ts';
import type { SimulatorKeys } from './keys.ts';
import type { Wire } from './wire.ts';
import { simTrades } from './sim-trades.ts';
import { simNotifications, SIM_NOTIFY_QUEUE } from './sim-notifications.ts';
import { wechatpaySimulator } from './wechatpay.simulator.ts';
import { alipaySimulator } from './alipay.simulator.ts';
import { registerSimulatorRoutes } from './simulator.routes.ts';

/**
 * The local WeChat Pay and Alipay (demo mode, tests): each with its own keys, its own trades, a
 * cashier, and callbacks delivered on the provider's retry schedule through durable jobs.
 */
export function createSimulators(deps: { db: Db; jobs: Jobs; log: Logger; wire: Wire; config: Config; keys: () => Promise<SimulatorKeys> }) {
  const { db, config } = deps;
  const trades = simTrades(db);
  const notifications = simNotifications({ db, jobs: deps.jobs, log: deps.log, wire: deps.wire, keys: deps.keys });
  const base = `${config.publicUrl}/sim/wechatpay`;
  const wechatpay = wechatpaySimulator({ db, trades, notifications, keys: deps.keys, base, publicUrl: config.publicUrl });
  const alipay = alipaySimulator({ db, trades, notifications, keys: deps.keys });

  deps.jobs.define<{ id: string }>(SIM_NOTIFY_QUEUE, { retryLimit: 5, retryDelaySeconds: 2, expireInSeconds: 60 }, async ({ id }) => {
    // Not there yet: the transaction that owed it has not committed. pg-boss retries shortly.
    if ((await notifications.deliver(id)) === 'missing') throw new Error(`simulated callback ${id} not committed yet`);
  });

  return {
    wechatpay,
    alipay,
    trades,
    notifications,
    registerRoutes(app: App): void {
      registerSimulatorRoutes(app, { wechatpay, alipay, trades, notifications, keys: deps.keys, merchantName: config.aliyunSms.signName, publicUrl: config.publicUrl });
    },
  };
}
export type Simulators = ReturnType<typeof createSimulators>;
