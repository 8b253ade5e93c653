import { z } from 'zod';
import { ZSignupConsent } from '../customer/privacy.ts';

/** Mainland mobile number, 11 digits starting with 1. */
export const ZPhone = z.string().trim().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number');

export const ZSendOtpRequest = z.strictObject({ phone: ZPhone });
export type TSendOtpRequest = z.infer<typeof ZSendOtpRequest>;
export const ZSendOtpResponse = z.object({
  sent: z.literal(true),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export type TSendOtpResponse = z.infer<typeof ZSendOtpResponse>;

/** `consent` (optional, additive): what the shopper agreed to on the sign-in page; recorded when the login registers them. */
export const ZPhoneLoginRequest = z.strictObject({ phone: ZPhone, code: z.string().trim().regex(/^\d{6}$/, 'must be 6 digits'), consent: ZSignupConsent.optional() });
export type TPhoneLoginRequest = z.infer<typeof ZPhoneLoginRequest>;

/** `mp`: code from uni.login in the mini-program (jscode2session); `oauth`: code from the H5 OAuth redirect. */
export const ZWechatLoginRequest = z.strictObject({ code: z.string().trim().min(1).max(128), kind: z.enum(['mp', 'oauth']), consent: ZSignupConsent.optional() });
export type TWechatLoginRequest = z.infer<typeof ZWechatLoginRequest>;

export const ZShopper = z.object({
  id: z.string(),
  nickname: z.string(),
  /** Masked: 138****5678. */
  phone: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  wechatBound: z.boolean(),
  createdAt: z.string(),
});
export type TShopper = z.infer<typeof ZShopper>;

export const ZShopSession = z.object({ token: z.string(), expiresAt: z.string(), shopper: ZShopper });
export type TShopSession = z.infer<typeof ZShopSession>;

/** Where the H5 build sends the shopper for WeChat OAuth (the simulator in demo mode). */
export const ZWechatOauthUrlQuery = z.object({ redirect: z.string().min(1).max(2000) });
export const ZWechatOauthUrl = z.object({ url: z.string() });

/** A device the shopper is signed in on (我的 → 登录设备); they can sign any of them out. */
export const ZShopperDevice = z.object({
  id: z.string(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export const ZShopperDeviceList = z.object({ items: z.array(ZShopperDevice) });
export type TShopperDevice = z.infer<typeof ZShopperDevice>;
