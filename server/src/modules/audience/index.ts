import type { Db, Q } from '../../platform/db.ts';
import type { TCustomerProfileFacts } from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { EventBus } from '../../platform/events.ts';
import type { Catalog } from '../catalog/index.ts';
import { recordOrderFacts, type OrderFact } from './facts.ts';
import { subscribeFacts } from './facts-subscriptions.ts';
import { upsertProfileFacts } from './facts-profiles.ts';
import { createTags, type TagDeps } from './tags.ts'; // tags helper
import { createSegments } from './segments.ts';
import { registerSegmentRoutes } from './segment.routes.admin.ts';
import type { CustomerNames } from './segment-preview.ts';

export type { OrderFact } from './facts.ts';
export type { CustomerNames } from './segment-preview.ts';
export { compileSegment, type CompiledSegment } from './segment-sql.ts';
export { segmentCount, segmentMembership, segmentPage } from './segment-query.ts';
export { loadSegmentFacts } from './facts-load.ts';

/**
 * The audience module (issue 7 §4–5): the facts tags and segments read (a copy of the profile facts
 * and every paid order, own and imported), segments as live rules compiled to SQL, their snapshots
 * and exports. Subscribes to `order.paid`, `aftersale.refunded` and the customer events.
 */
export function createAudience(deps: { db: Db; bus: EventBus; catalog: Catalog } & Omit<TagDeps, 'db' | 'bus'>) {
  const { db } = deps;
  subscribeFacts(deps);
  // Tags (tags helper) subscribe after the facts, so the bus updates the facts before it recomputes tags from them.
  const tags = createTags(deps);
  const segments = createSegments(db);
  let names: CustomerNames | null = null;
  return {
    /**
     * Paid orders from any source, batch, idempotent per (source, orderRef) (a repeat updates), then
     * the tags of their customers. `recomputeTags: false` skips the tags: a bulk writer (the import)
     * recomputes them once at the end with `recomputeTagsFor` instead of once per batch.
     */
    recordOrderFacts: async (facts: readonly OrderFact[], q?: Q, opts: { recomputeTags?: boolean } = {}) => {
      await recordOrderFacts(db, facts, q);
      if (opts.recomputeTags !== false) await tags.recomputeTagsFor(facts.map((f) => f.customerId), q); // tags helper: incremental tag recompute
    },
    /** Copies profile facts now (a bulk writer's closing pass, before it recomputes their tags). */
    copyProfileFacts: (profiles: readonly TCustomerProfileFacts[], q?: Q) => db.run((x) => upsertProfileFacts(x, profiles), q),
    /** Tags (tags helper): catalog, manual tagging, recompute. */
    tags,
    /** Recomputes rule and system tags of these customers (after their facts changed); inside `q` when given. */
    recomputeTagsFor: tags.recomputeTagsFor,
    /** The same for a stream of pages of customers (bulk writers, after their last batch): settings and RFM cut points read once. */
    recomputeTagsForPages: (pages: AsyncIterable<readonly string[]>) => tags.recompute.recomputeTagsForPages(pages),
    /** Nightly full tag pass (tags helper). */
    schedule: () => tags.schedule(),
    /** Saved segments (人群): CRUD, counts, snapshots. */
    segments,
    /** Freezes a saved segment's members now; returns the snapshot id (campaigns, coupons to a segment). */
    snapshotSegment: (segmentId: string, q?: Q) => segments.snapshot(segmentId, null, q),
    /** One page of a snapshot's members in id order after `cursor` (null = from the start); `next` null at the end. */
    snapshotMembers: (snapshotId: string, cursor: string | null, limit?: number) => segments.snapshotMembers(snapshotId, cursor, limit),
    /** Where customer names in samples and exports come from (the customer module, bound by the app). */
    useCustomerNames(port: CustomerNames): void { names = port; },
    registerRoutes(app: App): void {
      registerSegmentRoutes(app, { db, segments, names: () => names });
      tags.registerRoutes(app); // tags helper
    },
  };
}
export type AudienceService = ReturnType<typeof createAudience>;
