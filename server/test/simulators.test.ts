import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { openPglite, type Db } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { clock } from '../src/platform/clock.ts';
import { aliyunSmsSimulator, listSimulatedSms } from '../src/modules/messaging/providers/aliyun-sms.simulator.ts';
import { aliyunSms, SmsSendError } from '../src/modules/messaging/providers/sms.ts';
import { buildSendSmsQuery, percentEncode, signRpc } from '../src/modules/messaging/providers/aliyun-sms.protocol.ts';
import { wechatAuth, WechatAuthError } from '../src/modules/identity/providers/wechat-auth.ts';
import { wechatAuthSimulator } from '../src/modules/identity/providers/wechat-auth.simulator.ts';
import { redisRateLimiter } from '../src/platform/rate-limit.ts';

const keys = { accessKeyId: 'LTAI5tSim', accessKeySecret: 'sim-secret', signName: '青瓷小筑' };
const apps = { mpAppId: 'wxmp', mpSecret: 'mpsecret', oaAppId: 'wxoa', oaSecret: 'oasecret' };

describe('provider simulators are as strict as the providers', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite(undefined);
    await migrate(db);
  });
  afterAll(async () => {
    clock.reset();
    await db.close();
  });

  it('Aliyun SMS: a correctly signed SendSms is accepted and shows in the inbox', async () => {
    const sms = aliyunSms({ ...keys, transport: aliyunSmsSimulator(db, keys) });
    const { bizId } = await sms.send({ phone: '13800138000', templateCode: 'SMS_KOI_OTP', params: { code: '246810', minutes: '5' } });
    expect(bizId).toMatch(/\^0$/);
    const [m] = await listSimulatedSms(db, { phone: '13800138000' });
    expect(m!.text).toBe('【青瓷小筑】您的验证码为246810，5分钟内有效，请勿泄露于他人。');
  });

  it('Aliyun SMS: refuses a wrong secret, a tampered parameter, a stale timestamp and a replayed nonce', async () => {
    const transport = aliyunSmsSimulator(db, keys);
    const wrongSecret = aliyunSms({ ...keys, accessKeySecret: 'guess', transport });
    await expect(wrongSecret.send({ phone: '13800138000', templateCode: 'SMS_KOI_OTP', params: { code: '1', minutes: '5' } })).rejects.toMatchObject({ providerCode: 'SignatureDoesNotMatch' });

    const input = { phone: '13800138000', signName: keys.signName, templateCode: 'SMS_KOI_OTP', templateParam: { code: '1', minutes: '5' } };
    const good = buildSendSmsQuery(input, keys, clock.now());
    const tampered = good.replace('13800138000', '13900139000');
    const r1 = JSON.parse((await transport({ method: 'GET', url: `https://dysmsapi.aliyuncs.com/?${tampered}` })).body);
    expect(r1.Code).toBe('SignatureDoesNotMatch');

    const stale = buildSendSmsQuery(input, keys, new Date(clock.now().getTime() - 16 * 60_000));
    const r2 = JSON.parse((await transport({ method: 'GET', url: `https://dysmsapi.aliyuncs.com/?${stale}` })).body);
    expect(r2.Code).toBe('InvalidTimeStamp.Expired');

    const once = JSON.parse((await transport({ method: 'GET', url: `https://dysmsapi.aliyuncs.com/?${good}` })).body);
    const twice = JSON.parse((await transport({ method: 'GET', url: `https://dysmsapi.aliyuncs.com/?${good}` })).body);
    expect(once.Code).toBe('OK');
    expect(twice.Code).toBe('SignatureNonceUsed');
  });

  it('Aliyun SMS: answers business errors the way Aliyun does', async () => {
    const sms = aliyunSms({ ...keys, transport: aliyunSmsSimulator(db, keys) });
    await expect(sms.send({ phone: '12345', templateCode: 'SMS_KOI_OTP', params: { code: '1', minutes: '5' } })).rejects.toMatchObject({ providerCode: 'isv.MOBILE_NUMBER_ILLEGAL' });
    await expect(sms.send({ phone: '13800138000', templateCode: 'SMS_UNKNOWN', params: {} })).rejects.toMatchObject({ providerCode: 'isv.SMS_TEMPLATE_ILLEGAL' });
    await expect(sms.send({ phone: '13800138000', templateCode: 'SMS_KOI_OTP', params: { code: '1' } })).rejects.toBeInstanceOf(SmsSendError);
    const otherSign = aliyunSms({ ...keys, signName: '别家店', transport: aliyunSmsSimulator(db, keys) });
    await expect(otherSign.send({ phone: '13800138000', templateCode: 'SMS_KOI_OTP', params: { code: '1', minutes: '5' } })).rejects.toMatchObject({ providerCode: 'isv.SMS_SIGNATURE_ILLEGAL' });
  });

  it('Aliyun SMS: the signature survives characters that need RFC 3986 escaping', () => {
    const params = { AccessKeyId: 'a', TemplateParam: `{"name":"茶友 (老客)*~'!"}` };
    const s = signRpc('GET', params, 'k');
    expect(s).toBe(signRpc('GET', { ...params }, 'k'));
    expect(percentEncode(params.TemplateParam)).not.toMatch(/[()*'! ]/);
  });

  it('WeChat: codes are per app, single use and expire after five minutes', async () => {
    const sim = wechatAuthSimulator(db, apps, 'secret');
    const wx = wechatAuth(apps, sim.transport);
    const code = await sim.issueCode(apps.mpAppId, 'u1', '一号');
    const who = await wx.exchangeMiniProgramCode(code);
    expect(who.openid).toMatch(/^o/);
    expect(who.unionid).toMatch(/^u/);
    await expect(wx.exchangeMiniProgramCode(code)).rejects.toMatchObject({ errcode: 40163 });

    const oaCode = await sim.issueCode(apps.oaAppId, 'u1', '一号');
    await expect(wx.exchangeMiniProgramCode(oaCode)).rejects.toMatchObject({ errcode: 40029 });
    const oa = await wx.exchangeOauthCode(oaCode);
    expect(oa.unionid).toBe(who.unionid);
    expect(oa.openid).not.toBe(who.openid);
    expect(oa.nickname).toBe('一号');

    const late = await sim.issueCode(apps.mpAppId, 'u2', '二号');
    clock.advance(5 * 60_000 + 1);
    await expect(wx.exchangeMiniProgramCode(late)).rejects.toBeInstanceOf(WechatAuthError);
    clock.reset();

    const badSecret = wechatAuth({ ...apps, mpSecret: 'wrong' }, sim.transport);
    await expect(badSecret.exchangeMiniProgramCode(await sim.issueCode(apps.mpAppId, 'u3', '三号'))).rejects.toMatchObject({ errcode: 40125 });
  });
});

describe.runIf(process.env.REDIS_URL)('Redis rate limiter', () => {
  it('counts across clients sharing one Redis, per key, per window', async () => {
    const a = new Redis(process.env.REDIS_URL!);
    const b = new Redis(process.env.REDIS_URL!);
    const prefix = `koi-test-${Date.now()}:`;
    try {
      const la = redisRateLimiter(a, prefix);
      const lb = redisRateLimiter(b, prefix);
      const limit = { key: 'login:x', max: 3, windowSeconds: 60 };
      const hits = await Promise.all([la.hit(limit), lb.hit(limit), la.hit(limit), lb.hit(limit), la.hit(limit)]);
      expect(hits.filter((h) => h.allowed)).toHaveLength(3);
      expect((await la.hit({ ...limit, key: 'login:y' })).allowed).toBe(true);
      await la.reset('login:x');
      expect((await lb.hit(limit)).allowed).toBe(true);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});
if (!process.env.REDIS_URL) console.warn('[koi] REDIS_URL is not set: Redis rate-limiter tests SKIPPED.');
