import { eq } from 'drizzle-orm';
import type { TAfterSaleSettings } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { afterSaleSettings } from './aftersale.tables.ts';

/** Until the merchant saves their own: 48 hours to answer, 7 days after receipt, no coupon back. */
export const DEFAULT_SETTINGS: TAfterSaleSettings = {
  autoApproveHours: 48,
  requestWindowDays: 7,
  returnAddress: null,
  couponReturn: 'full_refund_before_shipping',
  restockByDefault: true,
};

export function createSettings(db: Db) {
  return {
    async get(q?: Q): Promise<TAfterSaleSettings> {
      const [row] = await db.run((x) => x.select().from(afterSaleSettings).where(eq(afterSaleSettings.key, 'default')), q);
      return { ...DEFAULT_SETTINGS, ...(row?.value ?? {}) };
    },
    async put(value: TAfterSaleSettings): Promise<TAfterSaleSettings> {
      const now = clock.now();
      await db.run((x) => x.insert(afterSaleSettings).values({ key: 'default', value, updatedAt: now })
        .onConflictDoUpdate({ target: afterSaleSettings.key, set: { value, updatedAt: now } }));
      return value;
    },
  };
}
export type AfterSaleSettingsStore = ReturnType<typeof createSettings>;
