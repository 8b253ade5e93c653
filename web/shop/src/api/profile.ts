import { ZShopProfile, type TShopProfile, type TShopProfileUpdate } from '@koi/contracts';
import { request } from './request';

/** 我的资料: my name, gender, birthday and region. */
export function getMyProfile(): Promise<TShopProfile> {
  return request('/api/shop/me/profile', { schema: ZShopProfile });
}

export function updateMyProfile(body: TShopProfileUpdate): Promise<TShopProfile> {
  return request('/api/shop/me/profile', { method: 'PUT', body, schema: ZShopProfile });
}
