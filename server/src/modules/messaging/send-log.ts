import { sql, type SQL } from 'drizzle-orm';
import type { TMessageChannel, TMessageSend, TMessageSendList, TMessageSendQuery, TMessageSendStatus } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { maskRecipient } from './channel-choice.rules.ts';

type Row = {
  id: string; event_id: string; kind: string; channel: TMessageChannel; template: string; recipient: string; status: TMessageSendStatus;
  content: string; provider_id: string | null; error: string | null; attempts: number; created_at: Date | string; sent_at: Date | string | null; total: number;
};

function toSend(r: Row): TMessageSend {
  return {
    id: r.id, eventId: r.event_id, kind: r.kind, channel: r.channel, template: r.template,
    recipient: r.recipient ? maskRecipient(r.channel, r.recipient) : '',
    status: r.status, content: r.content, providerId: r.provider_id, error: r.error, attempts: Number(r.attempts),
    createdAt: new Date(r.created_at).toISOString(), sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  };
}

/** The message log, newest first, recipients masked. One statement (the total rides along). */
export async function listSends(db: Db, query: TMessageSendQuery & { customerId?: string; eventId?: string }): Promise<TMessageSendList> {
  const where: SQL[] = [sql`true`];
  if (query.channel) where.push(sql`channel = ${query.channel}`);
  if (query.status) where.push(sql`status = ${query.status}`);
  if (query.customerId) where.push(sql`customer_id = ${query.customerId}`);
  if (query.eventId) where.push(sql`event_id = ${query.eventId}`);
  const rows = await db.rows<Row>(sql`select id, event_id, kind, channel, template, recipient, status, content, provider_id, error, attempts, created_at, sent_at,
      count(*) over ()::int as total
    from message_sends where ${sql.join(where, sql` and `)}
    order by created_at desc, id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && query.page > 1) {
    const [c] = await db.rows<{ n: number }>(sql`select count(*)::int as n from message_sends where ${sql.join(where, sql` and `)}`);
    total = Number(c?.n ?? 0);
  }
  return { items: rows.map(toSend), total };
}
