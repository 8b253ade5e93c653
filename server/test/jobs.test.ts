import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { call, DB_KINDS, staffToken, startKoi, type TestKoi } from './harness.ts';

async function until(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

describe.each(DB_KINDS)('job queue on %s', (kind) => {
  let koi: TestKoi;
  const runs: { queue: string; at: number; retry: number; data: unknown }[] = [];
  let flakyHealthy = false;

  beforeAll(async () => {
    koi = await startKoi(kind);
    koi.jobs.define('test.always-fails', { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true }, async (data, meta) => {
      runs.push({ queue: 'fails', at: Date.now(), retry: meta.retryCount, data });
      if (!flakyHealthy) throw new Error('supplier API timed out');
    });
    koi.jobs.define('test.delayed', { retryLimit: 0 }, async (data, meta) => {
      runs.push({ queue: 'delayed', at: Date.now(), retry: meta.retryCount, data });
    });
    koi.bus.toQueue('test.order_paid', 'test.delayed');
    await koi.startWorkers();
  });
  afterAll(async () => koi.dispose());

  it('retries with backoff, then lands in the dead-letter list staff can see and retry', async () => {
    await koi.jobs.send('test.always-fails', { orderNo: 'A1' });
    await until(() => runs.filter((r) => r.queue === 'fails').length === 3);
    const attempts = runs.filter((r) => r.queue === 'fails');
    expect(attempts.map((a) => a.retry)).toEqual([0, 1, 2]);
    // Exponential backoff: the second gap is longer than the first.
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThan(attempts[1]!.at - attempts[0]!.at);

    const owner = await staffToken(koi, 'owner@koi.demo');
    let dead: { items: { id: string; queue: string; error: string }[] } = { items: [] };
    await until(async () => {
      dead = (await call(koi, 'GET', '/api/admin/jobs/dead', undefined, { token: owner })).body;
      return dead.items.some((d) => d.queue === 'test.always-fails');
    });
    const job = dead.items.find((d) => d.queue === 'test.always-fails')!;
    expect(job.error).toContain('supplier API timed out');

    flakyHealthy = true;
    expect((await call(koi, 'POST', `/api/admin/jobs/dead/${job.id}/retry`, undefined, { token: owner })).status).toBe(200);
    await until(() => runs.filter((r) => r.queue === 'fails').length === 4);
    await until(async () => !(await call(koi, 'GET', '/api/admin/jobs/dead', undefined, { token: owner })).body.items.some((d: { id: string }) => d.id === job.id));
    const again = await call(koi, 'POST', `/api/admin/jobs/dead/${job.id}/retry`, undefined, { token: owner });
    expect(again.status).toBe(404);
  });

  it('runs a delayed job no earlier than asked', async () => {
    const sent = Date.now();
    await koi.jobs.send('test.delayed', { n: 1 }, { startAfter: new Date(sent + 2000) });
    await until(() => runs.some((r) => r.queue === 'delayed' && (r.data as { n?: number }).n === 1));
    expect(runs.find((r) => (r.data as { n?: number }).n === 1)!.at - sent).toBeGreaterThanOrEqual(1900);
  });

  it('turns an outbox event into one job, even when the event is delivered twice', async () => {
    await koi.db.tx(async (q) => {
      const { publish } = await import('../src/platform/events.ts');
      await publish(q, 'test.order_paid', { orderNo: 'P-1' });
    });
    await until(() => runs.some((r) => (r.data as { payload?: { orderNo?: string } }).payload?.orderNo === 'P-1'));
    await koi.db.run((q) => q.execute(sql`update outbox_events set dispatched_at = null, claimed_until = null where topic = 'test.order_paid'`));
    await until(async () => (await koi.db.rows(sql`select 1 from outbox_events where topic = 'test.order_paid' and dispatched_at is null`)).length === 0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs.filter((r) => (r.data as { payload?: { orderNo?: string } }).payload?.orderNo === 'P-1')).toHaveLength(1);
  });

  it('registers the nightly schedule', async () => {
    const rows = await koi.db.rows<{ name: string; cron: string }>(sql`select name, cron from pgboss.schedule`);
    expect(rows).toContainEqual(expect.objectContaining({ name: 'platform.prune', cron: '17 4 * * *' }));
  });
});
