/**
 * What issuance needs from other modules, bound late by `server/src/links/coupon-issuance.ts`
 * (so this module imports none of them): who the listed customers are, a segment's members
 * (the audience module, when it exists), and whose birthday it is (the customer profiles).
 */
export type IssuancePorts = {
  customers: {
    /** Mobile numbers → shopper ids (numbers without an account are absent). */
    byPhones(phones: string[]): Promise<Map<string, string>>;
    /** The ids among these that are shoppers. */
    existing(ids: string[]): Promise<Set<string>>;
  };
  audience?: {
    snapshotSegment(segmentId: string): Promise<{ snapshotId: string }>;
    snapshotMembers(snapshotId: string, cursor: string | null): Promise<{ customerIds: string[]; nextCursor: string | null }>;
  };
  /** Customer ids whose birthday is on `monthDay` ('MM-DD'), after `after` in id order, at most `limit`. */
  birthdaysOn?(monthDay: string, after: string | null, limit: number): Promise<string[]>;
};

/** Before the link binds the ports: a loud failure, never an empty answer. */
export const UNBOUND_CUSTOMERS: IssuancePorts['customers'] = {
  byPhones: async () => { throw new Error('coupon issuance: customer look-up not bound (links/coupon-issuance.ts)'); },
  existing: async () => { throw new Error('coupon issuance: customer look-up not bound (links/coupon-issuance.ts)'); },
};
