import { desc, eq, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TIssueJob, TIssueSkipReason } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { promotionCouponIssueJobs, type IssueSkip } from './coupon-issue.tables.ts';
import type { CouponIssuer } from './coupon-issue.ts';
import { classifyEntry, issuableNow, issueKey } from './coupon-issue.rules.ts';
import type { IssuancePorts } from './coupon-issue-ports.ts';

export const ISSUE_QUEUE = 'promotion.coupon-issue';
const CHUNK = 200;
const SAMPLE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type JobRow = typeof promotionCouponIssueJobs.$inferSelect;

/**
 * 定向发券: issue a template to listed customers (ids or phones) or to a segment's snapshot, as a
 * durable job. Entries are processed in chunks; progress is saved after each, so a restarted job
 * goes on from where it stopped, and the per-entry issue key (`list:<job>:<customer>`) makes a
 * repeated chunk issue nothing twice. Every refusal is kept with its reason for the report.
 */
export function createCouponIssueJobs(deps: { db: Db; jobs?: Jobs; log?: Logger; issuer: CouponIssuer; ports: IssuancePorts }) {
  const { db, issuer, ports } = deps;

  /** What the admin polls, without the entries and with only the first skipped ones (a list may hold 100,000). */
  const summaryColumns = {
    id: promotionCouponIssueJobs.id, templateId: promotionCouponIssueJobs.templateId, source: promotionCouponIssueJobs.source,
    segmentId: promotionCouponIssueJobs.segmentId, status: promotionCouponIssueJobs.status, total: promotionCouponIssueJobs.total,
    processed: promotionCouponIssueJobs.processed, issued: promotionCouponIssueJobs.issued, message: promotionCouponIssueJobs.message,
    createdAt: promotionCouponIssueJobs.createdAt, finishedAt: promotionCouponIssueJobs.finishedAt,
    skippedCount: sql<number>`jsonb_array_length(${promotionCouponIssueJobs.skipped})`,
    sample: sql<IssueSkip[] | string | null>`(select jsonb_agg(x.v) from (select v from jsonb_array_elements(${promotionCouponIssueJobs.skipped}) with ordinality as e(v, n) order by n limit ${SAMPLE}) x)`,
  };
  const summaries = (where: SQL) => db.run((q) => q.select(summaryColumns).from(promotionCouponIssueJobs).where(where)
    .orderBy(desc(promotionCouponIssueJobs.createdAt)).limit(20));
  type Summary = Awaited<ReturnType<typeof summaries>>[number];

  function present(r: Summary): TIssueJob {
    const raw: unknown = r.sample;
    const sample = (typeof raw === 'string' ? JSON.parse(raw) : raw ?? []) as IssueSkip[];
    const skipped = Number(r.skippedCount);
    return {
      id: r.id, templateId: r.templateId, source: r.source, segmentId: r.segmentId, status: r.status, total: r.total, processed: r.processed,
      issued: r.issued, skipped, skippedSample: sample.map((x) => ({ customer: x.customer, reason: x.reason as TIssueSkipReason })),
      reportUrl: skipped ? `/api/admin/coupon-issue-jobs/${r.id}/skipped.xlsx` : null, message: r.message,
      createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  }

  async function summary(id: string): Promise<TIssueJob> {
    const [r] = UUID.test(id) ? await summaries(eq(promotionCouponIssueJobs.id, id)) : [];
    if (!r) throw new KoiError('resource.not_found', { what: 'issue_job' });
    return present(r);
  }

  async function row(id: string): Promise<JobRow> {
    const [r] = UUID.test(id) ? await db.run((q) => q.select().from(promotionCouponIssueJobs).where(eq(promotionCouponIssueJobs.id, id))) : [];
    if (!r) throw new KoiError('resource.not_found', { what: 'issue_job' });
    return r;
  }

  async function checkedTemplate(templateId: string) {
    const t = await issuer.template(templateId);
    if (!t) throw new KoiError('resource.not_found', { what: 'coupon_template' });
    if (!issuableNow(t, clock.now())) throw new KoiError('promotion.template_not_issuable');
    return t;
  }

  async function enqueue(values: typeof promotionCouponIssueJobs.$inferInsert): Promise<TIssueJob> {
    const [r] = await db.run((q) => q.insert(promotionCouponIssueJobs).values(values).returning({ id: promotionCouponIssueJobs.id }));
    if (deps.jobs) await deps.jobs.send(ISSUE_QUEUE, { jobId: r!.id }, { id: r!.id });
    return summary(r!.id);
  }

  /** A segment job reads its snapshot's members into the job first (once), then runs like a list. */
  async function materialize(r: JobRow): Promise<JobRow> {
    if (r.source !== 'segment' || r.total > 0 || !r.segmentId) return r;
    const audience = ports.audience;
    if (!audience) throw new KoiError('promotion.segments_unavailable');
    const snap = await audience.snapshotSegment(r.segmentId);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await audience.snapshotMembers(snap.snapshotId, cursor);
      ids.push(...page.customerIds);
      cursor = page.nextCursor;
    } while (cursor);
    const [next] = await db.run((q) => q.update(promotionCouponIssueJobs).set({ entries: ids, total: ids.length }).where(eq(promotionCouponIssueJobs.id, r.id)).returning());
    return next!;
  }

  async function run(jobId: string): Promise<void> {
    let r = await row(jobId);
    if (r.status === 'done' || r.status === 'failed') return;
    await db.run((q) => q.update(promotionCouponIssueJobs).set({ status: 'running' }).where(eq(promotionCouponIssueJobs.id, jobId)));
    try {
      r = await materialize(r);
      const seen = new Set<string>();
      let soldOut = false;
      for (let at = r.processed; at < r.entries.length; at += CHUNK) {
        const slice = r.entries.slice(at, at + CHUNK).map(classifyEntry);
        const phones = slice.flatMap((e) => (e.type === 'phone' ? [e.phone] : []));
        const ids = slice.flatMap((e) => (e.type === 'id' ? [e.id] : []));
        const byPhone = phones.length ? await ports.customers.byPhones(phones) : new Map<string, string>();
        const known = ids.length ? await ports.customers.existing(ids) : new Set<string>();
        const skips: IssueSkip[] = [];
        let issued = 0;
        for (const e of slice) {
          const customerId = e.type === 'id' ? (known.has(e.id) ? e.id : null) : e.type === 'phone' ? (byPhone.get(e.phone) ?? null) : null;
          const skip = (reason: TIssueSkipReason) => skips.push({ customer: e.raw, reason });
          if (e.type === 'invalid') { skip('invalid'); continue; }
          if (!customerId) { skip('not_found'); continue; }
          if (seen.has(customerId)) { skip('duplicate'); continue; }
          seen.add(customerId);
          if (soldOut) { skip('sold_out'); continue; }
          const out = await issuer.issue(r.templateId, customerId, issueKey({ kind: 'list', jobId, customerId }));
          if (out.ok) issued++;
          else {
            skip(out.reason === 'already_issued' ? 'duplicate' : out.reason);
            if (out.reason === 'sold_out') soldOut = true;
          }
        }
        const processed = Math.min(at + CHUNK, r.entries.length);
        await db.rows(sql`update promotion_coupon_issue_jobs set processed = ${processed}, issued = issued + ${issued},
          skipped = skipped || ${JSON.stringify(skips)}::jsonb where id = ${jobId} and processed = ${at}`);
      }
      const done = await row(jobId);
      await db.run((q) => q.update(promotionCouponIssueJobs).set({
        status: 'done', finishedAt: clock.now(),
        message: done.skipped.length ? `已发放 ${done.issued} 张，${done.skipped.length} 位客户未发放，请查看原因` : `已发放 ${done.issued} 张`,
      }).where(eq(promotionCouponIssueJobs.id, jobId)));
    } catch (err) {
      deps.log?.warn({ err, jobId }, 'coupon issue job failed');
      const message = err instanceof KoiError ? err.localized('zh-CN') : '发放中断，请重试';
      await db.run((q) => q.update(promotionCouponIssueJobs).set({ status: 'failed', message, finishedAt: clock.now() }).where(eq(promotionCouponIssueJobs.id, jobId)));
    }
  }

  deps.jobs?.define<{ jobId: string }>(ISSUE_QUEUE, { retryLimit: 2, expireInSeconds: 3600 }, ({ jobId }) => run(jobId));

  return {
    run,
    async toList(templateId: string, customers: string[], staffId: string | null): Promise<TIssueJob> {
      await checkedTemplate(templateId);
      const entries = customers.map((c) => c.trim()).filter(Boolean);
      return enqueue({ id: newId(), templateId, source: 'list', segmentId: null, entries, status: 'queued', total: entries.length, skipped: [], createdBy: staffId, createdAt: clock.now() });
    },
    async toSegment(templateId: string, segmentId: string, staffId: string | null): Promise<TIssueJob> {
      await checkedTemplate(templateId);
      if (!ports.audience) throw new KoiError('promotion.segments_unavailable');
      return enqueue({ id: newId(), templateId, source: 'segment', segmentId, entries: [], status: 'queued', total: 0, skipped: [], createdBy: staffId, createdAt: clock.now() });
    },
    status: summary,
    async list(templateId?: string): Promise<TIssueJob[]> {
      const rows = await summaries(templateId && UUID.test(templateId) ? eq(promotionCouponIssueJobs.templateId, templateId) : sql`true`);
      return rows.map(present);
    },
    /** Every skipped customer with the reason, as .xlsx. */
    async skippedReport(id: string): Promise<Buffer> {
      const r = await row(id);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('未发放');
      ws.columns = [{ header: '客户', width: 40 }, { header: '原因', width: 30 }];
      for (const s of r.skipped) ws.addRow([s.customer, REASON_ZH[s.reason as TIssueSkipReason] ?? s.reason]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
export type CouponIssueJobs = ReturnType<typeof createCouponIssueJobs>;

export const REASON_ZH: Record<TIssueSkipReason, string> = {
  not_found: '找不到该客户', invalid: '不是客户编号或手机号', duplicate: '名单中重复', limit_reached: '已达每人限领张数',
  sold_out: '优惠券已发完', already_issued: '已发放过', not_issuable: '优惠券已结束或不可发放',
};
