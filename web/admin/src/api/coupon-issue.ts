import type { TCodeBatch, TCodeBatchInput, TCodeBatchList, TIssueJob, TRewardSettings } from '@koi/contracts';
import { http, type TDownload } from './http.ts';

/** 发券 beyond claiming (issue 8 §4): 兑换码, 定向发放 to a list or a segment, and the reward settings. */
export const listCodeBatches = (templateId: string) => http.get<TCodeBatchList>('/coupon-code-batches', { query: { templateId } });
export const createCodeBatch = (body: TCodeBatchInput) => http.post<TCodeBatch>('/coupon-code-batches', body);
export const downloadCodeBatch = (id: string, fallbackName: string): Promise<TDownload> =>
  http.download(`/coupon-code-batches/${encodeURIComponent(id)}/codes.xlsx`, fallbackName);

export const issueToList = (templateId: string, customers: string[]) => http.post<TIssueJob>('/coupon-issue-jobs/list', { templateId, customers });
export const issueToUpload = (templateId: string, file: File) =>
  http.upload<TIssueJob>(`/coupon-issue-jobs/upload?templateId=${encodeURIComponent(templateId)}`, { file });
export const issueToSegment = (templateId: string, segmentId: string) => http.post<TIssueJob>('/coupon-issue-jobs/segment', { templateId, segmentId });
export const getIssueJob = (id: string) => http.get<TIssueJob>(`/coupon-issue-jobs/${encodeURIComponent(id)}`, { silent: true });
export const downloadSkipped = (id: string, fallbackName: string): Promise<TDownload> =>
  http.download(`/coupon-issue-jobs/${encodeURIComponent(id)}/skipped.xlsx`, fallbackName);

export const getRewards = () => http.get<TRewardSettings>('/coupon-rewards');
export const saveRewards = (body: TRewardSettings) => http.put<TRewardSettings>('/coupon-rewards', body);
