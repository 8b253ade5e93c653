import type { TAdminLocalDelivery, TAdminPickup, TStoreProfile, TStoreProfileInput } from '@koi/contracts';
import { http } from './http.ts';

/** Stores (门店) with pickup and local delivery settings; pickup verification; local deliveries. */
export function listStoreProfiles(): Promise<{ items: TStoreProfile[] }> {
  return http.get<{ items: TStoreProfile[] }>('/store-profiles');
}

export function createStoreProfile(body: TStoreProfileInput): Promise<TStoreProfile> {
  return http.post<TStoreProfile>('/store-profiles', body);
}

export function updateStoreProfile(id: string, body: TStoreProfileInput): Promise<TStoreProfile> {
  return http.put<TStoreProfile>(`/store-profiles/${encodeURIComponent(id)}`, body);
}

export function listPickups(status: 'ready' | 'picked_up'): Promise<{ items: TAdminPickup[] }> {
  return http.get<{ items: TAdminPickup[] }>(`/pickups?status=${status}`);
}

/** Wrong codes are refused quietly (the page says why), so `silent`. */
export function lookupPickup(code: string): Promise<TAdminPickup> {
  return http.post<TAdminPickup>('/pickups/lookup', { code }, { silent: true });
}

export function verifyPickup(code: string): Promise<TAdminPickup> {
  return http.post<TAdminPickup>('/pickups/verify', { code }, { silent: true });
}

export function listLocalDeliveries(status: 'waiting' | 'out_for_delivery' | 'delivered' | 'all'): Promise<{ items: TAdminLocalDelivery[] }> {
  return http.get<{ items: TAdminLocalDelivery[] }>(`/local-deliveries?status=${status}`);
}

export function markLocalOut(orderId: string): Promise<TAdminLocalDelivery> {
  return http.post<TAdminLocalDelivery>(`/local-deliveries/${encodeURIComponent(orderId)}/out`);
}

export function markLocalDelivered(orderId: string): Promise<TAdminLocalDelivery> {
  return http.post<TAdminLocalDelivery>(`/local-deliveries/${encodeURIComponent(orderId)}/delivered`);
}
