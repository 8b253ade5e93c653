import { sql } from 'drizzle-orm';
import {
  AfterSaleEvents, CustomerEvents, OrderEvents,
  type TAfterSaleRefundedEvent, type TCustomerErasedEvent, type TCustomerMergedEvent, type TCustomerProfilesChangedEvent, type TOrderPaidEvent,
} from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import { createTagCatalog } from './tag-catalog.ts';
import { createTagAssign } from './tag-assign.ts';
import { createTagRecompute } from './tag-recompute.ts';
import { registerAdminTagRoutes } from './tag.routes.admin.ts';
import { loadSegmentFacts } from './facts-load.ts';
import './tag.errors.ts';

export type TagDeps = { db: Db; bus: EventBus; jobs: Jobs; log: Logger; staffName: (staffId: string) => Promise<string> };

/**
 * Audience tags (issue 7 §4): manual tags in groups, rule tags, system tags (RFM, lifecycle, spend),
 * each customer–tag pair with its reason. Registered through the audience module's index.ts.
 *
 * Incremental recompute: after the segments helper's facts subscribers (registered earlier, so the
 * bus runs them first) on `order.paid`, `aftersale.refunded` and `customer.profiles_changed`, and from
 * `recordOrderFacts` (imports) through `recomputeTagsFor`. Full passes: nightly job and on demand.
 */
export function createTags(deps: TagDeps) {
  const { db, bus, log } = deps;
  const catalog = createTagCatalog(db);
  const assign = createTagAssign(db);
  const recompute = createTagRecompute({
    db, log, jobs: deps.jobs, catalog,
    loadFacts: (ids, rule, now, q) => loadSegmentFacts(db, ids, rule, now, q),
  });

  bus.subscribe(OrderEvents.paid, 'audience.tags-order-paid', (e, q) => recompute.recomputeTagsFor([(e.payload as TOrderPaidEvent).customerId], q));
  bus.subscribe(AfterSaleEvents.refunded, 'audience.tags-refunded', (e, q) => recompute.recomputeTagsFor([(e.payload as TAfterSaleRefundedEvent).customerId], q));
  bus.subscribe(CustomerEvents.profilesChanged, 'audience.tags-profiles-changed', async (e, q) => {
    const p = e.payload as TCustomerProfilesChangedEvent;
    if (p.deferTags) return; // a bulk writer (the import) recomputes these tags once itself
    await recompute.recomputeTagsFor(p.profiles.map((x) => x.customerId), q);
  });
  bus.subscribe(CustomerEvents.merged, 'audience.tags-customer-merged', async (e, q) => {
    const m = e.payload as TCustomerMergedEvent;
    if (m.fromId === m.intoId) return;
    // Manual tags move (when both held one, the earlier setting and its reason win); computed tags are recomputed.
    await q.execute(sql`insert into audience_customer_tags (tag_id, customer_id, set_at, set_by, explanation)
      select ct.tag_id, ${m.intoId}::uuid, ct.set_at, ct.set_by, ct.explanation from audience_customer_tags ct
      join audience_tags t on t.id = ct.tag_id and t.kind = 'manual' where ct.customer_id = ${m.fromId}::uuid
      on conflict (tag_id, customer_id) do update set set_at = excluded.set_at, set_by = excluded.set_by, explanation = excluded.explanation
      where excluded.set_at < audience_customer_tags.set_at`);
    await q.execute(sql`delete from audience_customer_tags where customer_id = ${m.fromId}::uuid`);
    await recompute.recomputeTagsFor([m.intoId], q);
  });
  bus.subscribe(CustomerEvents.erased, 'audience.tags-customer-erased', async (e, q) => {
    // PIPL: tags are profiling about a person; none survive the deletion (staff notes included).
    await q.execute(sql`delete from audience_customer_tags where customer_id = ${(e.payload as TCustomerErasedEvent).customerId}::uuid`);
  });

  return {
    catalog,
    assign,
    recompute,
    /** Recomputes rule and system tags of these customers (after their order facts changed); in `q` when given. */
    recomputeTagsFor: (customerIds: readonly string[], q?: Q) => recompute.recomputeTagsFor(customerIds, q),
    schedule: () => recompute.schedule(),
    registerRoutes(app: App) {
      registerAdminTagRoutes(app, { catalog, assign, recompute, staffName: deps.staffName });
    },
  };
}
export type TagsService = ReturnType<typeof createTags>;
