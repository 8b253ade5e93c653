import { CURRENT_PRIVACY_POLICY_VERSION } from '@koi/contracts';
import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';
import { DEMO_SHOPPERS } from './seed.ts';

/** A shopper who left: their deletion request ran, so 注销申请 shows one completed request and its audit trail. */
export const DEPARTED_SHOPPER = { phone: '13916880099', nickname: '周小舟' } as const;

/**
 * PIPL demo slice: each demo shopper's consent as captured at sign-up (policy version, marketing per
 * channel, the mini-program or H5), one later withdrawal, and one completed account deletion.
 */
export async function seedPrivacy(koi: Pick<Koi, 'identity' | 'customer' | 'db' | 'bus'>): Promise<void> {
  const { privacy } = koi.customer;
  const choices = [
    { sms: true, wechat: true, via: 'mp' },
    { sms: true, wechat: false, via: 'h5' },
    { sms: false, wechat: true, via: 'mp' },
    { sms: false, wechat: false, via: 'h5' },
    { sms: true, wechat: false, via: 'mp' },
  ] as const;
  for (const [i, s] of DEMO_SHOPPERS.entries()) {
    const id = await koi.identity.shoppers.ensureByPhone(s.phone, s.nickname);
    const c = choices[i % choices.length]!;
    await koi.db.tx((q) => privacy.consents.captureSignup(q, id, { policyVersion: CURRENT_PRIVACY_POLICY_VERSION, marketing: { sms: c.sms, wechat: c.wechat }, capturedVia: c.via },
      { ip: `183.129.${20 + i}.${40 + i}`, userAgent: c.via === 'mp' ? 'Mozilla/5.0 (iPhone) MicroMessenger/8.0.50 miniProgram' : 'Mozilla/5.0 (Linux; Android 14) Chrome/126 Mobile' }));
  }
  // 张雅琴 later turned WeChat marketing off in 我的 → 隐私与数据.
  const first = await koi.identity.shoppers.ensureByPhone(DEMO_SHOPPERS[0].phone, DEMO_SHOPPERS[0].nickname);
  await privacy.consents.change(first, 'marketing_wechat', false, { capturedVia: 'mp', ip: '183.129.20.40' });

  // 周小舟 asked to delete their account nine days ago; the cooling-off is over and the job ran.
  const departed = await koi.identity.shoppers.ensureByPhone(DEPARTED_SHOPPER.phone, DEPARTED_SHOPPER.nickname);
  await koi.db.tx((q) => privacy.consents.captureSignup(q, departed, { policyVersion: CURRENT_PRIVACY_POLICY_VERSION, marketing: { sms: true }, capturedVia: 'h5' }, { ip: '115.236.8.9', userAgent: null }));
  // Deliver the sign-up's events first (profile, timeline), so nothing recreates what the erasure removes.
  while ((await koi.bus.dispatchOnce()) > 0);
  const requested = await privacy.requests.request(departed, { confirm: '确认注销', reason: '换了手机号，不再使用' }, new Date(clock.now().getTime() - 9 * 86_400_000));
  await privacy.eraseRequest(requested.id);
}
