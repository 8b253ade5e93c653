import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** What services write queries against: a drizzle database or transaction. */
export type Q = PgDatabase<PgQueryResultHKT>;
export type Row = Record<string, unknown>;

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction. Called inside another `tx` it joins the outer one, so a service
   * can call another service's command without deadlocking the single PGlite connection.
   */
  tx<T>(fn: (q: Q) => Promise<T>): Promise<T>;
  /** Runs statements outside a transaction (reads); inside a `tx`, uses that transaction. */
  /** Runs `fn` on `q` when given (inside the caller's transaction), else on a connection of its own. */
  run<T>(fn: (q: Q) => Promise<T>, q?: Q): Promise<T>;
  /** Raw rows of one statement (a drizzle `sql` template). */
  rows<T extends Row = Row>(query: SQL, q?: Q): Promise<T[]>;
  /** Parameterised SQL text, for libraries that speak `executeSql(text, values)` (pg-boss). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  /** Counts statements sent to the database, for benchmarks and the no-N+1 checks. */
  readonly stats: { statements: number };
  close(): Promise<void>;
}

/** Serialises work on one resource: each task starts after the previous one settled. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const txContext = new AsyncLocalStorage<{ q: Q; db: Db }>();

/** Drizzle calls this for every statement it sends, inside transactions too. */
function statementCounter(stats: { statements: number }) {
  return {
    logQuery: (query: string) => {
      stats.statements++;
      if (process.env.KOI_TRACE_SQL) console.error(`[sql] ${query.replace(/\s+/g, ' ').slice(0, 160)}`);
    },
  };
}

/**
 * PGlite has one connection. Concurrent transactions on it interleave their statements (or hang:
 * PGlite issues #1046, #956), so every top-level unit of work — a transaction or a lone statement —
 * takes the mutex. Inside a transaction the caller already holds it.
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  const stats = { statements: 0 };
  const orm = drizzlePglite(client, { logger: statementCounter(stats) }) as unknown as Q;
  const mutex = new Mutex();
  const db: Db = {
    kind: 'pglite',
    stats,
    tx(fn) {
      const outer = txContext.getStore();
      if (outer?.db === db) return fn(outer.q);
      return mutex.run(() => orm.transaction((t) => txContext.run({ q: t as unknown as Q, db }, () => fn(t as unknown as Q))));
    },
    run(fn, q) {
      if (q) return fn(q);
      const outer = txContext.getStore();
      if (outer?.db === db) return fn(outer.q);
      return mutex.run(() => fn(orm));
    },
    async rows<T extends Row>(query: SQL, q?: Q) {
      const res = await (q ? q.execute(query) : db.run((r) => r.execute(query)));
      return (res as unknown as { rows: T[] }).rows;
    },
    executeSql(text, values) {
      return mutex.run(async () => {
        stats.statements++;
        if (values && values.length) return { rows: (await client.query<Row>(text, values)).rows };
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Row[] };
      });
    },
    async close() {
      await mutex.run(() => client.close());
    },
  };
  return db;
}

export async function openPostgres(url: string, poolSize = 20): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client dropped by the server (restart, failover) is replaced on next use; not a crash.
  pool.on('error', () => undefined);
  const stats = { statements: 0 };
  const orm = drizzlePg(pool, { logger: statementCounter(stats) }) as unknown as Q;
  const db: Db = {
    kind: 'postgres',
    stats,
    tx(fn) {
      const outer = txContext.getStore();
      if (outer?.db === db) return fn(outer.q);
      return orm.transaction((t) => txContext.run({ q: t as unknown as Q, db }, () => fn(t as unknown as Q)));
    },
    run(fn, q) {
      if (q) return fn(q);
      const outer = txContext.getStore();
      if (outer?.db === db) return fn(outer.q);
      return fn(orm);
    },
    async rows<T extends Row>(query: SQL, q?: Q) {
      const res = await (q ?? txContext.getStore()?.q ?? orm).execute(query);
      return (res as unknown as { rows: T[] }).rows;
    },
    async executeSql(text, values) {
      stats.statements++;
      const res = await pool.query(text, values as unknown[] | undefined);
      const last = Array.isArray(res) ? res.at(-1) : res;
      return { rows: (last?.rows ?? []) as Row[] };
    },
    async close() {
      await pool.end();
    },
  };
  return db;
}

export async function openDb(opts: { databaseUrl?: string; dataDir?: string; memory?: boolean }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.memory ? undefined : path.join(opts.dataDir ?? './data', 'pglite'));
}

export { sql };
