import type {
  TCustomerTags, TTag, TTagGroup, TTagGroupInput, TTagInput, TTagList, TTagRun, TTagSettings, TTagUpdate,
} from '@koi/contracts';
import { http } from './http.ts';

/** 标签管理 (issue 7 §4): tags, groups, system-tag settings, recompute runs, a customer's tags. */
export const listTags = (query: { kind?: TTag['kind'] } = {}) => http.get<TTagList>('/tags', { query: { ...query } });
export const createTag = (input: TTagInput) => http.post<TTag>('/tags', input);
export const updateTag = (id: string, patch: TTagUpdate) => http.put<TTag>(`/tags/${encodeURIComponent(id)}`, patch);
export const deleteTag = (id: string) => http.del<{ ok: true }>(`/tags/${encodeURIComponent(id)}`);

export const createTagGroup = (input: TTagGroupInput & { kind?: 'manual' | 'rule' }) => http.post<TTagGroup>('/tags/groups', input);
export const updateTagGroup = (id: string, input: TTagGroupInput) => http.put<TTagGroup>(`/tags/groups/${encodeURIComponent(id)}`, input);
export const deleteTagGroup = (id: string) => http.del<{ ok: true }>(`/tags/groups/${encodeURIComponent(id)}`);

export const getTagSettings = () => http.get<TTagSettings>('/tags/settings');
export const saveTagSettings = (value: TTagSettings) => http.put<TTagSettings>('/tags/settings', value);

export const startRecompute = (scope: 'all' | 'system' | 'rules' = 'all') => http.post<TTagRun>('/tags/recompute', { scope });
export const getTagRun = (id: string) => http.get<TTagRun>(`/tags/runs/${encodeURIComponent(id)}`);
export const latestTagRun = () => http.get<{ run: TTagRun | null }>('/tags/runs/latest');

export const customerTags = (customerId: string) => http.get<TCustomerTags>(`/customers/${encodeURIComponent(customerId)}/tags`);
export const tagCustomer = (customerId: string, tagIds: string[], note?: string) =>
  http.post<{ tagged: number; already: number }>(`/customers/${encodeURIComponent(customerId)}/tags`, { tagIds, ...(note ? { note } : {}) });
export const untagCustomer = (customerId: string, tagId: string) =>
  http.del<{ ok: true }>(`/customers/${encodeURIComponent(customerId)}/tags/${encodeURIComponent(tagId)}`);
