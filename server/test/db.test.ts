import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS } from './harness.ts';
import { openTestDb } from './databases.ts';
import type { Db } from '../src/platform/db.ts';
import { migrate, MigrationError, readMigrations } from '../src/platform/migrate.ts';

describe.each(DB_KINDS)('database layer on %s', (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDb(kind));
  });
  afterAll(async () => close());

  it('applies migrations once, in order, and again does nothing', async () => {
    const first = await migrate(db);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    expect((await migrate(db)).applied).toEqual([]);
    expect((await migrate(db)).applied).toEqual([]);
  });

  it('refuses a migration file that changed after it was applied', async () => {
    const changed = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(db, changed)).rejects.toThrow(MigrationError);
  });

  it('200 concurrent read-modify-write transactions lose no update', async () => {
    await db.run((q) => q.execute(sql`create table if not exists counter_probe (id int primary key, n int not null)`));
    await db.run((q) => q.execute(sql`insert into counter_probe values (1, 0) on conflict (id) do update set n = 0`));
    // On PGlite the transactions queue on the one connection; on PostgreSQL the row lock orders them.
    const lock = kind === 'postgres' ? sql` for update` : sql``;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        db.tx(async (q) => {
          const [row] = await db.rows<{ n: number }>(sql`select n from counter_probe where id = 1${lock}`, q);
          await new Promise((r) => setTimeout(r, i % 3)); // yield mid-transaction
          await q.execute(sql`update counter_probe set n = ${row!.n + 1} where id = 1`);
          return row!.n;
        }),
      ),
    );
    const [final] = await db.rows<{ n: number }>(sql`select n from counter_probe`);
    expect(final!.n).toBe(200);
    expect(new Set(results).size).toBe(200);
  });

  it('a failed transaction rolls back and the next one runs', async () => {
    await expect(
      db.tx(async (q) => {
        await q.execute(sql`update counter_probe set n = -1 where id = 1`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const [row] = await db.rows<{ n: number }>(sql`select n from counter_probe`);
    expect(row!.n).toBe(200);
  });

  it('a transaction inside a transaction joins it instead of deadlocking', async () => {
    const inner = await db.tx(async () => db.tx(async (q2) => (await db.rows<{ one: number }>(sql`select 1 as one`, q2))[0]!.one));
    expect(inner).toBe(1);
  });

  it('counts statements', async () => {
    const before = db.stats.statements;
    await db.rows(sql`select 1`);
    await db.rows(sql`select 2`);
    expect(db.stats.statements - before).toBe(2);
  });
});
