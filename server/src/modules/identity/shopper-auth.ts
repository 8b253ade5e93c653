import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import type { Config } from '../../platform/config.ts';
import { clock } from '../../platform/clock.ts';
import { newId, newNumericCode } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { enforce, type RateLimiter } from '../../platform/rate-limit.ts';
import { publish } from '../../platform/events.ts';
import { maskPhone, type Logger } from '../../platform/log.ts';
import type { TSendOtpResponse, TShopSession, TShopper, TSignupConsent } from '@koi/contracts';
import type { MessagingService } from '../messaging/index.ts';
import { otpCodes, shopperAccounts, shopperLogins } from './identity.tables.ts';
import { judgeOtp, OTP_MAX_ATTEMPTS, OTP_SEND_LIMITS } from './otp.rules.ts';
import { openSession } from './sessions.ts';
import { WechatAuthError, type WechatAuth, type WechatIdentity } from './providers/wechat-auth.ts';

export const IdentityEvents = { shopperRegistered: 'identity.shopper_registered', shopperSignedIn: 'identity.shopper_signed_in' } as const;
export type ShopperRegistered = {
  shopperId: string; via: 'phone' | 'wechat'; phone: string | null; wechatUnionid: string | null; at: string;
  /** What the shopper agreed to on the sign-in page (PIPL consent, recorded by the customer module), with the client it came from. */
  consent?: TSignupConsent & { ip: string; userAgent: string | null };
};

const DEFAULT_NICKNAME = '微信用户';

type Deps = { db: Db; config: Config; limiter: RateLimiter; messaging: MessagingService; wechat: WechatAuth; log: Logger };
type ClientMeta = { ip: string; userAgent?: string };

export function shopperAuth({ db, config, limiter, messaging, wechat, log }: Deps) {
  const codeHash = (phone: string, code: string) => createHmac('sha256', config.secret).update(`otp:${phone}:${code}`).digest('hex');
  const ttlMs = config.shopperSessionDays * 86400_000;

  async function toShopper(q: Q, id: string): Promise<TShopper> {
    const [account] = await q.select().from(shopperAccounts).where(eq(shopperAccounts.id, id));
    if (!account) throw new KoiError('resource.not_found', { what: 'shopper' });
    const logins = await q.select({ kind: shopperLogins.kind, value: shopperLogins.value }).from(shopperLogins).where(eq(shopperLogins.shopperId, id));
    const phone = logins.find((l) => l.kind === 'phone')?.value ?? null;
    return {
      id,
      nickname: account.nickname,
      phone: maskPhone(phone),
      avatarUrl: account.avatarUrl,
      wechatBound: logins.some((l) => l.kind !== 'phone'),
      createdAt: account.createdAt.toISOString(),
    };
  }

  /**
   * Finds the shopper who owns any of these logins, or registers one; then binds the logins they lack.
   * Two first sign-ins racing for the same phone meet at the unique (kind, value) index: the loser's
   * insert does nothing and it reads the winner's account.
   */
  async function findOrRegister(q: Q, logins: { kind: 'phone' | 'wechat_openid' | 'wechat_unionid'; value: string }[], profile: { nickname: string; avatarUrl: string | null; via: 'phone' | 'wechat' }, consent?: ShopperRegistered['consent']) {
    const values = logins.map((l) => l.value);
    const existing = await q.select().from(shopperLogins).where(inArray(shopperLogins.value, values));
    const owner = logins.map((l) => existing.find((e) => e.kind === l.kind && e.value === l.value)?.shopperId).find(Boolean);
    let shopperId = owner;
    const now = clock.now();
    let registered = false;
    if (!shopperId) {
      shopperId = newId();
      await q.insert(shopperAccounts).values({ id: shopperId, nickname: profile.nickname, avatarUrl: profile.avatarUrl, createdAt: now });
      registered = true;
    }
    for (const l of logins) {
      if (existing.some((e) => e.kind === l.kind && e.value === l.value)) continue;
      const inserted = await q.insert(shopperLogins).values({ id: newId(), shopperId, kind: l.kind, value: l.value, createdAt: now })
        .onConflictDoNothing().returning({ id: shopperLogins.id });
      if (!inserted.length && registered) {
        // Lost a race for this login: sign in to the account that won it; ours rolls back with the transaction.
        const [winner] = await q.select().from(shopperLogins).where(and(eq(shopperLogins.kind, l.kind), eq(shopperLogins.value, l.value)));
        throw new LostRegistrationRace(winner!.shopperId);
      }
    }
    // The mini-program gives no nickname; an OAuth sign-in that brings one fills in the placeholder.
    const fill = profile.nickname !== DEFAULT_NICKNAME ? { nickname: sql`case when ${shopperAccounts.nickname} = ${DEFAULT_NICKNAME} then ${profile.nickname} else ${shopperAccounts.nickname} end` } : {};
    await q.update(shopperAccounts).set({ lastLoginAt: now, ...fill }).where(eq(shopperAccounts.id, shopperId));
    if (registered) {
      const phone = logins.find((l) => l.kind === 'phone')?.value ?? null;
      const unionid = logins.find((l) => l.kind === 'wechat_unionid')?.value ?? null;
      await publish<ShopperRegistered>(q, IdentityEvents.shopperRegistered, { shopperId, via: profile.via, phone, wechatUnionid: unionid, at: now.toISOString(), ...(consent ? { consent } : {}) });
    }
    return shopperId;
  }

  async function signIn(logins: Parameters<typeof findOrRegister>[1], profile: Parameters<typeof findOrRegister>[2], meta: ClientMeta, consent?: TSignupConsent): Promise<TShopSession> {
    const attempt = () => db.tx(async (q) => {
      const shopperId = await findOrRegister(q, logins, profile, consent && { ...consent, ip: meta.ip, userAgent: meta.userAgent ?? null });
      const session = await openSession(q, { kind: 'shopper', id: shopperId }, ttlMs, meta);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), shopper: await toShopper(q, shopperId) };
    });
    try {
      return await attempt();
    } catch (err) {
      if (err instanceof LostRegistrationRace || isUniqueViolation(err)) return attempt();
      throw err;
    }
  }

  return {
    async sendOtp(phone: string, meta: ClientMeta): Promise<TSendOtpResponse> {
      await enforce(limiter, [
        { key: `otp:phone:m:${phone}`, ...OTP_SEND_LIMITS.perPhoneMinute },
        { key: `otp:phone:d:${phone}`, ...OTP_SEND_LIMITS.perPhoneDay },
        { key: `otp:ip:${meta.ip}`, ...OTP_SEND_LIMITS.perIpHour },
      ]);
      const code = newNumericCode(6);
      const now = clock.now();
      // A new code replaces the old ones: only the latest can be used.
      await db.tx(async (q) => {
        await q.update(otpCodes).set({ consumedAt: now }).where(and(eq(otpCodes.phone, phone), isNull(otpCodes.consumedAt)));
        await q.insert(otpCodes).values({ id: newId(), phone, codeHash: codeHash(phone, code), createdAt: now, expiresAt: new Date(now.getTime() + config.otpTtlSeconds * 1000) });
      });
      try {
        await messaging.sms.send({ phone, templateCode: config.aliyunSms.otpTemplate, params: { code, minutes: String(Math.round(config.otpTtlSeconds / 60)) } });
      } catch (err) {
        log.error({ err, phone }, 'OTP SMS failed');
        throw new KoiError('identity.sms_failed', {}, { cause: err });
      }
      return { sent: true, expiresInSeconds: config.otpTtlSeconds, resendAfterSeconds: OTP_SEND_LIMITS.perPhoneMinute.windowSeconds };
    },

    async loginWithPhone(phone: string, code: string, meta: ClientMeta, consent?: TSignupConsent): Promise<TShopSession> {
      const verdict = await db.tx(async (q) => {
        const [latest] = await q.select().from(otpCodes).where(eq(otpCodes.phone, phone)).orderBy(desc(otpCodes.createdAt)).limit(1);
        if (!latest) return { v: judgeOtp(null, clock.now(), false, 0), attempts: 0 };
        // Count the try first, atomically, so parallel guesses cannot get more than five.
        const [bumped] = await q.update(otpCodes).set({ attempts: sql`${otpCodes.attempts} + 1` }).where(eq(otpCodes.id, latest.id)).returning({ attempts: otpCodes.attempts });
        const matches = safeEqual(latest.codeHash, codeHash(phone, code));
        const v = judgeOtp(latest, clock.now(), matches, bumped!.attempts);
        if (v === 'ok') {
          const used = await q.update(otpCodes).set({ consumedAt: clock.now() }).where(and(eq(otpCodes.id, latest.id), isNull(otpCodes.consumedAt))).returning({ id: otpCodes.id });
          if (!used.length) return { v: 'used' as const, attempts: bumped!.attempts };
        }
        return { v, attempts: bumped!.attempts };
      });
      switch (verdict.v) {
        case 'none': throw new KoiError('identity.otp_not_sent');
        case 'expired': throw new KoiError('identity.otp_expired');
        case 'used': throw new KoiError('identity.otp_used');
        case 'too_many_attempts': throw new KoiError('identity.otp_too_many_attempts');
        case 'wrong': throw new KoiError('identity.otp_invalid', { remaining: Math.max(0, OTP_MAX_ATTEMPTS - verdict.attempts) });
      }
      return signIn([{ kind: 'phone', value: phone }], { nickname: `茶友${phone.slice(-4)}`, avatarUrl: null, via: 'phone' }, meta, consent);
    },

    async loginWithWechat(kind: 'mp' | 'oauth', code: string, meta: ClientMeta, consent?: TSignupConsent): Promise<TShopSession> {
      let who: WechatIdentity;
      try {
        who = kind === 'mp' ? await wechat.exchangeMiniProgramCode(code) : await wechat.exchangeOauthCode(code);
      } catch (err) {
        if (err instanceof WechatAuthError && [40029, 40163, 40001].includes(err.errcode)) throw new KoiError('identity.wechat_code_invalid');
        log.error({ err }, 'WeChat code exchange failed');
        throw new KoiError('identity.wechat_unavailable', {}, { cause: err });
      }
      const logins: Parameters<typeof findOrRegister>[1] = [];
      if (who.unionid) logins.push({ kind: 'wechat_unionid', value: who.unionid });
      logins.push({ kind: 'wechat_openid', value: `${who.appId}:${who.openid}` });
      return signIn(logins, { nickname: who.nickname ?? DEFAULT_NICKNAME, avatarUrl: who.avatarUrl, via: 'wechat' }, meta, consent);
    },

    me: (shopperId: string) => db.run((q) => toShopper(q, shopperId)),

    /** The account for this phone, registered if new (demo seeding; imports from other platforms later). */
    async ensureByPhone(phone: string, nickname: string): Promise<string> {
      const attempt = () => db.tx((q) => findOrRegister(q, [{ kind: 'phone', value: phone }], { nickname, avatarUrl: null, via: 'phone' }));
      try {
        return await attempt();
      } catch (err) {
        if (err instanceof LostRegistrationRace || isUniqueViolation(err)) return attempt();
        throw err;
      }
    },
  };
}
export type ShopperAuth = ReturnType<typeof shopperAuth>;

class LostRegistrationRace extends Error {
  constructor(readonly winnerId: string) {
    super('another sign-in registered this login first');
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
