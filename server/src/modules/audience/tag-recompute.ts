import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { TRfmThresholds, TTagRun } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audienceTagRuns } from './tag.tables.ts';
import type { TagCatalog } from './tag-catalog.ts';
import { recomputeSystemTags, rfmThresholdsSql } from './system-tags-sql.ts';
import { recomputeRuleTagsForPage, ruleTags, type SegmentFactsLoader } from './tag-rules.ts';

export const TAGS_QUEUE = 'audience.tags-recompute';
/** Customers per statement of a full pass: big enough to amortise, small enough that a transaction stays short. */
export const TAG_PAGE = 5_000;
/** Customers per transaction of an incremental recompute. */
const INCREMENTAL_CHUNK = 1_000;
/**
 * Every writer of rule and system tags takes this transaction-level advisory lock, so two passes
 * (the nightly job and one an operator asked for, or an import's incremental recompute) never write
 * the same customers' tags at once: no deadlock, no tag lost or doubled between them.
 */
const LOCK_KEY = 7_220_731;

export type TagScope = 'all' | 'system' | 'rules';
type RunRow = typeof audienceTagRuns.$inferSelect;
const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export function runView(r: RunRow): TTagRun {
  return {
    id: r.id, scope: r.scope, status: r.status, total: r.total, processed: r.processed, thresholds: r.thresholds ?? null, message: r.message,
    createdAt: new Date(r.createdAt).toISOString(), startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt),
  };
}

/**
 * Recomputing rule and system tags (issue 7 §4): incrementally for the customers whose facts changed,
 * and in full passes (nightly, or when the operator asks) as a durable job with progress, by keyset
 * pages of `audience_customers` so memory stays flat whatever the number of customers.
 */
export function createTagRecompute(deps: { db: Db; log: Logger; jobs: Jobs; catalog: TagCatalog; loadFacts: SegmentFactsLoader }) {
  const { db, log, jobs, catalog } = deps;

  const lock = async (q: Q) => {
    await db.rows(sql`select pg_advisory_xact_lock(${LOCK_KEY})`, q);
    // The planner misjudges the CTE chain's rows and JIT-compiles a statement that runs in ms (~250 ms lost per page).
    if (db.kind === 'postgres') await db.rows(sql`set local jit = off`, q);
  };

  /** The cut points of the last full pass; computed now when there has been none. */
  async function currentThresholds(now: Date, q?: Q): Promise<TRfmThresholds | null> {
    const [last] = await db.run((x) => x.select({ t: audienceTagRuns.thresholds }).from(audienceTagRuns)
      .where(sql`${audienceTagRuns.status} = 'done' and ${audienceTagRuns.scope} in ('all', 'system')`)
      .orderBy(desc(audienceTagRuns.finishedAt)).limit(1), q);
    if (last) return last.t ?? null;
    return rfmThresholdsSql(db, (await catalog.settings(q)).rfm, now, q);
  }

  /** What a recompute reads once, not per chunk: with no full pass yet, the thresholds are quantiles over everyone. */
  async function prepare(q?: Q) {
    const now = clock.now();
    await catalog.ensureSystemTags(q);
    const settings = await catalog.settings(q);
    const thresholds = await currentThresholds(now, q);
    return { now, settings, thresholds, rules: await ruleTags(db, q) };
  }

  async function recomputeChunks(ctx: Awaited<ReturnType<typeof prepare>>, ids: readonly string[], q?: Q): Promise<void> {
    const { now, settings, thresholds, rules } = ctx;
    for (let i = 0; i < ids.length; i += INCREMENTAL_CHUNK) {
      const chunk = ids.slice(i, i + INCREMENTAL_CHUNK);
      const work = async (tx: Q) => {
        await lock(tx);
        await recomputeSystemTags(db, { scope: { ids: chunk }, settings, thresholds, now }, tx);
        await recomputeRuleTagsForPage(db, deps, { tags: rules, customerIds: chunk, now }, tx);
      };
      await (q ? work(q) : db.tx(work));
    }
  }

  /**
   * Recomputes the rule and system tags of these customers now (after their orders or profile
   * changed). Inside `q` when given (the caller's transaction), else in transactions of its own.
   * RFM uses the cut points of the last full pass: quantiles describe the whole population, which
   * one order does not move; the nightly pass refreshes them.
   */
  async function recomputeTagsFor(customerIds: readonly string[], q?: Q): Promise<void> {
    const ids = [...new Set(customerIds)];
    if (!ids.length) return;
    await recomputeChunks(await prepare(q), ids, q);
  }

  /**
   * The same for a stream of pages of customers (a bulk writer such as the import, after its last
   * batch): settings and thresholds read once for all pages, each chunk in a transaction of its own,
   * so memory holds one page whatever the number of customers.
   */
  async function recomputeTagsForPages(pages: AsyncIterable<readonly string[]>): Promise<void> {
    let ctx: Awaited<ReturnType<typeof prepare>> | null = null;
    for await (const page of pages) {
      const ids = [...new Set(page)];
      if (!ids.length) continue;
      ctx ??= await prepare();
      await recomputeChunks(ctx, ids);
      await breathe();
    }
  }

  /** One full pass of `runId`: thresholds first, then page after page, counting progress. */
  async function runPass(runId: string): Promise<TTagRun> {
    const [run] = await db.run((x) => x.select().from(audienceTagRuns).where(eq(audienceTagRuns.id, runId)));
    if (!run) throw new KoiError('resource.not_found', { what: 'tag_run' });
    if (run.status === 'done') return runView(run);
    const scope = run.scope as TagScope;
    const now = clock.now();
    try {
      await catalog.ensureSystemTags();
      const settings = await catalog.settings();
      const [count] = await db.rows<{ n: number | string }>(sql`select count(*) as n from audience_customers`);
      const thresholds = scope === 'rules' ? null : await rfmThresholdsSql(db, settings.rfm, now);
      const rules = scope === 'system' ? [] : await ruleTags(db);
      await db.run((x) => x.update(audienceTagRuns).set({ status: 'running', startedAt: now, total: Number(count?.n ?? 0), processed: 0, thresholds, message: null })
        .where(eq(audienceTagRuns.id, runId)));
      let after: string | null = null;
      let processed = 0;
      for (;;) {
        const page: string[] = (await db.rows<{ customer_id: string }>(sql`select customer_id from audience_customers
          where ${after === null ? sql`true` : sql`customer_id > ${after}::uuid`} order by customer_id limit ${TAG_PAGE}`)).map((r) => r.customer_id);
        // The last page's range is open, so tags of customers no longer in audience_customers go too.
        const upTo: string | null = page.length === TAG_PAGE ? page[page.length - 1]! : null;
        await db.tx(async (tx) => {
          await lock(tx);
          if (scope !== 'rules') await recomputeSystemTags(db, { scope: { after, upTo }, settings, thresholds, now }, tx);
          if (rules.length) await recomputeRuleTagsForPage(db, deps, { tags: rules, customerIds: page, now }, tx);
        });
        processed += page.length;
        await db.run((x) => x.update(audienceTagRuns).set({ processed }).where(eq(audienceTagRuns.id, runId)));
        if (upTo === null) break;
        after = upTo;
        await breathe();
      }
      const kinds: Array<'rule' | 'system'> = scope === 'all' ? ['rule', 'system'] : scope === 'system' ? ['system'] : ['rule'];
      await db.rows(sql`update audience_tags set evaluated_at = ${now.toISOString()}::timestamptz where kind = any(${sql.param(kinds)}::text[])`);
      const [done] = await db.run((x) => x.update(audienceTagRuns).set({ status: 'done', finishedAt: clock.now() }).where(eq(audienceTagRuns.id, runId)).returning());
      log.info({ runId, scope, processed }, 'tag recompute done');
      return runView(done!);
    } catch (err) {
      await db.run((x) => x.update(audienceTagRuns).set({ status: 'failed', message: String((err as Error)?.message ?? err), finishedAt: clock.now() })
        .where(eq(audienceTagRuns.id, runId)));
      throw err;
    }
  }

  async function createRun(scope: TagScope): Promise<RunRow> {
    const [row] = await db.run((x) => x.insert(audienceTagRuns).values({ id: newId(), scope, status: 'queued', createdAt: clock.now() }).returning());
    return row!;
  }

  jobs.define<{ runId?: string; scope?: TagScope }>(TAGS_QUEUE, { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 6 * 3600 }, async (data) => {
    const runId = data.runId ?? (await createRun(data.scope ?? 'all')).id;
    await runPass(runId);
  });

  return {
    recomputeTagsFor,
    recomputeTagsForPages,
    runPass,
    /** Runs a full pass here and now (demo seed, tests, benchmarks); the job does the same. */
    async recomputeAll(scope: TagScope = 'all'): Promise<TTagRun> {
      return runPass((await createRun(scope)).id);
    },
    /**
     * Queues a full pass for the job workers; while one is queued or running it is returned instead
     * of a second one (two would only do the same work twice).
     */
    async start(scope: TagScope): Promise<TTagRun> {
      const [active] = await db.run((x) => x.select().from(audienceTagRuns).where(inArray(audienceTagRuns.status, ['queued', 'running']))
        .orderBy(desc(audienceTagRuns.createdAt)).limit(1));
      if (active && clock.now().getTime() - new Date(active.createdAt).getTime() < 6 * 3600_000) return runView(active);
      const run = await createRun(scope);
      await jobs.send(TAGS_QUEUE, { runId: run.id }, { id: run.id });
      return runView(run);
    },
    async run(id: string): Promise<TTagRun> {
      const [row] = await db.run((x) => x.select().from(audienceTagRuns).where(eq(audienceTagRuns.id, id)));
      if (!row) throw new KoiError('resource.not_found', { what: 'tag_run' });
      return runView(row);
    },
    async latestRun(): Promise<TTagRun | null> {
      const [row] = await db.run((x) => x.select().from(audienceTagRuns).orderBy(desc(audienceTagRuns.createdAt)).limit(1));
      return row ? runView(row) : null;
    },
    /** The nightly full pass at 02:30 (Asia/Shanghai), after the day's orders settle. */
    async schedule(): Promise<void> {
      await jobs.schedule(TAGS_QUEUE, '30 2 * * *', { scope: 'all' });
    },
  };
}
export type TagRecompute = ReturnType<typeof createTagRecompute>;
