import type {
  TCreateStaffRequest,
  TRoleInfo,
  TStaff,
  TStaffList,
  TStore,
  TUpdateStaffRequest,
} from '@koi/contracts';
import { http, type TPageParams } from './http.ts';

export function listStaff(params: TPageParams): Promise<TStaffList> {
  return http.get<TStaffList>('/staff', { query: { ...params } });
}

export function createStaff(body: TCreateStaffRequest): Promise<TStaff> {
  return http.post<TStaff>('/staff', body);
}

export function updateStaff(id: string, body: TUpdateStaffRequest): Promise<TStaff> {
  return http.patch<TStaff>(`/staff/${encodeURIComponent(id)}`, body);
}

export function listRoles(): Promise<{ items: TRoleInfo[] }> {
  return http.get<{ items: TRoleInfo[] }>('/roles');
}

export function listStores(): Promise<{ items: TStore[] }> {
  return http.get<{ items: TStore[] }>('/stores');
}
