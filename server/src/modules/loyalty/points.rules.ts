/**
 * Points rules: how many points an order earns, when they expire, what a sign-in gives, and how
 * many are taken back when an order is refunded. Pure: `now` and settings come from the caller.
 */

export type PointsExpiry = { mode: 'never' } | { mode: 'rolling'; months: number } | { mode: 'yearly' };
export type ClawbackRule = 'proportional' | 'full_refund_only' | 'none';

export type LoyaltySettings = {
  points: {
    /** Points per ¥1 paid (whole yuan, rounded down), before the level's multiplier. */
    perYuan: number;
    /** Credit an order's points when it is paid, or only once it is completed (确认收货). */
    earnAt: 'paid' | 'completed';
    expiry: PointsExpiry;
    /** Points for the 1st … 7th consecutive day of sign-in; the 8th day starts the table again. */
    signin: number[];
    firstOrder: number;
    clawback: ClawbackRule;
    /** 积分抵扣 at checkout (issue 8); absent in settings saved before it: DEFAULT_REDEEM. */
    redeem?: RedeemRule;
    /** 生日积分, 完善资料, 评价积分 and the expiry reminder's days (points-settings.rules.ts fills them in when absent). */
    birthday?: number;
    profile?: number;
    review?: number;
    reminderDays?: number;
  };
  growth: {
    /** Growth value per ¥1 paid. */
    perYuan: number;
    /** The level is decided by the growth of this many last months (upgrade at once, downgrade at review). */
    windowMonths: number;
  };
};

/** `perYuan` points are worth ¥1; points pay at most `capPercent` % of what is left after discounts. */
export type RedeemRule = { perYuan: number; capPercent: number; includeShipping?: boolean };
/** Like most Chinese malls: 100 points = ¥1, up to half the order. */
export const DEFAULT_REDEEM: RedeemRule = { perYuan: 100, capPercent: 50 };

export const DEFAULT_SETTINGS: LoyaltySettings = {
  points: { perYuan: 1, earnAt: 'completed', expiry: { mode: 'rolling', months: 12 }, signin: [5, 5, 10, 10, 15, 15, 30], firstOrder: 100, clawback: 'proportional' },
  growth: { perYuan: 1, windowMonths: 12 },
};

/** Points for `paidFen`: whole yuan × perYuan × multiplier% (rounded down). */
export function pointsForPaid(paidFen: number, perYuan: number, multiplierPct: number): number {
  if (paidFen <= 0 || perYuan <= 0 || multiplierPct <= 0) return 0;
  return Math.floor((Math.floor(paidFen / 100) * perYuan * multiplierPct) / 100);
}

export function growthForPaid(paidFen: number, perYuan: number): number {
  return paidFen <= 0 || perYuan <= 0 ? 0 : Math.floor(paidFen / 100) * perYuan;
}

const SHANGHAI_MS = 8 * 3600_000;

/** The calendar day in Asia/Shanghai (no DST), `YYYY-MM-DD`. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** Adds `months` calendar months (the day clamped to the month's end), in UTC. */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * When points earned at `earnedAt` expire: never; rolling — N months later; yearly — at the end of
 * the next calendar year in Shanghai (年底清零 of last year's points: earned in 2026, gone after 2027-12-31).
 */
export function expiryFor(expiry: PointsExpiry, earnedAt: Date): Date | null {
  if (expiry.mode === 'never') return null;
  if (expiry.mode === 'rolling') return addMonths(earnedAt, expiry.months);
  const year = Number(shanghaiDay(earnedAt).slice(0, 4));
  return new Date(Date.UTC(year + 2, 0, 1) - SHANGHAI_MS);
}

/** The day before `day` (`YYYY-MM-DD`). */
export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Today's sign-in: the streak continues when the last sign-in was yesterday, otherwise starts at 1.
 * Null when already signed in today.
 */
export function signinReward(table: readonly number[], last: { day: string; streak: number } | null, today: string): { streak: number; points: number } | null {
  if (last?.day === today) return null;
  const streak = last && last.day === previousDay(today) ? last.streak + 1 : 1;
  const points = table.length ? table[(streak - 1) % table.length]! : 0;
  return { streak, points };
}

/**
 * How many of an order's earned points should have been taken back once `refundedFen` of `paidFen`
 * is refunded: all of them on a full refund; in proportion (rounded down) under `proportional`;
 * only on a full refund under `full_refund_only`; never under `none`. The caller subtracts what it
 * already took back, so partial refunds add up to the same as one refund of their sum.
 */
export function clawbackTarget(rule: ClawbackRule, earned: number, paidFen: number, refundedFen: number, fully: boolean): number {
  if (rule === 'none' || earned <= 0) return 0;
  if (fully || refundedFen >= paidFen) return earned;
  if (rule === 'full_refund_only' || paidFen <= 0) return 0;
  return Math.floor((earned * Math.max(0, refundedFen)) / paidFen);
}
