import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Db } from './db.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export type Migration = { name: string; checksum: string; statements: string[] };

/** The SQL files drizzle-kit wrote, in name order, split at its statement breakpoints. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      return {
        name: file.replace(/\.sql$/, ''),
        checksum: createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex'),
        statements: text.split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean),
      };
    });
}

export class MigrationError extends Error {}

/**
 * Applies pending migrations, each in its own transaction, in order. Applied ones are recorded with
 * their checksum; a changed file that was already applied stops the boot instead of drifting.
 * On PostgreSQL an advisory lock keeps two booting processes from migrating at once.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<{ applied: string[] }> {
  await db.run((q) =>
    q.execute(sql`create table if not exists koi_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`),
  );
  const applied: string[] = [];
  await db.tx(async (q) => {
    if (db.kind === 'postgres') await q.execute(sql`select pg_advisory_xact_lock(7201001)`);
    const done = new Map(
      (await db.rows<{ name: string; checksum: string }>(sql`select name, checksum from koi_migrations`, q)).map((r) => [r.name, r.checksum]),
    );
    for (const m of migrations) {
      const seen = done.get(m.name);
      if (seen !== undefined) {
        if (seen !== m.checksum) {
          throw new MigrationError(`migration ${m.name} was changed after it was applied (checksum ${seen.slice(0, 12)} ≠ ${m.checksum.slice(0, 12)}); add a new migration instead`);
        }
        continue;
      }
      for (const statement of m.statements) await q.execute(sql.raw(statement));
      await q.execute(sql`insert into koi_migrations (name, checksum) values (${m.name}, ${m.checksum})`);
      applied.push(m.name);
    }
  });
  return { applied };
}
