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
/** `deferTags`: the profile events are marked so the audience does not recompute tags per batch (the closing pass does, once). */
export type ResolveCustomers = (items: ResolveItem[], q?: Q, opts?: { deferTags?: boolean }) => Promise<{ customerId: string; created: boolean }[]>;

export type OrderFact = { source: string; orderRef: string; customerId: string; paidAt: Date; totalFen: number; refundedFen?: number; categoryIds?: string[] };
/** `recomputeTags: false`: the facts only; the import recomputes its customers' tags once at the end. */
export type RecordOrderFacts = (facts: OrderFact[], q?: Q, opts?: { recomputeTags?: boolean }) => Promise<void>;
/** Recomputes rule and system tags of each page of customers, in transactions of its own (`koi.audience.recomputeTagsForPages`). */
export type RecomputeTagsFor = (pages: AsyncIterable<readonly string[]>) => Promise<void>;
/**
 * Copies these customers' current profile facts to the audience now (the closing pass, before each
 * page's tags): the batches' deferred `customer.profiles_changed` may still be in the outbox, and
 * their handler no longer recomputes tags, so the pass must not read an older copy.
 */
export type RefreshProfileFacts = (customerIds: readonly string[]) => Promise<void>;

export type ImportPorts = {
  resolveCustomers: ResolveCustomers; recordOrderFacts: RecordOrderFacts; recomputeTagsFor: RecomputeTagsFor; refreshProfileFacts: RefreshProfileFacts;
  regionChildren: (parent?: string) => { code: string; name: string }[] | null;
};
