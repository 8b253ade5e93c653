import { sql, type SQL } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import { KoiError } from '../../platform/errors.ts';
import type { TCustomerListItem, TCustomerListPage, TCustomerListQuery, TIdentityKind } from '@koi/contracts';
import { maskedPhoneOf } from './identity-match.rules.ts';
import { decodeCursor, encodeCursor, searchMode } from './reveal.rules.ts';
import type { Regions } from './regions.ts';

export type ListRow = {
  id: string; name: string | null; gender: 'male' | 'female' | 'unknown'; region_code: string | null; source_channel: string; has_account: boolean;
  first_seen_at: Date | string; last_seen_at: Date | string; created_at: Date | string; phone: string | null; phone_masked: string | null;
  birthday?: string | null; merged_into?: string | null; erased?: boolean;
};

const iso = (d: Date | string) => new Date(d).toISOString();

/** 省 市 区 names of a region code, most general first ("浙江省 杭州市 西湖区"). */
export function regionNameOf(regions: Regions, code: string | null): string | null {
  if (!code) return null;
  const names: string[] = [];
  let e = regions.get(code);
  if (!e) return null;
  while (e) {
    if (!names.includes(e.name)) names.unshift(e.name);
    e = e.parentCode ? regions.get(e.parentCode) : undefined;
  }
  return names.join(' ');
}

export const LIST_COLUMNS = sql`p.id, p.name, p.gender, p.region_code, p.source_channel, p.has_account, p.first_seen_at, p.last_seen_at, p.created_at,
  p.birthday::text as birthday, p.merged_into, p.erased,
  (select i.value from customer_identities i where i.customer_id = p.id and i.kind = 'phone' order by i.created_at limit 1) as phone,
  (select i.value from customer_identities i where i.customer_id = p.id and i.kind = 'phone_masked' order by i.created_at limit 1) as phone_masked`;

export function toListItem(r: ListRow, regions: Regions): TCustomerListItem {
  return {
    id: r.id, name: r.name, gender: r.gender, phoneMasked: (r.phone ? maskedPhoneOf(r.phone) : null) ?? r.phone_masked,
    regionCode: r.region_code, regionName: regionNameOf(regions, r.region_code), sourceChannel: r.source_channel, hasAccount: r.has_account,
    firstSeenAt: iso(r.first_seen_at), lastSeenAt: iso(r.last_seen_at), createdAt: iso(r.created_at),
  };
}

/** The admin list: live customers, newest first, keyset-paged; phones masked; `scope`: a store's customers only. */
export async function listCustomers(db: Db, regions: Regions, query: TCustomerListQuery & { limit: number }, scope: SQL | null = null): Promise<TCustomerListPage> {
  const where: SQL[] = [sql`p.merged_into is null`];
  if (scope) where.push(scope);
  if (query.source) where.push(sql`p.source_channel = ${query.source}`);
  if (query.q) {
    const m = searchMode(query.q);
    if (m.kind === 'tail') {
      where.push(sql`p.id in (select i.customer_id from customer_identities i where i.kind in ('phone', 'phone_masked') and right(i.value, 4) = ${m.tail})`);
    } else if (m.kind === 'phone') {
      where.push(sql`p.id in (select i.customer_id from customer_identities i where i.kind = 'phone' and i.value = ${m.phone})`);
    } else {
      const like = `${m.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(sql`(p.name like ${like} or p.id in (select i.customer_id from customer_identities i where i.value = ${m.text} or i.value = ${m.text.toLowerCase()}))`);
    }
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    if (!c) throw new KoiError('http.validation_failed', {}, { fieldErrors: [{ path: 'query.cursor', message: 'invalid cursor', code: 'invalid_cursor' }] });
    where.push(sql`(p.created_at, p.id) < (${new Date(c.createdAt)}, ${c.id})`);
  }
  const rows = await db.rows<ListRow>(sql`select ${LIST_COLUMNS} from customer_profiles p
    where ${sql.join(where, sql` and `)} order by p.created_at desc, p.id desc limit ${query.limit + 1}`);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map((r) => toListItem(r, regions)), nextCursor: rows.length > query.limit && last ? encodeCursor(iso(last.created_at), last.id) : null };
}

export async function profileRow(db: Db, id: string, q?: Q): Promise<ListRow> {
  const [row] = await db.rows<ListRow>(sql`select ${LIST_COLUMNS} from customer_profiles p where p.id = ${id}`, q);
  if (!row) throw new KoiError('resource.not_found', { what: 'customer' });
  return row;
}

export async function identitiesOf(db: Db, id: string) {
  return db.rows<{ kind: TIdentityKind; value: string; created_at: Date | string }>(sql`select kind, value, created_at from customer_identities
    where customer_id = ${id} order by created_at, kind`);
}
