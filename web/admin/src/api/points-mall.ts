import type { TMallItem, TMallItemInput, TMallItemList, TMallRecordPage, TOk } from '@koi/contracts';
import { http } from './http.ts';

/** 积分商城 (issue 8 point 2): items (a coupon template or a SKU for points) and exchange records. */
export const listMallItems = () => http.get<TMallItemList>('/points-mall/items');
export const createMallItem = (input: TMallItemInput) => http.post<TMallItem>('/points-mall/items', input);
export const updateMallItem = (id: string, input: TMallItemInput) => http.put<TMallItem>(`/points-mall/items/${encodeURIComponent(id)}`, input);
export const deleteMallItem = (id: string) => http.del<TOk>(`/points-mall/items/${encodeURIComponent(id)}`);
export const listMallRecords = (query: { page: number; pageSize: number; itemId?: string }) =>
  http.get<TMallRecordPage>('/points-mall/exchanges', { query: { ...query } });
