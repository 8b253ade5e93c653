import { createHash } from 'node:crypto';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { aliyunSms, type SmsProvider } from './providers/sms.ts';
import { aliyunSmsSimulator, listSimulatedSms } from './providers/aliyun-sms.simulator.ts';
import { fetchTransport } from './providers/http-transport.ts';

export type { SmsProvider, SmsMessage } from './providers/sms.ts';
export { SmsSendError } from './providers/sms.ts';

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
