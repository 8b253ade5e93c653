import type { TOk, TStaffLoginRequest, TStaffMe, TStaffSession } from '@koi/contracts';
import { http } from './http.ts';

export function login(body: TStaffLoginRequest): Promise<TStaffSession> {
  return http.post<TStaffSession>('/auth/login', body);
}

/** Silent: signing out must succeed locally even if the server already forgot the session. */
export function logout(): Promise<TOk> {
  return http.post<TOk>('/auth/logout', undefined, { silent: true });
}

export function getMe(): Promise<TStaffMe> {
  return http.get<TStaffMe>('/me');
}
