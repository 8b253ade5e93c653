import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, type Db } from '../src/platform/db.ts';

export type DbKind = 'pglite' | 'postgres';

/** The databases integration tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const DB_KINDS: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let warned = false;
export function noteSkippedPostgres(): void {
  if (warned || process.env.DATABASE_URL) return;
  warned = true;
  console.warn('[koi] DATABASE_URL is not set: PostgreSQL integration runs SKIPPED (PGlite runs only). Set DATABASE_URL to run them.');
}

/** A fresh, empty PostgreSQL database (one test file, one bench run); dropped by the returned cleanup. */
export async function freshPostgresUrl(base = process.env.DATABASE_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!base) throw new Error('DATABASE_URL not set');
  const name = `koi_scratch_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Opens an empty database of the given kind; `close` also drops a PostgreSQL test database. */
export async function openTestDb(kind: DbKind, dataDir?: string): Promise<{ db: Db; url?: string; close: () => Promise<void> }> {
  noteSkippedPostgres();
  if (kind === 'pglite') {
    const db = await openPglite(dataDir);
    return { db, close: () => db.close() };
  }
  const fresh = await freshPostgresUrl();
  const db = await openPostgres(fresh.url, 10);
  return {
    db,
    url: fresh.url,
    close: async () => {
      await db.close();
      await fresh.drop();
    },
  };
}
