import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ADDRESS_BOOK_LIMIT, type TAddress, type TAddressSnapshot, type ZAddressInput } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { customerAddresses } from './address.tables.ts';
import { canAdd, defaultOnSave, type BookState } from './address.rules.ts';
import type { Regions } from './regions.ts';
import './address.errors.ts';

export type AddressInput = z.output<typeof ZAddressInput>;
/** An order's copy of an address (the order contract's snapshot) and the address it came from. */
export type AddressSnapshot = TAddressSnapshot & { addressId: string };

type Row = typeof customerAddresses.$inferSelect;

const isUuid = (id: string) => z.uuid().safeParse(id).success;

function toAddress(r: Row): TAddress {
  return {
    id: r.id,
    recipient: r.recipient,
    mobile: r.mobile,
    provinceCode: r.provinceCode,
    provinceName: r.provinceName,
    cityCode: r.cityCode,
    cityName: r.cityName,
    districtCode: r.districtCode,
    districtName: r.districtName,
    detail: r.detail,
    label: r.label,
    isDefault: r.isDefault,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toSnapshot(r: Row): AddressSnapshot {
  return {
    addressId: r.id,
    recipient: r.recipient,
    mobile: r.mobile,
    provinceCode: r.provinceCode,
    province: r.provinceName,
    cityCode: r.cityCode,
    city: r.cityName,
    districtCode: r.districtCode,
    district: r.districtName,
    detail: r.detail,
  };
}

const notFound = () => new KoiError('resource.not_found', { what: 'address' });
const mine = (customerId: string, id: string) => and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.id, id));
/** Listing order (see address.rules.ts compareEntries): the default, then the most recently changed. */
const listOrder = [desc(customerAddresses.isDefault), desc(customerAddresses.updatedAt), desc(customerAddresses.id)];

/**
 * A shopper's address book. Every write takes a per-customer transaction lock first, so concurrent
 * writes of one shopper run one after another and see each other: the default stays unique and the
 * limit holds (the partial unique index is the backstop). PGlite runs one transaction at a time anyway.
 */
export function createAddressBook(db: Db, regions: Regions) {
  async function lockBook(q: Q, customerId: string): Promise<BookState> {
    if (db.kind === 'postgres') await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`customer_addresses:${customerId}`}, 0))`);
    const [state] = await db.rows<{ count: number; default_id: string | null }>(
      sql`select count(*)::int as count, (select id from customer_addresses where customer_id = ${customerId} and is_default) as default_id
          from customer_addresses where customer_id = ${customerId}`,
      q,
    );
    return { count: state?.count ?? 0, defaultId: state?.default_id ?? null };
  }

  function regionChain(input: AddressInput) {
    const result = regions.chain(input.provinceCode, input.cityCode, input.districtCode);
    if (!result.ok) {
      throw new KoiError('customer.address_region_invalid', {}, {
        fieldErrors: result.errors.map((e) => ({ path: `body.${e.path}`, message: e.message, code: e.code })),
      });
    }
    return result.chain;
  }

  async function clearDefault(q: Q, customerId: string): Promise<void> {
    await q.update(customerAddresses).set({ isDefault: false })
      .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.isDefault, true)));
  }

  async function defaultRow(customerId: string): Promise<Row | undefined> {
    const [row] = await db.run((q) => q.select().from(customerAddresses)
      .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.isDefault, true))));
    return row;
  }

  const book = {
    async list(customerId: string): Promise<TAddress[]> {
      const rows = await db.run((q) => q.select().from(customerAddresses).where(eq(customerAddresses.customerId, customerId)).orderBy(...listOrder));
      return rows.map(toAddress);
    },

    async get(customerId: string, id: string): Promise<TAddress> {
      if (!isUuid(id)) throw notFound();
      const [row] = await db.run((q) => q.select().from(customerAddresses).where(mine(customerId, id)));
      if (!row) throw notFound();
      return toAddress(row);
    },

    async create(customerId: string, input: AddressInput): Promise<TAddress> {
      const chain = regionChain(input);
      return db.tx(async (q) => {
        const state = await lockBook(q, customerId);
        if (!canAdd(state)) throw new KoiError('customer.address_limit', { max: ADDRESS_BOOK_LIMIT });
        const { isDefault, clearOthers } = defaultOnSave(state, { id: null, wantsDefault: input.isDefault });
        if (clearOthers) await clearDefault(q, customerId);
        const now = clock.now();
        const [row] = await q.insert(customerAddresses).values({
          customerId, id: newId(), recipient: input.recipient, mobile: input.mobile, ...chain,
          detail: input.detail, label: input.label, isDefault, createdAt: now, updatedAt: now,
        }).returning();
        return toAddress(row!);
      });
    },

    /** Replaces the address (PUT). */
    async update(customerId: string, id: string, input: AddressInput): Promise<TAddress> {
      if (!isUuid(id)) throw notFound();
      const chain = regionChain(input);
      return db.tx(async (q) => {
        const state = await lockBook(q, customerId);
        const { isDefault, clearOthers } = defaultOnSave(state, { id, wantsDefault: input.isDefault });
        const [exists] = await q.select({ id: customerAddresses.id }).from(customerAddresses).where(mine(customerId, id));
        if (!exists) throw notFound();
        if (clearOthers) await clearDefault(q, customerId);
        const [row] = await q.update(customerAddresses).set({
          recipient: input.recipient, mobile: input.mobile, ...chain, detail: input.detail, label: input.label, isDefault, updatedAt: clock.now(),
        }).where(mine(customerId, id)).returning();
        return toAddress(row!);
      });
    },

    async setDefault(customerId: string, id: string): Promise<TAddress> {
      if (!isUuid(id)) throw notFound();
      return db.tx(async (q) => {
        const state = await lockBook(q, customerId);
        if (state.defaultId !== id) {
          const [exists] = await q.select({ id: customerAddresses.id }).from(customerAddresses).where(mine(customerId, id));
          if (!exists) throw notFound();
          await clearDefault(q, customerId);
        }
        const [row] = await q.update(customerAddresses).set({ isDefault: true, updatedAt: clock.now() }).where(mine(customerId, id)).returning();
        return toAddress(row!);
      });
    },

    /** Deletes an address; deleting the default hands it to the most recently changed one left. */
    async remove(customerId: string, id: string): Promise<void> {
      if (!isUuid(id)) throw notFound();
      await db.tx(async (q) => {
        await lockBook(q, customerId);
        const [gone] = await q.delete(customerAddresses).where(mine(customerId, id)).returning({ isDefault: customerAddresses.isDefault });
        if (!gone) throw notFound();
        if (gone.isDefault) {
          // The same order as list() and successorDefault(): most recently changed, id breaking ties.
          await q.execute(sql`update customer_addresses set is_default = true
            where customer_id = ${customerId} and id = (select id from customer_addresses where customer_id = ${customerId}
              order by updated_at desc, id desc limit 1)`);
        }
      });
    },

    /** The default address as the shop shows it, or null when the book is empty. */
    async getDefault(customerId: string): Promise<TAddress | null> {
      const row = await defaultRow(customerId);
      return row ? toAddress(row) : null;
    },

    /** For checkout: the snapshot of the shopper's default address, or null when the book is empty. */
    async defaultAddress(customerId: string): Promise<AddressSnapshot | null> {
      const row = await defaultRow(customerId);
      return row ? toSnapshot(row) : null;
    },

    /**
     * For checkout: the snapshot an order keeps of one of the shopper's addresses. Another shopper's
     * address, or one deleted meanwhile, is a 404 `resource.not_found` (as in the shop API).
     */
    async addressFor(customerId: string, addressId: string): Promise<AddressSnapshot> {
      if (!isUuid(addressId)) throw notFound();
      const [row] = await db.run((q) => q.select().from(customerAddresses).where(mine(customerId, addressId)));
      if (!row) throw notFound();
      return toSnapshot(row);
    },
  };
  return book;
}
export type AddressBook = ReturnType<typeof createAddressBook>;
