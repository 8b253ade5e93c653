import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { DB_KINDS } from './harness.ts';
import { freshPostgresUrl, noteSkippedPostgres } from './databases.ts';
import { openDb, type Db } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { EventBus, publish } from '../src/platform/events.ts';
import { createLogger } from '../src/platform/log.ts';
import { clock } from '../src/platform/clock.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = createLogger('silent');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function place(kind: string): Promise<string> {
  noteSkippedPostgres();
  if (kind === 'postgres') {
    const fresh = await freshPostgresUrl();
    cleanups.push(fresh.drop);
    return fresh.url;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'koi-outbox-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'pglite');
}

const open = (target: string) => openDb(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });

describe.each(DB_KINDS)('outbox on %s', (kind) => {
  it('delivers an event committed just before the process was killed, exactly once', async () => {
    const target = await place(kind);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/outbox-crash-child.ts'), target], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal, child.stderr).toBe('SIGKILL');

    const db = await open(target);
    try {
      const [pending] = await db.rows<{ n: number }>(sql`select count(*)::int as n from outbox_events where dispatched_at is null`);
      expect(pending!.n).toBe(1);

      const delivered: unknown[] = [];
      const bus = new EventBus(db, log, null);
      bus.subscribe('test.store_opened', 'test.counter', async (event) => {
        delivered.push(event.payload);
      });
      expect(await bus.dispatchOnce()).toBe(1);
      expect(delivered).toEqual([{ name: '崩溃前开的店' }]);

      // A dispatcher that died after the handler committed but before marking the event leaves it
      // to be claimed again; the handled-record makes the second delivery a no-op.
      await db.run((q) => q.execute(sql`update outbox_events set dispatched_at = null, claimed_until = null`));
      expect(await bus.dispatchOnce()).toBe(1);
      expect(delivered).toHaveLength(1);
      expect(await bus.dispatchOnce()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('retries a failing subscriber with backoff, then parks the event as dead until retried', async () => {
    const target = await place(kind);
    const db: Db = await open(target);
    try {
      await migrate(db);
      clock.set('2026-11-22T10:00:00Z');
      const bus = new EventBus(db, log, null, { maxAttempts: 3 });
      let calls = 0;
      let healthy = false;
      const effects: string[] = [];
      bus.subscribe('test.flaky', 'test.flaky-handler', async (_e, q) => {
        calls++;
        // The handler's own write rolls back with its failure: nothing half-done survives.
        await q.execute(sql`insert into stores (id, name, city, address, created_at) values (gen_random_uuid(), ${`attempt ${calls}`}, 'x', 'y', now())`);
        if (!healthy) throw new Error('downstream unavailable');
        effects.push('done');
      });
      await db.tx((q) => publish(q, 'test.flaky', {}));

      expect(await bus.dispatchOnce()).toBe(1);
      expect(await bus.dispatchOnce()).toBe(0); // backing off
      clock.advance(2_001);
      expect(await bus.dispatchOnce()).toBe(1);
      clock.advance(4_001);
      expect(await bus.dispatchOnce()).toBe(1);
      clock.advance(3600_000);
      expect(await bus.dispatchOnce()).toBe(0); // dead: no more attempts
      expect(calls).toBe(3);
      const [stores] = await db.rows<{ n: number }>(sql`select count(*)::int as n from stores`);
      expect(stores!.n).toBe(0);

      const dead = await bus.failed();
      expect(dead).toHaveLength(1);
      expect(dead[0]!.lastError).toBe('downstream unavailable');

      healthy = true;
      expect(await bus.retry(dead[0]!.id)).toBe(true);
      expect(await bus.dispatchOnce()).toBe(1);
      expect(effects).toEqual(['done']);
      expect(await bus.failed()).toHaveLength(0);
    } finally {
      clock.reset();
      await db.close();
    }
  });
});
