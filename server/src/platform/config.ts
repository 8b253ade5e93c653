import { z } from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the default data folder lives there whichever folder a script runs from. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** Every environment variable Koi reads, parsed once at boot. README's configuration table mirrors this. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /**
   * Which proxies may set X-Forwarded-For: `false` (none: the socket address is the client), `true`
   * (any: only when nothing but your proxy can reach Koi), a hop count, or comma-separated addresses
   * and CIDRs. Per-address rate limits are only as good as this.
   */
  KOI_TRUST_PROXY: z.string().regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/,\s]+)$/, 'true, false, a hop count, or addresses/CIDRs').default('false'),
  /** Embedded database and uploads (default: `data/` at the repository root). */
  KOI_DATA_DIR: z.string().optional(),
  /** PostgreSQL 15+; when unset, PGlite in KOI_DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  /** Optional Redis for rate limits and caches (flash-sale stock later). */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  /** Prefix of every Redis key, so several Koi installations (or test runs) can share one Redis. */
  KOI_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,40}$/, 'letters, digits, : _ - only').default('koi:'),
  /** Seed the demo merchant into an empty database. */
  KOI_DEMO: bool.default(true),
  /** Signs session tokens' HMAC and simulator secrets; required to be long in production. */
  KOI_SECRET: z.string().min(32, 'must be at least 32 characters').default('koi-demo-secret-change-me-in-production-0000'),
  /** Public URL shoppers reach the server at (OAuth redirects, mini-program API base, pay callbacks). */
  KOI_PUBLIC_URL: z.string().url().optional(),
  /** Where outside providers are: `simulator` (demo, tests) or `live`. */
  KOI_PROVIDERS: z.enum(['simulator', 'live']).default('simulator'),
  KOI_SHOPPER_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  KOI_STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  KOI_OTP_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  /** Unpaid orders close after this many minutes and give back stock, coupons and points. */
  KOI_ORDER_PAY_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(30),
  /** PIPL: days a shopper's deletion request waits (and can be cancelled) before the erasure job runs. */
  KOI_PRIVACY_COOLING_OFF_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  KOI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Jobs and the outbox dispatcher run in this process (`all`), or only HTTP (`http`), or only workers (`worker`). */
  KOI_ROLE: z.enum(['all', 'http', 'worker']).default('all'),
  NODE_ENV: z.string().default('development'),
  /** Aliyun SMS (live mode). */
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().default('青瓷小筑'),
  ALIYUN_SMS_TEMPLATE_OTP: z.string().default('SMS_KOI_OTP'),
  /** WeChat mini-program and official-account app credentials (live mode). */
  WECHAT_MP_APPID: z.string().default('wx_koi_demo_mp'),
  WECHAT_MP_SECRET: z.string().default('koi-demo-mp-secret'),
  WECHAT_OA_APPID: z.string().default('wx_koi_demo_oa'),
  WECHAT_OA_SECRET: z.string().default('koi-demo-oa-secret'),
  /** WeChat Pay API v3 (live mode; the simulator makes its own keys). */
  WECHATPAY_MCHID: z.string().regex(/^\d{6,32}$/, 'digits only').default('1900000109'),
  WECHATPAY_APPID: z.string().optional(),
  WECHATPAY_SERIAL: z.string().optional(),
  WECHATPAY_PRIVATE_KEY_PATH: z.string().optional(),
  WECHATPAY_APIV3_KEY: z.string().length(32, 'must be the 32-character APIv3 key').optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: z.string().optional(),
  WECHATPAY_PLATFORM_SERIAL: z.string().optional(),
  WECHATPAY_GATEWAY: z.string().url().default('https://api.mch.weixin.qq.com'),
  /** Alipay (live mode; the simulator makes its own keys). */
  ALIPAY_APP_ID: z.string().regex(/^\d{16}$/, 'the 16-digit app id').default('2021004100000001'),
  ALIPAY_SELLER_ID: z.string().regex(/^2088\d{12}$/, 'the 2088… partner id').optional(),
  ALIPAY_PRIVATE_KEY_PATH: z.string().optional(),
  ALIPAY_PUBLIC_KEY_PATH: z.string().optional(),
  ALIPAY_GATEWAY: z.string().url().default('https://openapi.alipay.com/gateway.do'),
  /** Days after the last package of an order is delivered before the order completes by itself (自动确认收货). */
  KOI_AUTO_CONFIRM_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** Kuaidi100 (快递100) tracking (live mode): the account's customer id and key, and its gateway. */
  KUAIDI100_CUSTOMER: z.string().optional(),
  KUAIDI100_KEY: z.string().optional(),
  KUAIDI100_GATEWAY: z.string().url().default('https://poll.kuaidi100.com'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix: string;
  trustProxy: boolean | number | string[];
  demo: boolean;
  secret: string;
  publicUrl: string;
  providers: 'simulator' | 'live';
  shopperSessionDays: number;
  staffSessionHours: number;
  otpTtlSeconds: number;
  orderPayMinutes: number;
  privacyCoolingOffDays: number;
  logLevel: string;
  role: 'all' | 'http' | 'worker';
  production: boolean;
  aliyunSms: { accessKeyId?: string; accessKeySecret?: string; signName: string; otpTemplate: string };
  wechat: { mpAppId: string; mpSecret: string; oaAppId: string; oaSecret: string };
  /** Payment providers; key paths and secrets are set (checked at boot) when providers are live. */
  payment: {
    wechatpay: {
      mchid: string; appId: string; serial?: string; privateKeyPath?: string; apiV3Key?: string;
      platformPublicKeyPath?: string; platformSerial?: string; gateway: string;
    };
    alipay: { appId: string; sellerId?: string; privateKeyPath?: string; alipayPublicKeyPath?: string; gateway: string };
  };
  /** Express shipping and tracking. */
  shipment: { autoConfirmDays: number; kuaidi100: { customer?: string; key?: string; gateway: string } };
};

export class ConfigError extends Error {}

function parseTrustProxy(v: string): boolean | number | string[] {
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Parses the environment; a bad value throws one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && e.KOI_SECRET.startsWith('koi-demo-secret')) {
    throw new ConfigError('Invalid configuration — KOI_SECRET: set a secret of your own in production');
  }
  if (e.KOI_PROVIDERS === 'live' && (!e.ALIYUN_SMS_ACCESS_KEY_ID || !e.ALIYUN_SMS_ACCESS_KEY_SECRET)) {
    throw new ConfigError('Invalid configuration — ALIYUN_SMS_ACCESS_KEY_ID/ALIYUN_SMS_ACCESS_KEY_SECRET: required when KOI_PROVIDERS=live');
  }
  if (e.KOI_PROVIDERS === 'live') {
    const missing = (['WECHATPAY_SERIAL', 'WECHATPAY_PRIVATE_KEY_PATH', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH',
      'WECHATPAY_PLATFORM_SERIAL', 'ALIPAY_SELLER_ID', 'ALIPAY_PRIVATE_KEY_PATH', 'ALIPAY_PUBLIC_KEY_PATH'] as const).filter((k) => !e[k]);
    if (missing.length) throw new ConfigError(`Invalid configuration — ${missing.join('/')}: required when KOI_PROVIDERS=live`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.KOI_DATA_DIR ? path.resolve(e.KOI_DATA_DIR) : path.join(repoRoot, 'data'),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.KOI_REDIS_PREFIX,
    trustProxy: parseTrustProxy(e.KOI_TRUST_PROXY),
    demo: e.KOI_DEMO,
    secret: e.KOI_SECRET,
    publicUrl: (e.KOI_PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/$/, ''),
    providers: e.KOI_PROVIDERS,
    shopperSessionDays: e.KOI_SHOPPER_SESSION_DAYS,
    staffSessionHours: e.KOI_STAFF_SESSION_HOURS,
    otpTtlSeconds: e.KOI_OTP_TTL_SECONDS,
    orderPayMinutes: e.KOI_ORDER_PAY_MINUTES,
    privacyCoolingOffDays: e.KOI_PRIVACY_COOLING_OFF_DAYS,
    logLevel: e.KOI_LOG_LEVEL,
    role: e.KOI_ROLE,
    production,
    aliyunSms: {
      accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID,
      accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET,
      signName: e.ALIYUN_SMS_SIGN_NAME,
      otpTemplate: e.ALIYUN_SMS_TEMPLATE_OTP,
    },
    wechat: { mpAppId: e.WECHAT_MP_APPID, mpSecret: e.WECHAT_MP_SECRET, oaAppId: e.WECHAT_OA_APPID, oaSecret: e.WECHAT_OA_SECRET },
    payment: {
      wechatpay: {
        mchid: e.WECHATPAY_MCHID, appId: e.WECHATPAY_APPID ?? e.WECHAT_MP_APPID, serial: e.WECHATPAY_SERIAL,
        privateKeyPath: e.WECHATPAY_PRIVATE_KEY_PATH, apiV3Key: e.WECHATPAY_APIV3_KEY,
        platformPublicKeyPath: e.WECHATPAY_PLATFORM_PUBLIC_KEY_PATH, platformSerial: e.WECHATPAY_PLATFORM_SERIAL,
        gateway: e.WECHATPAY_GATEWAY.replace(/\/$/, ''),
      },
      alipay: {
        appId: e.ALIPAY_APP_ID, sellerId: e.ALIPAY_SELLER_ID, privateKeyPath: e.ALIPAY_PRIVATE_KEY_PATH,
        alipayPublicKeyPath: e.ALIPAY_PUBLIC_KEY_PATH, gateway: e.ALIPAY_GATEWAY,
      },
    },
    shipment: {
      autoConfirmDays: e.KOI_AUTO_CONFIRM_DAYS,
      kuaidi100: { customer: e.KUAIDI100_CUSTOMER, key: e.KUAIDI100_KEY, gateway: e.KUAIDI100_GATEWAY.replace(/\/$/, '') },
    },
  };
}
