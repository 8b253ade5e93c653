import { sql } from 'drizzle-orm';
import {
  AfterSaleEvents, CustomerEvents, OrderEvents,
  type TAfterSaleRefundedEvent, type TCustomerErasedEvent, type TCustomerMergedEvent, type TCustomerProfilesChangedEvent, type TOrderPaidEvent,
} from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import { clock } from '../../platform/clock.ts';
import type { Catalog } from '../catalog/index.ts';
import { recomputeOrderAggregates, recordOrderFacts } from './facts.ts';
import { upsertProfileFacts } from './facts-profiles.ts';

/** Koi's own orders in `audience_orders`: `order_ref` is the order id. */
export const KOI_SOURCE = 'koi';

/**
 * The audience module's reactions (issue 7 §4–5). The bus runs each in its own transaction at most
 * once per event, so the refund increment below is applied once.
 */
export function subscribeFacts(deps: { db: Db; bus: EventBus; catalog: Catalog }): void {
  const { db, bus, catalog } = deps;

  bus.subscribe(OrderEvents.paid, 'audience.order-paid', async (event, q) => {
    const o = event.payload as TOrderPaidEvent;
    const skus = await catalog.skuSnapshots([...new Set(o.lines.map((l) => l.skuId))], q);
    const categoryIds = [...new Set([...skus.values()].flatMap((s) => s.categoryIds))];
    await recordOrderFacts(db, [{ source: KOI_SOURCE, orderRef: o.orderId, customerId: o.customerId, paidAt: new Date(o.at), totalFen: o.paidFen, categoryIds }], q);
  });

  bus.subscribe(AfterSaleEvents.refunded, 'audience.aftersale-refunded', async (event, q) => {
    const r = event.payload as TAfterSaleRefundedEvent;
    const rows = await db.rows<{ customer_id: string }>(sql`update audience_orders
      set refunded_fen = least(total_fen, refunded_fen + ${r.amountFen}), updated_at = ${clock.now()}
      where source = ${KOI_SOURCE} and order_ref = ${r.orderId} returning customer_id`, q);
    await recomputeOrderAggregates(q, rows.map((x) => x.customer_id));
  });

  bus.subscribe(CustomerEvents.profilesChanged, 'audience.profiles-changed', async (event, q) => {
    await upsertProfileFacts(q, (event.payload as TCustomerProfilesChangedEvent).profiles);
  });

  bus.subscribe(CustomerEvents.merged, 'audience.customer-merged', async (event, q) => {
    await moveFacts(q, event.payload as TCustomerMergedEvent);
  });

  bus.subscribe(CustomerEvents.erased, 'audience.customer-erased', async (event, q) => {
    const { customerId } = event.payload as TCustomerErasedEvent;
    // The orders stay (financial records under a pseudonymous id); the profile copy goes and the
    // customer leaves every live segment.
    await q.execute(sql`update audience_customers set gender = 'unknown', birthday_month = null, region_code = null,
      source_channel = null, erased_at = ${clock.now()}, updated_at = ${clock.now()} where customer_id = ${customerId}`);
  });
}

/**
 * `fromId` merged into `intoId`: its orders move, the aggregates of `intoId` are recomputed, the
 * profile copy of `intoId` keeps its own values and takes `fromId`'s where it had none (the customer
 * module republishes the merged profile too), and `fromId`'s row goes.
 */
async function moveFacts(q: Q, m: TCustomerMergedEvent): Promise<void> {
  if (m.fromId === m.intoId) return;
  const now = clock.now();
  await q.execute(sql`update audience_orders set customer_id = ${m.intoId}, updated_at = ${now} where customer_id = ${m.fromId}`);
  await q.execute(sql`
    insert into audience_customers (customer_id, gender, birthday_month, region_code, source_channel, first_seen_at, last_seen_at, updated_at)
    select ${m.intoId}, gender, birthday_month, region_code, source_channel, first_seen_at, last_seen_at, ${now}
    from audience_customers where customer_id = ${m.fromId}
    on conflict (customer_id) do update set
      gender = case when audience_customers.gender = 'unknown' then excluded.gender else audience_customers.gender end,
      birthday_month = coalesce(audience_customers.birthday_month, excluded.birthday_month),
      region_code = coalesce(audience_customers.region_code, excluded.region_code),
      source_channel = coalesce(audience_customers.source_channel, excluded.source_channel),
      first_seen_at = least(audience_customers.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(audience_customers.last_seen_at, excluded.last_seen_at),
      updated_at = excluded.updated_at`);
  await q.execute(sql`delete from audience_customers where customer_id = ${m.fromId}`);
  await recomputeOrderAggregates(q, [m.intoId]);
}
