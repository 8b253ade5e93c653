import {
  ZOk,
  ZSendOtpResponse,
  ZShopper,
  ZShopperDeviceList,
  ZShopSession,
  ZWechatOauthUrl,
  type TOk,
  type TPhoneLoginRequest,
  type TSendOtpRequest,
  type TSendOtpResponse,
  type TShopper,
  type TShopperDevice,
  type TShopSession,
  type TWechatLoginRequest,
} from '@koi/contracts';
import { request } from './request';

/** Texts the shopper a 6-digit code (429 problem when asked again too soon). */
export function sendOtp(body: TSendOtpRequest): Promise<TSendOtpResponse> {
  return request('/api/shop/auth/otp', { method: 'POST', body, schema: ZSendOtpResponse });
}

export function loginWithPhone(body: TPhoneLoginRequest): Promise<TShopSession> {
  return request('/api/shop/auth/login/phone', { method: 'POST', body, schema: ZShopSession });
}

/** `mp`: code from uni.login in the mini-program; `oauth`: code the H5 OAuth redirect brought back. */
export function loginWithWechat(body: TWechatLoginRequest): Promise<TShopSession> {
  return request('/api/shop/auth/login/wechat', { method: 'POST', body, schema: ZShopSession });
}

/** Where to send an H5 shopper for WeChat OAuth; it comes back to `redirect` with `?code=&state=`. */
export async function getWechatOauthUrl(redirect: string): Promise<string> {
  const { url } = await request('/api/shop/auth/wechat/oauth-url', { query: { redirect }, schema: ZWechatOauthUrl });
  return url;
}

export function logout(): Promise<TOk> {
  return request('/api/shop/auth/logout', { method: 'POST', schema: ZOk });
}

export function getMe(): Promise<TShopper> {
  return request('/api/shop/me', { schema: ZShopper });
}

/** Every device signed in to this account, newest first; `current` marks this one. */
export async function listDevices(): Promise<TShopperDevice[]> {
  const { items } = await request('/api/shop/me/devices', { schema: ZShopperDeviceList });
  return items;
}

/** Signs one device out (404 problem if it is not one of the shopper's). */
export function signOutDevice(id: string): Promise<TOk> {
  return request(`/api/shop/me/devices/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk });
}
