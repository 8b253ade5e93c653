import { sql } from 'drizzle-orm';
import type { TMallExchangePage, TMallRecordPage } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import { maskMobile } from './points-mall.rules.ts';
import { presentExchange, type ExchangeRow } from './exchange.ts';
import type { MallPorts } from './points-mall-ports.ts';

type Counted = ExchangeRow & { total: string | number };

/** Exchange records: the shopper's own (我的兑换), and the operator's list with masked phones. */
export function createMallRecords(db: Db, ports: MallPorts) {
  return {
    async mine(customerId: string, page: number, pageSize: number): Promise<TMallExchangePage> {
      const rows = await db.rows<Counted>(sql`select *, count(*) over () as total from points_mall_exchanges
        where customer_id = ${customerId} order by created_at desc, id desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
      return { items: rows.map(presentExchange), total: rows.length ? Number(rows[0]!.total) : 0 };
    },

    async list(query: { page: number; pageSize: number; itemId?: string; customerId?: string }): Promise<TMallRecordPage> {
      const rows = await db.rows<Counted>(sql`select *, count(*) over () as total from points_mall_exchanges
        where (${query.itemId ?? null}::uuid is null or item_id = ${query.itemId ?? null}::uuid)
          and (${query.customerId ?? null}::uuid is null or customer_id = ${query.customerId ?? null}::uuid)
        order by created_at desc, id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
      const phones = await ports.mobilesOf([...new Set(rows.map((r) => r.customer_id))]);
      return {
        items: rows.map((r) => ({ ...presentExchange(r), customerId: r.customer_id, phoneMasked: maskMobile(phones.get(r.customer_id) ?? null) })),
        total: rows.length ? Number(rows[0]!.total) : 0,
      };
    },
  };
}
export type MallRecords = ReturnType<typeof createMallRecords>;
