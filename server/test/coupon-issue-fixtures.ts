import { sql } from 'drizzle-orm';
import type { TCouponTemplateInput } from '@koi/contracts';
import { newId } from '../src/platform/ids.ts';
import { clock } from '../src/platform/clock.ts';
import { ZCouponTemplateInput } from '@koi/contracts';
import { staffToken, type TestKoi } from './harness.ts';

/** The owner of an unseeded Koi, signed in. */
export async function ownerOf(koi: TestKoi): Promise<string> {
  await koi.identity.staff.create(null, { email: 'owner@koi.test', name: '店主', password: 'koi-test-2026', role: 'owner', storeId: null });
  return staffToken(koi, 'owner@koi.test', 'koi-test-2026');
}

/** An active 满减券 template (overrides as given), through the same service the admin route calls. */
export async function template(koi: TestKoi, over: Partial<TCouponTemplateInput> = {}) {
  return koi.promotion.templates.create(ZCouponTemplateInput.parse({
    kind: 'amount_off', name: '满 ¥100 减 ¥10', args: { thresholdFen: 10000, amountFen: 1000 }, validity: { type: 'relative', days: 30 },
    perCustomerLimit: 1, totalQuantity: 100, claimable: true, status: 'active', ...over,
  }));
}

/**
 * `n` shopper accounts with phone logins (1380000xxxx…), inserted in bulk: the same rows sign-up
 * writes, without n OTP round trips. Returns ids and phones in order.
 */
export async function bulkShoppers(koi: TestKoi, n: number, prefix = '138'): Promise<{ id: string; phone: string }[]> {
  const now = clock.now();
  const out = Array.from({ length: n }, (_, i) => ({ id: newId(), phone: `${prefix}${String(i).padStart(11 - prefix.length, '0')}` }));
  for (let i = 0; i < n; i += 500) {
    const part = out.slice(i, i + 500);
    await koi.db.rows(sql`insert into shopper_accounts (id, nickname, created_at)
      select x.id, '顾客', ${now} from unnest(${sql.param(part.map((p) => p.id))}::uuid[]) as x(id)`);
    await koi.db.rows(sql`insert into shopper_logins (id, shopper_id, kind, value, created_at)
      select gen_random_uuid(), x.id, 'phone', x.phone, ${now}
      from unnest(${sql.param(part.map((p) => p.id))}::uuid[], ${sql.param(part.map((p) => p.phone))}::text[]) as x(id, phone)`);
  }
  return out;
}

export async function walletCount(koi: TestKoi, customerId: string, templateId?: string): Promise<number> {
  const [r] = await koi.db.rows<{ n: string | number }>(sql`select count(*) as n from promotion_coupons where customer_id = ${customerId}
    and (${templateId ?? null}::uuid is null or template_id = ${templateId ?? null}::uuid)`);
  return Number(r!.n);
}
