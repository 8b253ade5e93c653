import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { TCustomerNote, TRevealLogEntry, TRevealResponse } from '@koi/contracts';
import { fullAddress } from './reveal.rules.ts';
import { profileRow } from './profile-queries.ts';
import type { AddressBook } from './address-book.ts';
import type { CustomerPorts } from './profile-ports.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export async function staffNames(ports: CustomerPorts, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    try { out.set(id, await ports.staffName(id)); } catch { out.set(id, '—'); }
  }
  return out;
}

export async function listNotes(db: Db, ports: CustomerPorts, customerId: string): Promise<TCustomerNote[]> {
  const rows = await db.rows<{ id: string; body: string; staff_id: string; created_at: Date | string }>(sql`select id, body, staff_id, created_at
    from customer_notes where customer_id = ${customerId} order by created_at desc limit 200`);
  const names = await staffNames(ports, rows.map((r) => r.staff_id));
  return rows.map((r) => ({ id: r.id, body: r.body, staffId: r.staff_id, staffName: names.get(r.staff_id) ?? '—', createdAt: iso(r.created_at) }));
}

export async function addNote(db: Db, ports: CustomerPorts, customerId: string, staffId: string, body: string): Promise<TCustomerNote> {
  await profileRow(db, customerId);
  const id = newId();
  const now = clock.now();
  await db.rows(sql`insert into customer_notes (customer_id, id, staff_id, body, created_at) values (${customerId}, ${id}, ${staffId}, ${body}, ${now})`);
  return { id, body, staffId, staffName: (await staffNames(ports, [staffId])).get(staffId)!, createdAt: now.toISOString() };
}

export async function listReveals(db: Db, ports: CustomerPorts, customerId: string): Promise<TRevealLogEntry[]> {
  const rows = await db.rows<{ id: string; field: 'phone' | 'address'; staff_id: string; created_at: Date | string }>(sql`select id, field, staff_id, created_at
    from customer_reveals where customer_id = ${customerId} order by created_at desc limit 100`);
  const names = await staffNames(ports, rows.map((r) => r.staff_id));
  return rows.map((r) => ({ id: r.id, field: r.field, staffId: r.staff_id, staffName: names.get(r.staff_id) ?? '—', at: iso(r.created_at) }));
}

/** The full phone or default address, for a role with `customer:reveal`; the reveal is logged in the same transaction. */
export async function reveal(db: Db, addresses: AddressBook, customerId: string, field: 'phone' | 'address', staffId: string): Promise<TRevealResponse> {
  const row = await profileRow(db, customerId);
  let value: string | null;
  if (field === 'phone') value = row.phone;
  else {
    const a = await addresses.defaultAddress(customerId);
    value = a ? fullAddress(a) : null;
  }
  await db.rows(sql`insert into customer_reveals (customer_id, id, staff_id, field, created_at) values (${customerId}, ${newId()}, ${staffId}, ${field}, ${clock.now()})`);
  return { field, value };
}
