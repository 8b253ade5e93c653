/**
 * The loyalty ledgers (points and stored value) as pure rules: which accounts exist, what a valid
 * journal entry is, how a spend is split and which points lots it takes. No I/O; the service applies
 * what these decide with conditional updates (see ledger.ts).
 *
 * Sign convention: a posting's amount raises the account's balance when positive. Every entry's
 * postings sum to zero, so points or fen are never created or lost — they move from a merchant
 * counter-account (issued, recharge received …) to a customer account and back.
 */

/** Accounts each customer has; their balances are cached on a row and never below zero. */
export const CUSTOMER_ACCOUNTS = ['points', 'points_held', 'wallet_principal', 'wallet_bonus', 'wallet_held_principal', 'wallet_held_bonus'] as const;
export type CustomerAccount = (typeof CUSTOMER_ACCOUNTS)[number];

/**
 * The merchant's counter-accounts. Their balances are the sum of their postings, computed when
 * asked, not cached: a cached row would be one hot row every customer's entry locks.
 */
export const MERCHANT_ACCOUNTS = [
  'points_issued', 'points_expired', 'points_redeemed', 'points_reclaimed', 'points_adjusted',
  'recharge_received', 'bonus_granted', 'wallet_spent', 'wallet_refunded',
  /** Transit accounts of a customer merge: out of the merged-away customer, into the one kept; they net to zero. */
  'points_transferred', 'wallet_transferred',
] as const;
export type MerchantAccount = (typeof MERCHANT_ACCOUNTS)[number];
export type Account = CustomerAccount | MerchantAccount;

export type Posting = { account: Account; amount: number };
export type EntryPlan = { key: string; kind: string; customerId: string; postings: Posting[]; memo: string; ref?: string | null };

export function isCustomerAccount(a: Account): a is CustomerAccount {
  return (CUSTOMER_ACCOUNTS as readonly string[]).includes(a);
}

/** Why an entry is not a valid journal entry, or null when it is. */
export function entryProblem(postings: readonly Posting[]): string | null {
  if (postings.length < 2) return 'fewer than two postings';
  if (postings.some((p) => !Number.isSafeInteger(p.amount) || p.amount === 0)) return 'a posting is zero or not a safe integer';
  const sum = postings.reduce((s, p) => s + p.amount, 0);
  if (sum !== 0) return `postings sum to ${sum}`;
  const seen = new Set<string>();
  for (const p of postings) {
    if (seen.has(p.account)) return `account ${p.account} posted twice`;
    seen.add(p.account);
  }
  return null;
}

/** Customer balances after `postings`, or the first account that would go below zero. */
export function applyPostings(balances: Readonly<Record<CustomerAccount, number>>, postings: readonly Posting[]):
  { ok: true; balances: Record<CustomerAccount, number> } | { ok: false; account: CustomerAccount } {
  const next = { ...balances };
  for (const p of postings) {
    if (!isCustomerAccount(p.account)) continue;
    next[p.account] += p.amount;
    if (next[p.account] < 0) return { ok: false, account: p.account };
  }
  return { ok: true, balances: next };
}

export const zeroBalances = (): Record<CustomerAccount, number> =>
  Object.fromEntries(CUSTOMER_ACCOUNTS.map((a) => [a, 0])) as Record<CustomerAccount, number>;

/**
 * How a stored-value spend is split between principal (本金, money the shopper paid) and bonus
 * (赠送金, what the merchant gave): **in proportion to the balances at the moment**, bonus rounded
 * down. So a shopper cannot spend the bonus first and then ask for the principal back, and a refund
 * of the order gives each part back in the same proportion. Null when the total is short.
 */
export function splitWalletSpend(principal: number, bonus: number, amount: number): { principal: number; bonus: number } | null {
  if (!Number.isSafeInteger(amount) || amount <= 0 || principal < 0 || bonus < 0) return null;
  const total = principal + bonus;
  if (amount > total) return null;
  let b = Math.floor((amount * bonus) / total);
  let p = amount - b;
  if (p > principal) { b += p - principal; p = principal; }
  return { principal: p, bonus: b };
}

/** How much of each part a refund of `amount` gives back, given what the spend took and what was refunded already. */
export function splitWalletRefund(taken: { principal: number; bonus: number }, refunded: { principal: number; bonus: number }, amount: number):
  { principal: number; bonus: number } | null {
  const leftP = taken.principal - refunded.principal;
  const leftB = taken.bonus - refunded.bonus;
  if (amount <= 0 || amount > leftP + leftB) return null;
  // Principal first back: the shopper's own money is never left behind as bonus.
  const p = Math.max(amount - leftB, Math.min(leftP, Math.ceil((amount * taken.principal) / (taken.principal + taken.bonus))));
  return { principal: p, bonus: amount - p };
}

export type Lot = { id: string; remaining: number; expiresAt: Date | null; earnedAt: Date };

/** Which lots a spend of `amount` points takes: soonest to expire first (never-expiring last), then oldest. */
export function takeFromLots(lots: readonly Lot[], amount: number): { id: string; n: number }[] | null {
  const sorted = [...lots].filter((l) => l.remaining > 0).sort((a, b) => {
    const ea = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
    const eb = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
    return ea !== eb ? ea - eb : a.earnedAt.getTime() - b.earnedAt.getTime() || (a.id < b.id ? -1 : 1);
  });
  const taken: { id: string; n: number }[] = [];
  let left = amount;
  for (const l of sorted) {
    if (left === 0) break;
    const n = Math.min(l.remaining, left);
    taken.push({ id: l.id, n });
    left -= n;
  }
  return left === 0 ? taken : null;
}
