/**
 * Pickup codes (到店自提核销码): 8 decimal digits from a cryptographically random integer in
 * [0, 10⁸), so a code says nothing about the order and cannot be guessed from another. Uniqueness
 * among open pickups is the database's partial unique index; a taken code is drawn again.
 */
export const PICKUP_CODE_SPACE = 100_000_000;

export function pickupCodeFrom(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= PICKUP_CODE_SPACE) throw new RangeError('pickup code number out of range');
  return String(n).padStart(8, '0');
}

export function isPickupCode(s: string): boolean {
  return /^\d{8}$/.test(s);
}

/**
 * Whether a staff member may hand over a pickup of `pickupStoreId`: staff bound to a store only
 * their own store's; staff with no store (owner, operator) any.
 */
export function mayVerifyPickup(staffStoreId: string | null, pickupStoreId: string): boolean {
  return staffStoreId === null || staffStoreId === pickupStoreId;
}

/** Wrong codes allowed per staff member per window before verification locks for the window. */
export const WRONG_CODE_LIMIT = { max: 5, windowSeconds: 15 * 60 };
