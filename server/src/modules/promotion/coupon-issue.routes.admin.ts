import { z } from 'zod';
import ExcelJS from 'exceljs';
import {
  ZCodeBatch, ZCodeBatchInput, ZCodeBatchList, ZCodeBatchQuery, ZIssueJob, ZIssueJobList, ZIssueJobQuery, ZIssueToListInput, ZIssueToSegmentInput,
  ZRewardSettings,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import { attachment, XLSX_TYPE } from '../../platform/xlsx.ts';
import { fileBytes, oneFile, withMultipart } from '../../platform/uploads.ts';
import type { CouponCodes } from './coupon-codes.ts';
import type { CouponIssueJobs } from './coupon-issue-jobs.ts';
import type { CouponRewards } from './coupon-rewards.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const view = requireStaff('marketing:view');
const manage = requireStaff('marketing:manage');
const ZId = z.object({ id: z.uuid() });
const MAX_LIST_BYTES = 5 * 1024 * 1024;
const MAX_LIST_ROWS = 100_000;

/** The first column of the first sheet (a header such as 客户/手机号 is skipped: it is neither an id nor a number). */
async function firstColumn(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new KoiError('promotion.list_not_xlsx');
  }
  const out: string[] = [];
  wb.worksheets[0]?.eachRow({ includeEmpty: false }, (r, n) => {
    const v = r.getCell(1).text.trim();
    if (v && !(n === 1 && /[^\d\s+\-a-f]/i.test(v))) out.push(v);
  });
  return out;
}

/** 兑换码 batches, 定向发券 jobs (list, upload, segment) and the reward settings. */
export function registerAdminCouponIssueRoutes(app: App, deps: { codes: CouponCodes; jobs: CouponIssueJobs; rewards: CouponRewards }) {
  const { codes, jobs, rewards } = deps;

  app.get('/api/admin/coupon-code-batches', { schema: { ...admin, summary: 'A template\'s code batches', querystring: ZCodeBatchQuery, response: { 200: ZCodeBatchList } }, preValidation: view },
    async (req) => codes.batches(req.query.templateId));
  app.post('/api/admin/coupon-code-batches', {
    schema: { ...admin, summary: 'Generate unique redeem codes (never more than the template has left) or one shared code with a limit', body: ZCodeBatchInput, response: { 200: ZCodeBatch } },
    preValidation: manage,
  }, async (req) => codes.createBatch(req.body, staffOf(req).id));
  app.get('/api/admin/coupon-code-batches/:id/codes.xlsx', { schema: { ...admin, summary: 'The batch\'s codes (.xlsx)', params: ZId }, preValidation: manage },
    async (req, reply) => {
      const f = await codes.exportBatch(req.params.id);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(f.name)).send(f.body);
    });

  app.get('/api/admin/coupon-issue-jobs', { schema: { ...admin, summary: 'Recent 定向发券 jobs', querystring: ZIssueJobQuery, response: { 200: ZIssueJobList } }, preValidation: view },
    async (req) => ({ items: await jobs.list(req.query.templateId) }));
  app.post('/api/admin/coupon-issue-jobs/list', {
    schema: { ...admin, summary: 'Issue to listed customers (shopper ids or mobile numbers): a job; poll its progress', body: ZIssueToListInput, response: { 200: ZIssueJob } },
    preValidation: manage,
  }, async (req) => jobs.toList(req.body.templateId, req.body.customers, staffOf(req).id));
  app.post('/api/admin/coupon-issue-jobs/segment', {
    schema: { ...admin, summary: 'Issue to a segment\'s members (snapshot taken when the job starts); 422 promotion.segments_unavailable without the audience module', body: ZIssueToSegmentInput, response: { 200: ZIssueJob } },
    preValidation: manage,
  }, async (req) => jobs.toSegment(req.body.templateId, req.body.segmentId, staffOf(req).id));
  app.get('/api/admin/coupon-issue-jobs/:id', { schema: { ...admin, summary: 'A job\'s progress and skipped customers', params: ZId, response: { 200: ZIssueJob } }, preValidation: view },
    async (req) => jobs.status(req.params.id));
  app.get('/api/admin/coupon-issue-jobs/:id/skipped.xlsx', { schema: { ...admin, summary: 'Every skipped customer with the reason (.xlsx)', params: ZId }, preValidation: view },
    async (req, reply) => reply.type(XLSX_TYPE).header('content-disposition', attachment('未发放客户.xlsx')).send(await jobs.skippedReport(req.params.id)));

  app.get('/api/admin/coupon-rewards', { schema: { ...admin, summary: 'Which template each reward occasion issues', response: { 200: ZRewardSettings } }, preValidation: view },
    async () => rewards.settings());
  app.put('/api/admin/coupon-rewards', { schema: { ...admin, summary: 'Set the reward templates (null: none)', body: ZRewardSettings, response: { 200: ZRewardSettings } }, preValidation: manage },
    async (req) => rewards.saveSettings(req.body));

  withMultipart(app, MAX_LIST_BYTES, (sc) => {
    sc.post('/api/admin/coupon-issue-jobs/upload', {
      preValidation: manage,
      schema: { ...admin, consumes: ['multipart/form-data'], summary: 'Issue to the customers in the first column of an .xlsx (field "file")', querystring: z.object({ templateId: z.uuid() }), response: { 200: ZIssueJob } },
    }, async (req) => {
      const file = await oneFile(req, MAX_LIST_BYTES);
      if (!file) throw new KoiError('promotion.list_file_required');
      const bytes = await fileBytes(file);
      if (!bytes) throw new KoiError('promotion.list_too_large', { rows: MAX_LIST_ROWS });
      const customers = await firstColumn(bytes);
      if (!customers.length) throw new KoiError('promotion.list_empty');
      if (customers.length > MAX_LIST_ROWS) throw new KoiError('promotion.list_too_large', { rows: MAX_LIST_ROWS });
      return jobs.toList(req.query.templateId, customers, staffOf(req).id);
    });
  });
}
