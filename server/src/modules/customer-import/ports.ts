import type { TIdentityClaim } from '@koi/contracts';
import type { Q } from '../../platform/db.ts';

/**
 * What the import needs from other modules, with the signatures agreed between the issue-7 helpers
 * (`koi.customer.resolveCustomers`, `koi.audience.recordOrderFacts`); app.ts passes the services.
 */
export type ResolveItem = {
  identities: TIdentityClaim[];
  profile: { name?: string; gender?: 'male' | 'female' | 'unknown'; birthday?: string | null; regionCode?: string | null; sourceChannel: string; seenAt?: Date };
};
export type ResolveCustomers = (items: ResolveItem[], q?: Q) => Promise<{ customerId: string; created: boolean }[]>;

export type OrderFact = { source: string; orderRef: string; customerId: string; paidAt: Date; totalFen: number; refundedFen?: number; categoryIds?: string[] };
/** `recomputeTags: false`: the facts only; the import recomputes its customers' tags once at the end. */
export type RecordOrderFacts = (facts: OrderFact[], q?: Q, opts?: { recomputeTags?: boolean }) => Promise<void>;
/** Recomputes rule and system tags of each page of customers, in transactions of its own (`koi.audience.recomputeTagsForPages`). */
export type RecomputeTagsFor = (pages: AsyncIterable<readonly string[]>) => Promise<void>;

export type ImportPorts = {
  resolveCustomers: ResolveCustomers; recordOrderFacts: RecordOrderFacts; recomputeTagsFor: RecomputeTagsFor;
  regionChildren: (parent?: string) => { code: string; name: string }[] | null;
};
