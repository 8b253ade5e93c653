import type { TDeadJobList, TOk } from '@koi/contracts';
import { http, type TPageParams } from './http.ts';

export function listDeadJobs(params: TPageParams): Promise<TDeadJobList> {
  return http.get<TDeadJobList>('/jobs/dead', { query: { ...params } });
}

export function retryDeadJob(id: string): Promise<TOk> {
  return http.post<TOk>(`/jobs/dead/${encodeURIComponent(id)}/retry`);
}
