import type { TMallBlock } from '@koi/contracts';

/** What the rules need of an item: its shelf state, window, stock and limit. */
export type ShelfItem = {
  onShelf: boolean;
  deleted: boolean;
  validFrom: Date | null;
  validUntil: Date | null;
  stock: number;
  pointsPrice: number;
  perCustomerLimit: number;
};

/** On the shelf now: switched on, not removed, and inside its window (from inclusive, until exclusive). */
export function onShelfAt(item: Pick<ShelfItem, 'onShelf' | 'deleted' | 'validFrom' | 'validUntil'>, now: Date): boolean {
  if (!item.onShelf || item.deleted) return false;
  if (item.validFrom && now.getTime() < item.validFrom.getTime()) return false;
  if (item.validUntil && now.getTime() >= item.validUntil.getTime()) return false;
  return true;
}

/**
 * Why this shopper cannot exchange the item now, or null when they can — the first reason in the
 * order a shopper would fix it: the item itself (off the shelf, not yet, over, sold out), then their
 * own limit, then their points. `shopper` is null when signed out. The exchange itself re-checks
 * stock, limit and points with conditional writes: this is for showing, not for deciding a race.
 */
export function blockOf(item: ShelfItem, shopper: { exchanged: number; balance: number } | null, now: Date): TMallBlock | null {
  if (!item.onShelf || item.deleted) return 'off_shelf';
  if (item.validFrom && now.getTime() < item.validFrom.getTime()) return 'not_started';
  if (item.validUntil && now.getTime() >= item.validUntil.getTime()) return 'ended';
  if (item.stock <= 0) return 'sold_out';
  if (!shopper) return 'sign_in';
  if (shopper.exchanged >= item.perCustomerLimit) return 'limit_reached';
  if (shopper.balance < item.pointsPrice) return 'insufficient_points';
  return null;
}

/** How many more of the item the shopper could exchange with their points, stock and limit (for "可兑 N 件"). */
export function affordable(item: ShelfItem, shopper: { exchanged: number; balance: number }): number {
  if (item.pointsPrice <= 0) return 0;
  return Math.max(0, Math.min(item.stock, item.perCustomerLimit - shopper.exchanged, Math.floor(shopper.balance / item.pointsPrice)));
}

/** The mobile as the admin sees it: 138****5678; anything else keeps only its last 4. */
export function maskMobile(phone: string | null): string | null {
  if (!phone) return null;
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****';
}
