import { sql } from 'drizzle-orm';
import type { Koi } from '../app.ts';
import { clock } from '../platform/clock.ts';
import { DEMO_SHOPPERS } from './seed.ts';

/** Profiles the demo shoppers filled in 我的资料 (gender, birthday, region), and how they first came. */
const SHOPPER_PROFILES = [
  { name: '张雅琴', gender: 'female', birthday: '1988-03-12', regionCode: '330106', via: 'wechat' },
  { name: '王浩然', gender: 'male', birthday: '1992-11-02', regionCode: '310104', via: 'phone' },
  { name: '李思琪', gender: 'female', birthday: '1995-06-21', regionCode: '440305', via: 'wechat' },
  { name: '陈默', gender: 'male', birthday: '1979-01-30', regionCode: '110105', via: 'phone' },
  { name: '赵一鸣', gender: 'male', birthday: null, regionCode: '510107', via: 'phone' },
] as const;

const DAY = 86400_000;

/**
 * Customer data platform demo slice: a profile for each demo shopper, a few customers imported from
 * Taobao, JD and Douyin (masked phones as those exports give them), and one duplicate an operator can
 * merge — 李思琪 signed up in the shop, and the same person bought on Taobao as `tb_lisiqi_95` (the
 * export masks her phone, and a masked phone never merges anyone: two customers until staff merge them).
 */
export async function seedCustomers(koi: Pick<Koi, 'identity' | 'customer' | 'db'>): Promise<void> {
  const { profiles } = koi.customer;
  const now = clock.now().getTime();
  for (const [i, s] of DEMO_SHOPPERS.entries()) {
    const p = SHOPPER_PROFILES[i]!;
    const id = await koi.identity.shoppers.ensureByPhone(s.phone, s.nickname);
    const at = new Date(now - (400 - i * 60) * DAY).toISOString();
    await koi.db.tx((q) => profiles.onShopperRegistered(q, { shopperId: id, via: p.via, phone: s.phone, wechatUnionid: null, at }));
    await profiles.shop.update(id, { name: p.name, gender: p.gender, birthday: p.birthday, regionCode: p.regionCode });
    await koi.db.rows(sql`update customer_profiles set first_seen_at = ${new Date(at)}, source_channel = ${p.via === 'wechat' ? 'wechat' : 'shop'} where id = ${id}`);
  }
  const seen = (days: number) => new Date(now - days * DAY);
  await koi.customer.resolveCustomers([
    { identities: [{ kind: 'taobao', value: 'tb_lisiqi_95' }, { kind: 'phone_masked', value: '139****0003' }],
      profile: { name: '李思琪', gender: 'female', regionCode: '440305', sourceChannel: 'taobao', seenAt: seen(620) } },
    { identities: [{ kind: 'taobao', value: 'tb_teaman_hz' }, { kind: 'phone_masked', value: '158****2231' }],
      profile: { name: '周明远', gender: 'male', regionCode: '330102', sourceChannel: 'taobao', seenAt: seen(540) } },
    { identities: [{ kind: 'jd', value: 'jd_wuqingqing' }, { kind: 'phone', value: '18621457788' }],
      profile: { name: '吴青青', gender: 'female', birthday: '1990-09-09', regionCode: '320505', sourceChannel: 'jd', seenAt: seen(300) } },
    { identities: [{ kind: 'douyin', value: 'dy_8812093' }],
      profile: { name: '抖音用户8812', sourceChannel: 'douyin', seenAt: seen(45) } },
    { identities: [{ kind: 'member_card', value: 'HZ-000128' }, { kind: 'phone', value: '13588126645' }],
      profile: { name: '孙茗', gender: 'female', birthday: '1985-12-24', regionCode: '330106', sourceChannel: 'offline', seenAt: seen(800) } },
  ]);
}
