import { z } from 'zod';

/**
 * The customer data platform's identities and events (issue 7). One customer has many identities;
 * a strong identity names one person, a partial one (a masked phone such as `138****5678`) is kept
 * for display and search but never joins two customers on its own.
 */
export const IDENTITY_KINDS = [
  'phone', 'phone_masked', 'wechat_openid', 'wechat_unionid', 'email',
  'taobao', 'jd', 'douyin', 'youzan', 'member_card',
] as const;
export const ZIdentityKind = z.enum(IDENTITY_KINDS);
export type TIdentityKind = z.infer<typeof ZIdentityKind>;

/** Where a customer first came from (来源渠道). Imports name their platform; campaigns may add more. */
export const SOURCE_CHANNELS = ['shop', 'wechat', 'taobao', 'jd', 'douyin', 'youzan', 'offline', 'manual'] as const;
export const ZSourceChannel = z.enum(SOURCE_CHANNELS);
export type TSourceChannel = z.infer<typeof ZSourceChannel>;

export type TIdentityClaim = { kind: TIdentityKind; value: string };

/** The profile fields the segments and tags read (a copy of them lives in the audience module). */
export type TCustomerProfileFacts = {
  customerId: string;
  gender: 'male' | 'female' | 'unknown';
  /** YYYY-MM-DD or null. */
  birthday: string | null;
  /** GB/T 2260 district/city/province code, the most precise known, or null. */
  regionCode: string | null;
  sourceChannel: string;
  firstSeenAt: string;
  lastSeenAt: string;
};

/** Events the customer module publishes through the outbox. */
export const CustomerEvents = {
  /** Profiles created or changed, in batches (an import publishes one per batch of rows). */
  profilesChanged: 'customer.profiles_changed',
  /** `fromId` was merged into `intoId`: every module moves what `fromId` owned to `intoId`. */
  merged: 'customer.merged',
  /** PIPL deletion done: personal fields are gone; financial records stay under `customerId` (now pseudonymous). */
  erased: 'customer.erased',
} as const;

export type TCustomerProfilesChangedEvent = {
  profiles: TCustomerProfileFacts[];
  at: string;
  /**
   * The publisher recomputes these customers' tags itself (an import's closing pass, once for the
   * whole import): copy the facts, but do not recompute tags per event. Absent on ordinary changes.
   */
  deferTags?: true;
};
export type TCustomerMergedEvent = { fromId: string; intoId: string; staffId: string | null; reason: string; at: string };
export type TCustomerErasedEvent = { customerId: string; at: string };
