import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import type { TCustomer360, TIdentityKind, TMergePreview } from '@koi/contracts';
import { maskAddress, maskIdentity } from './reveal.rules.ts';
import { identitiesOf, profileRow, toListItem } from './profile-queries.ts';
import { mergeBlock } from './merge-customers.ts';
import { listNotes, listReveals, staffNames } from './customer-staff.ts';
import type { AddressBook } from './address-book.ts';
import type { Regions } from './regions.ts';
import type { PortsHolder } from './profile-ports.ts';
import type { CustomerMergeFollower } from './customer-merge.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Customer 360 for staff: profile, identities (masked), orders, points and balance, coupons, notes, reveals, merges. */
export async function customer360(db: Db, deps: { regions: Regions; addresses: AddressBook; ports: PortsHolder }, id: string): Promise<TCustomer360> {
  const row = await profileRow(db, id);
  const ports = deps.ports.get();
  const idents = await identitiesOf(db, id);
  const address = await deps.addresses.defaultAddress(id);
  const merges = await db.rows<{ id: string; from_id: string; into_id: string; staff_id: string | null; reason: string; created_at: Date | string }>(sql`
    select id, from_id, into_id, staff_id, reason, created_at from customer_merges where into_id = ${id} or from_id = ${id} order by created_at desc limit 50`);
  const suggestions = await db.rows<{ a_id: string; b_id: string; claims: { kind: TIdentityKind; value: string }[] | string; created_at: Date | string; other_name: string | null }>(sql`
    select s.a_id, s.b_id, s.claims, s.created_at, o.name as other_name from customer_merge_suggestions s
    join customer_profiles o on o.id = case when s.a_id = ${id} then s.b_id else s.a_id end and o.merged_into is null
    where s.resolved_at is null and (s.a_id = ${id} or s.b_id = ${id}) order by s.created_at desc limit 20`);
  const names = await staffNames(ports, merges.map((m) => m.staff_id).filter((s): s is string => s !== null));
  return {
    profile: { ...toListItem(row, deps.regions), birthday: row.birthday ?? null, mergedInto: row.merged_into ?? null, erased: row.erased ?? false },
    identities: idents.map((i) => ({ kind: i.kind, valueMasked: maskIdentity(i.kind, i.value), partial: i.kind === 'phone_masked', createdAt: iso(i.created_at) })),
    addressMasked: address ? maskAddress(address) : null,
    orders: await ports.orderSummary(id),
    loyalty: await ports.loyalty(id),
    coupons: await ports.coupons(id),
    notes: await listNotes(db, ports, id),
    reveals: await listReveals(db, ports, id),
    merges: merges.map((m) => ({ id: m.id, fromId: m.from_id, intoId: m.into_id, staffId: m.staff_id, staffName: m.staff_id ? names.get(m.staff_id) ?? null : null, reason: m.reason, at: iso(m.created_at) })),
    suggestions: suggestions.map((s) => {
      const claims = typeof s.claims === 'string' ? (JSON.parse(s.claims) as { kind: TIdentityKind; value: string }[]) : s.claims;
      return { otherId: s.a_id === id ? s.b_id : s.a_id, otherName: s.other_name, claims: claims.map((c) => ({ kind: c.kind, valueMasked: maskIdentity(c.kind, c.value) })), at: iso(s.created_at) };
    }),
  };
}

/**
 * What merging `fromId` into `intoId` would move, each module counted through its service (orders,
 * points, balance, coupons, logins, after-sales, reviews) or here (identities, notes, behaviour
 * events, consent records). Tags (audience) and imported orders (customer-import) follow
 * `customer.merged` too, but are not counted here yet: they are named in `notCounted`.
 */
export async function mergePreview(db: Db, deps: { regions: Regions; ports: PortsHolder; follower: Pick<CustomerMergeFollower, 'countsOf'> }, intoId: string, fromId: string): Promise<TMergePreview> {
  const [from, into] = [await profileRow(db, fromId), await profileRow(db, intoId)];
  const ports = deps.ports.get();
  const [idents] = await db.rows<{ n: number }>(sql`select count(*)::int as n from customer_identities where customer_id = ${fromId}`);
  const [notes] = await db.rows<{ n: number }>(sql`select count(*)::int as n from customer_notes where customer_id = ${fromId}`);
  const loyalty = await ports.loyalty(fromId);
  const coupons = await ports.coupons(fromId);
  const own = await deps.follower.countsOf(fromId);
  const blockFrom = { ...from, merged_into: from.merged_into ?? null, erased: from.erased ?? false, birthday: from.birthday ?? null };
  const blockInto = { ...into, merged_into: into.merged_into ?? null, erased: into.erased ?? false, birthday: into.birthday ?? null };
  return {
    from: toListItem(from, deps.regions),
    into: toListItem(into, deps.regions),
    moves: [
      { kind: 'orders', count: await ports.orderCount(fromId) },
      { kind: 'points', count: loyalty.points },
      { kind: 'balance_fen', count: loyalty.balanceFen },
      { kind: 'coupons', count: coupons.total },
      { kind: 'identities', count: idents!.n },
      { kind: 'notes', count: notes!.n },
      { kind: 'logins', count: await ports.loginCount(fromId) },
      { kind: 'aftersales', count: await ports.afterSaleCount(fromId) },
      { kind: 'reviews', count: await ports.reviewCount(fromId) },
      { kind: 'behaviour_events', count: own.behaviourEvents },
      { kind: 'consents', count: own.consents },
    ],
    notCounted: ['tags', 'imported_orders'],
    blocked: mergeBlock(blockFrom, blockInto),
  };
}
