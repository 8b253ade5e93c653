import { randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TCodeBatch, TCodeBatchList, TWalletCoupon } from '@koi/contracts';
import { ZCodeBatchInput } from '@koi/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import type { KindRegistry } from '../pricing/index.ts';
import { promotionCouponCodeBatches, promotionCouponCodes } from './coupon-issue.tables.ts';
import { walletCoupon } from './coupon-wallet.ts';
import type { CouponIssuer } from './coupon-issue.ts';
import { formatCode, generatedCode, normalizeCode, validSharedCode, worthLookingUp } from './coupon-codes.rules.ts';
import { issueKey } from './coupon-issue.rules.ts';

type BatchInput = z.output<typeof ZCodeBatchInput>;
type BatchRow = typeof promotionCouponCodeBatches.$inferSelect;
const CHUNK = 1000;

function newCode(): string {
  for (;;) {
    const c = generatedCode(randomBytes(32));
    if (c) return c;
  }
}

/** 兑换码: batches of unique codes (downloaded as .xlsx) or one shared code, and the shop's redemption. */
export function createCouponCodes(db: Db, registry: KindRegistry, issuer: CouponIssuer) {
  async function redeemedOf(b: BatchRow): Promise<number> {
    const [r] = await db.rows<{ n: string | number }>(sql`select coalesce(sum(redeemed), 0) as n from promotion_coupon_codes where batch_id = ${b.id}`);
    return Number(r?.n ?? 0);
  }
  const present = async (b: BatchRow): Promise<TCodeBatch> => ({
    id: b.id, templateId: b.templateId, type: b.type, count: b.count, redeemed: await redeemedOf(b), sharedCode: b.sharedCode, createdAt: b.createdAt.toISOString(),
  });

  return {
    /** Unique codes never outnumber what the template has left to issue; a shared code's limit may (redemption stops at the total). */
    async createBatch(input: BatchInput, staffId: string | null): Promise<TCodeBatch> {
      const t = await issuer.template(input.templateId);
      if (!t) throw new KoiError('resource.not_found', { what: 'coupon_template' });
      if (t.status === 'ended') throw new KoiError('promotion.not_editable');
      const id = newId();
      const now = clock.now();
      if (input.type === 'shared') {
        const code = input.code ?? `${newCode().slice(0, 8)}`;
        if (!validSharedCode(code)) throw new KoiError('promotion.code_shape', {}, { fieldErrors: [{ path: 'body.code', message: 'shape' }] });
        return db.tx(async (q) => {
          const taken = await db.rows(sql`insert into promotion_coupon_codes (code, batch_id, template_id, max_redemptions, redeemed)
            values (${code}, ${id}, ${t.id}, ${input.limit}, 0) on conflict (code) do nothing returning code`, q);
          if (!taken.length) throw new KoiError('promotion.code_taken', { code });
          const [b] = await q.insert(promotionCouponCodeBatches).values({ id, templateId: t.id, type: 'shared', count: input.limit, sharedCode: code, createdBy: staffId, createdAt: now }).returning();
          return { ...(await present(b!)), redeemed: 0 };
        });
      }
      const [outstanding] = await db.rows<{ n: string | number }>(sql`select coalesce(sum(max_redemptions - redeemed), 0) as n from promotion_coupon_codes c
        join promotion_coupon_code_batches b on b.id = c.batch_id where c.template_id = ${t.id} and b.type = 'unique'`);
      const left = t.totalQuantity === null ? Infinity : t.totalQuantity - t.issuedCount - Number(outstanding?.n ?? 0);
      if (input.count > left) throw new KoiError('promotion.codes_exceed_quantity', { left: Math.max(0, left) });
      return db.tx(async (q) => {
        const [b] = await q.insert(promotionCouponCodeBatches).values({ id, templateId: t.id, type: 'unique', count: input.count, sharedCode: null, createdBy: staffId, createdAt: now }).returning();
        let made = 0;
        while (made < input.count) {
          const codes = Array.from({ length: Math.min(CHUNK, input.count - made) }, newCode);
          const rows = await q.insert(promotionCouponCodes).values(codes.map((code) => ({ code, batchId: id, templateId: t.id, maxRedemptions: 1, redeemed: 0 })))
            .onConflictDoNothing().returning({ code: promotionCouponCodes.code });
          made += rows.length;
        }
        return { ...(await present(b!)), redeemed: 0 };
      });
    },

    async batches(templateId: string): Promise<TCodeBatchList> {
      const rows = await db.run((q) => q.select().from(promotionCouponCodeBatches).where(eq(promotionCouponCodeBatches.templateId, templateId)).orderBy(desc(promotionCouponCodeBatches.createdAt)));
      return { items: await Promise.all(rows.map(present)) };
    },

    /** The batch's codes with their state, for printing or sending (one sheet, codes as text). */
    async exportBatch(batchId: string): Promise<{ name: string; body: Buffer }> {
      const [b] = await db.run((q) => q.select().from(promotionCouponCodeBatches).where(sql`${promotionCouponCodeBatches.id}::text = ${batchId}`));
      if (!b) throw new KoiError('resource.not_found', { what: 'code_batch' });
      const t = await issuer.template(b.templateId);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('兑换码');
      ws.columns = [{ header: '兑换码', width: 20 }, { header: '优惠券', width: 28 }, { header: '可兑换次数', width: 12 }, { header: '已兑换', width: 10 }];
      ws.getColumn(1).numFmt = '@';
      let after = '';
      for (;;) {
        const rows = await db.rows<{ code: string; max_redemptions: number; redeemed: number }>(sql`select code, max_redemptions, redeemed from promotion_coupon_codes
          where batch_id = ${b.id} and code > ${after} order by code limit 5000`);
        for (const r of rows) ws.addRow([formatCode(r.code), t?.name ?? '', Number(r.max_redemptions), Number(r.redeemed)]);
        if (rows.length < 5000) break;
        after = rows.at(-1)!.code;
      }
      return { name: `兑换码-${t?.name ?? b.templateId}-${b.createdAt.toISOString().slice(0, 10)}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
    },

    /**
     * A shopper redeems a code. One transaction: the shopper's redemption row (once per code), the
     * code's count (conditional: below its maximum), then the issuance with both template limits.
     * Any refusal rolls all of it back.
     */
    async redeem(customerId: string, typed: string): Promise<TWalletCoupon> {
      const code = normalizeCode(typed);
      if (!worthLookingUp(code)) throw new KoiError('promotion.code_invalid');
      const now = clock.now();
      return db.tx(async (q) => {
        const [row] = await db.rows<{ template_id: string }>(sql`select template_id from promotion_coupon_codes where code = ${code}`, q);
        if (!row) throw new KoiError('promotion.code_invalid');
        const mine = await db.rows(sql`insert into promotion_coupon_code_redemptions (code, customer_id, coupon_id, created_at)
          values (${code}, ${customerId}, ${newId()}, ${now}) on conflict do nothing returning code`, q);
        if (!mine.length) throw new KoiError('promotion.code_already_redeemed');
        const counted = await db.rows(sql`update promotion_coupon_codes set redeemed = redeemed + 1 where code = ${code} and redeemed < max_redemptions returning redeemed`, q);
        if (!counted.length) throw new KoiError('promotion.code_used_up');
        const t = await issuer.template(row.template_id, q);
        if (!t) throw new KoiError('promotion.code_invalid');
        const out = await issuer.issueOne(q, t, customerId, issueKey({ kind: 'code', code, customerId }), now);
        if (!out.ok) {
          if (out.reason === 'limit_reached') throw new KoiError('promotion.claim_limit_reached', { limit: t.perCustomerLimit });
          if (out.reason === 'sold_out') throw new KoiError('promotion.coupon_sold_out');
          throw new KoiError('promotion.code_expired');
        }
        await db.rows(sql`update promotion_coupon_code_redemptions set coupon_id = ${out.coupon.id} where code = ${code} and customer_id = ${customerId}`, q);
        return walletCoupon(registry, out.coupon, now);
      });
    },
  };
}
export type CouponCodes = ReturnType<typeof createCouponCodes>;
