import { z } from 'zod';
import { ZFen } from '../platform/money.ts';
import { ZPayChannel, ZPayAction } from '../payment/payment.ts';

/** Loyalty (issue 8): points and stored-value ledgers, sign-in, membership levels, recharge packages. */

export const ZPointsExpiry = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('never') }),
  z.strictObject({ mode: z.literal('rolling'), months: z.number().int().min(1).max(120) }),
  z.strictObject({ mode: z.literal('yearly') }),
]);

export const ZLoyaltySettings = z.strictObject({
  points: z.strictObject({
    perYuan: z.number().int().min(0).max(100),
    earnAt: z.enum(['paid', 'completed']),
    expiry: ZPointsExpiry,
    signin: z.array(z.number().int().min(0).max(10_000)).min(1).max(7),
    firstOrder: z.number().int().min(0).max(1_000_000),
    clawback: z.enum(['proportional', 'full_refund_only', 'none']),
    /** 积分抵扣 at checkout: `perYuan` points are worth ¥1, and points pay at most `capPercent` % of the order. Omitted: 100 points = ¥1, up to 50 %. */
    redeem: z.strictObject({
      perYuan: z.number().int().min(1).max(100_000),
      capPercent: z.number().int().min(0).max(100),
      /** Whether points may pay the shipping fee too (counted in the cap's base). Omitted: no. */
      includeShipping: z.boolean().optional(),
    }).optional(),
    /** 生日积分 once a year on the birthday (Asia/Shanghai); 0 = off. Omitted: the default. */
    birthday: z.number().int().min(0).max(1_000_000).optional(),
    /** 完善资料: once, when gender, birthday and region are all filled in; 0 = off. */
    profile: z.number().int().min(0).max(1_000_000).optional(),
    /** 评价积分 per review of an order line; 0 = off. */
    review: z.number().int().min(0).max(1_000_000).optional(),
    /** Days before points expire that the shopper is reminded (once per expiry day); 0 = no reminder. */
    reminderDays: z.number().int().min(0).max(90).optional(),
  }),
  growth: z.strictObject({
    perYuan: z.number().int().min(0).max(100),
    windowMonths: z.number().int().min(1).max(60),
  }),
});
export type TLoyaltySettings = z.infer<typeof ZLoyaltySettings>;

export const ZLevelBenefits = z.strictObject({
  discountPercent: z.number().int().min(0).max(50),
  freeShipping: z.boolean(),
  pointsMultiplierPct: z.number().int().min(100).max(1000),
  birthdayGift: z.string().trim().max(100),
});
export type TLevelBenefits = z.infer<typeof ZLevelBenefits>;

export const ZLevelInput = z.strictObject({
  name: z.string().trim().min(1).max(20),
  threshold: z.number().int().min(0).max(100_000_000),
  benefits: ZLevelBenefits,
});
export type TLevelInput = z.infer<typeof ZLevelInput>;
export const ZLevel = ZLevelInput.extend({ id: z.string(), members: z.number().int() });
export type TLevel = z.infer<typeof ZLevel>;
export const ZLevelList = z.object({ items: z.array(ZLevel) });

export const ZRechargePackageInput = z.strictObject({
  name: z.string().trim().min(1).max(30),
  amountFen: ZFen.min(100).max(10_000_000),
  bonusFen: ZFen.min(0).max(10_000_000),
  active: z.boolean(),
  sort: z.number().int().min(0).max(10_000).default(0),
});
export type TRechargePackageInput = z.input<typeof ZRechargePackageInput>;
export const ZRechargePackage = ZRechargePackageInput.extend({ id: z.string(), sort: z.number().int() });
export type TRechargePackage = z.infer<typeof ZRechargePackage>;
export const ZRechargePackageList = z.object({ items: z.array(ZRechargePackage) });

/** One line of a customer's history (one journal entry as it touched the asked account set). */
export const ZLedgerLine = z.object({
  entryId: z.string(),
  kind: z.string(),
  memo: z.string(),
  /** Points, or fen for stored value. */
  amount: z.number().int(),
  /** Stored value only: the principal and bonus parts. */
  principal: z.number().int().optional(),
  bonus: z.number().int().optional(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type TLedgerLine = z.infer<typeof ZLedgerLine>;
export const ZLedgerQuery = z.object({ before: z.string().uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });
export const ZLedgerPage = z.object({ items: z.array(ZLedgerLine), nextBefore: z.string().nullable() });
export type TLedgerPage = z.infer<typeof ZLedgerPage>;

export const ZSignin = z.object({
  signedToday: z.boolean(),
  streak: z.number().int(),
  /** The points of days 1…7. */
  table: z.array(z.number().int()),
  /** The points today's (or tomorrow's, when signed) sign-in gives. */
  nextPoints: z.number().int(),
});
export const ZSigninResult = z.object({ points: z.number().int(), streak: z.number().int(), balance: z.number().int() });
export type TSigninResult = z.infer<typeof ZSigninResult>;

export const ZMemberLevel = z.object({ id: z.string(), name: z.string(), threshold: z.number().int(), benefits: ZLevelBenefits });
export const ZMemberSummary = z.object({
  customerId: z.string(),
  level: ZMemberLevel.nullable(),
  nextLevel: ZMemberLevel.nullable(),
  /** Growth of the level window (decides the level); lifetime growth beside it. */
  windowGrowth: z.number().int(),
  growth: z.number().int(),
  neededForNext: z.number().int(),
  progressPercent: z.number().int(),
  levels: z.array(ZMemberLevel),
  points: z.object({ balance: z.number().int(), held: z.number().int(), expiringSoon: z.number().int(), expiringAt: z.string().nullable() }),
  wallet: z.object({ totalFen: ZFen, principalFen: ZFen, bonusFen: ZFen, heldFen: ZFen }),
  signin: ZSignin,
});
export type TMemberSummary = z.infer<typeof ZMemberSummary>;

export const ZStartRecharge = z.strictObject({
  packageId: z.string().uuid(),
  channel: ZPayChannel,
  returnPath: z.string().max(300).regex(/^\/[^/\\]/, 'a path on this site').optional(),
});
export const ZRecharge = z.object({
  id: z.string(),
  rechargeNo: z.string(),
  amountFen: ZFen,
  bonusFen: ZFen,
  status: z.enum(['pending', 'paid']),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TRecharge = z.infer<typeof ZRecharge>;
export const ZStartRechargeResult = z.object({ recharge: ZRecharge, action: ZPayAction });
export type TStartRechargeResult = z.infer<typeof ZStartRechargeResult>;

export const ZMemberQuery = z.object({
  customerId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZMemberRow = z.object({
  customerId: z.string(),
  levelName: z.string().nullable(),
  growth: z.number().int(),
  points: z.number().int(),
  walletFen: ZFen,
  updatedAt: z.string(),
});
export const ZMemberPage = z.object({ items: z.array(ZMemberRow), total: z.number().int() });
export type TMemberRow = z.infer<typeof ZMemberRow>;
export type TMemberPage = z.infer<typeof ZMemberPage>;

export const ZCustomerLedger = z.object({
  customerId: z.string(),
  balances: z.record(z.string(), z.number().int()),
  levelName: z.string().nullable(),
  growth: z.number().int(),
  points: z.array(ZLedgerLine),
  wallet: z.array(ZLedgerLine),
});
export type TCustomerLedger = z.infer<typeof ZCustomerLedger>;

export const ZPointsAdjust = z.strictObject({
  delta: z.number().int().min(-1_000_000).max(1_000_000).refine((n) => n !== 0, 'not zero'),
  reason: z.string().trim().min(2).max(200),
});
export type TPointsAdjust = z.infer<typeof ZPointsAdjust>;

export const ZLedgerCheck = z.object({
  ok: z.boolean(),
  ranAt: z.string(),
  drift: z.array(z.object({ kind: z.string(), subject: z.string(), detail: z.string() })),
});
export type TLedgerCheck = z.infer<typeof ZLedgerCheck>;

/** One way to earn points, as the shop lists it (只读, from the merchant's rules). */
export const ZEarnWay = z.object({
  kind: z.enum(['order', 'signin', 'first_order', 'birthday', 'profile', 'review']),
  /** Points (for `order`: per ¥1 paid; for `signin`: the table's most). The shop words it in its own language. */
  points: z.number().int(),
});
export type TEarnWay = z.infer<typeof ZEarnWay>;
/** GET /api/shop/loyalty/earn-ways — the ways to earn, and the next expiry of the shopper's points. */
export const ZEarnWays = z.object({
  items: z.array(ZEarnWay),
  /** The points that expire on the soonest expiry day, and that day (YYYY-MM-DD, Asia/Shanghai); null when none expire. */
  nextExpiry: z.object({ points: z.number().int(), on: z.string() }).nullable(),
});
export type TEarnWays = z.infer<typeof ZEarnWays>;

/** Events the loyalty module publishes through the outbox (besides `LoyaltyEvents` in the server). */
export const PointsEvents = {
  /** Points will expire soon: one per customer and expiry day (the messaging link sends the reminder). */
  expiring: 'loyalty.points_expiring',
} as const;
export type TPointsExpiringEvent = { customerId: string; points: number; firstDay: string; lastDay: string; at: string };
