import type { TSegment, TSegmentExplanation, TSegmentInput, TSegmentList, TSegmentPreview, TSegmentRule, TSegmentSnapshot } from '@koi/contracts';
import { http } from './http.ts';

/** 人群 (issue 7 §5): live preview, "why", saved segments, snapshots, Excel export. */
export const previewSegment = (rule: TSegmentRule) => http.post<TSegmentPreview>('/segments/preview', { rule });
export const explainSegment = (rule: TSegmentRule, customerId: string) => http.post<TSegmentExplanation>('/segments/explain', { rule, customerId });
export const listSegments = (query: { page: number; pageSize: number; keyword?: string }) => http.get<TSegmentList>('/segments', { query: { ...query } });
export const createSegment = (input: TSegmentInput) => http.post<TSegment>('/segments', input);
export const updateSegment = (id: string, input: TSegmentInput) => http.put<TSegment>(`/segments/${encodeURIComponent(id)}`, input);
export const deleteSegment = (id: string) => http.del<void>(`/segments/${encodeURIComponent(id)}`);
export const snapshotSegment = (id: string) => http.post<TSegmentSnapshot>(`/segments/${encodeURIComponent(id)}/snapshots`);
export const listSnapshots = (id: string) => http.get<{ items: TSegmentSnapshot[] }>(`/segments/${encodeURIComponent(id)}/snapshots`);
export const exportSegment = (id: string) => http.download(`/segments/${encodeURIComponent(id)}/export`, 'segment.xlsx');
