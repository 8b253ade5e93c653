import { asc, eq } from 'drizzle-orm';
import type { TDataExport } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { behaviourEvents } from './behaviour.tables.ts';
import { customerAddresses } from './address.tables.ts';
import { customerIdentities, customerProfiles } from './profile.tables.ts';
import type { ConsentStore } from './consents.ts';
import type { DeletionRequests } from './deletion-requests.ts';

/** Another module's part of the download: what it holds on the customer, read through its own service. */
export type CustomerDataSource = { section: string; read(customerId: string): Promise<unknown> };

/** Behaviour rows in one download; older ones beyond this are summarised by their count. */
export const EXPORT_EVENTS_MAX = 20_000;

/** Everything Koi holds on one customer (PIPL 第四十五条 copy right), one section per module. */
export function dataExporter(db: Db, deps: { consents: ConsentStore; requests: DeletionRequests; sources: () => readonly CustomerDataSource[] }) {
  return async function exportData(customerId: string): Promise<TDataExport> {
    const [profile, identities, addresses, events] = await Promise.all([
      db.run((q) => q.select().from(customerProfiles).where(eq(customerProfiles.id, customerId))),
      db.run((q) => q.select({ kind: customerIdentities.kind, value: customerIdentities.value, createdAt: customerIdentities.createdAt }).from(customerIdentities).where(eq(customerIdentities.customerId, customerId))),
      db.run((q) => q.select().from(customerAddresses).where(eq(customerAddresses.customerId, customerId))),
      db.run((q) => q.select({ type: behaviourEvents.type, props: behaviourEvents.props, occurredAt: behaviourEvents.occurredAt, source: behaviourEvents.source })
        .from(behaviourEvents).where(eq(behaviourEvents.customerKey, customerId)).orderBy(asc(behaviourEvents.occurredAt)).limit(EXPORT_EVENTS_MAX + 1)),
    ]);
    const sections: Record<string, unknown> = {
      profile: profile[0] ?? null,
      identities,
      addresses: addresses.map(({ customerId: _c, ...a }) => a),
      consents: await deps.consents.history(customerId),
      deletionRequests: await deps.requests.all(customerId),
      behaviourEvents: { truncated: events.length > EXPORT_EVENTS_MAX, items: events.slice(0, EXPORT_EVENTS_MAX) },
    };
    for (const s of deps.sources()) sections[s.section] = await s.read(customerId);
    return { format: 'koi.data-export/1', exportedAt: clock.now().toISOString(), customerId, sections };
  };
}
