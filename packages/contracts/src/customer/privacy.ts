import { z } from 'zod';

/**
 * PIPL (个人信息保护法) records and the customer timeline (issue 7 §3, §7): consents with their policy
 * version and channel of capture, the shopper's data download, deletion requests with a cooling-off
 * period and an audit trail, and the behaviour timeline staff see on the Customer 360 page.
 */

/** The privacy policy version the shop shows now; a sign-up that agrees to it sends it back. */
export const CURRENT_PRIVACY_POLICY_VERSION = '2026-06';

export const CONSENT_PURPOSES = ['privacy_policy', 'marketing_sms', 'marketing_wechat', 'marketing_email'] as const;
export const ZConsentPurpose = z.enum(CONSENT_PURPOSES);
export type TConsentPurpose = z.infer<typeof ZConsentPurpose>;
export const MARKETING_PURPOSES = ['marketing_sms', 'marketing_wechat', 'marketing_email'] as const;
export const ZMarketingPurpose = z.enum(MARKETING_PURPOSES);
export type TMarketingPurpose = z.infer<typeof ZMarketingPurpose>;

/** Where a consent was captured: the shop (H5 or mini-program), staff in admin, or an import. */
export const CONSENT_CAPTURE_CHANNELS = ['shop', 'h5', 'mp', 'admin', 'import'] as const;
export const ZConsentCaptureChannel = z.enum(CONSENT_CAPTURE_CHANNELS);
export type TConsentCaptureChannel = z.infer<typeof ZConsentCaptureChannel>;

const ZPolicyVersion = z.string().trim().min(1).max(32);

/** Additive, optional part of the shop's login requests: what the shopper agreed to on the sign-in page. */
export const ZSignupConsent = z.strictObject({
  policyVersion: ZPolicyVersion,
  marketing: z.strictObject({ sms: z.boolean().optional(), wechat: z.boolean().optional(), email: z.boolean().optional() }).optional(),
  capturedVia: ZConsentCaptureChannel.optional(),
});
export type TSignupConsent = z.infer<typeof ZSignupConsent>;

/** One consent record (append-only): granted or withdrawn, never edited. */
export const ZConsentRecord = z.object({
  id: z.string(),
  purpose: ZConsentPurpose,
  granted: z.boolean(),
  policyVersion: z.string(),
  capturedVia: z.string(),
  /** 203.0.113.*: the last part of an IPv4 (or the last 80 bits of an IPv6) is never kept. */
  ipMasked: z.string().nullable(),
  /** HMAC of the user agent: proves "same device" without keeping the string. */
  userAgentHash: z.string().nullable(),
  at: z.string(),
});
export type TConsentRecord = z.infer<typeof ZConsentRecord>;

export const ZConsentState = z.object({
  /** The latest privacy policy version agreed to, or null when no record exists (older accounts). */
  policyVersion: z.string().nullable(),
  policyAgreedAt: z.string().nullable(),
  marketing: z.object({ sms: z.boolean(), wechat: z.boolean(), email: z.boolean() }),
});
export type TConsentState = z.infer<typeof ZConsentState>;

export const ZConsentHistory = z.object({ state: ZConsentState, items: z.array(ZConsentRecord) });
export type TConsentHistory = z.infer<typeof ZConsentHistory>;

export const ZConsentChangeRequest = z.strictObject({
  purpose: ZMarketingPurpose,
  granted: z.boolean(),
  capturedVia: z.enum(['shop', 'h5', 'mp']).optional(),
});
export type TConsentChangeRequest = z.infer<typeof ZConsentChangeRequest>;

// ---- deletion (注销账户) ----

export const DELETION_STATUSES = ['pending', 'cancelled', 'completed'] as const;
export const ZDeletionStatus = z.enum(DELETION_STATUSES);
export type TDeletionStatus = z.infer<typeof ZDeletionStatus>;

/** Typed re-confirmation: the shopper types exactly one of these phrases. */
export const DELETION_CONFIRM_PHRASES = ['确认注销', 'DELETE MY ACCOUNT'] as const;
export const ZDeletionRequestInput = z.strictObject({
  confirm: z.enum(DELETION_CONFIRM_PHRASES),
  reason: z.string().trim().max(200).optional(),
});
export type TDeletionRequestInput = z.infer<typeof ZDeletionRequestInput>;

export const ZDeletionRequest = z.object({
  id: z.string(),
  customerId: z.string(),
  status: ZDeletionStatus,
  reason: z.string().nullable(),
  requestedAt: z.string(),
  /** When the cooling-off period ends and the erasure job may run. */
  dueAt: z.string(),
  cancelledAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The pseudonym personal fields were replaced by (once completed). */
  pseudonym: z.string().nullable(),
});
export type TDeletionRequest = z.infer<typeof ZDeletionRequest>;

export const ZMyPrivacy = z.object({
  currentPolicyVersion: z.string(),
  coolingOffDays: z.number().int(),
  consents: ZConsentHistory,
  deletion: ZDeletionRequest.nullable(),
});
export type TMyPrivacy = z.infer<typeof ZMyPrivacy>;

export const ZPrivacyAuditEntry = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  customerId: z.string(),
  /** requested, cancelled, erase_started, erase_step, erased, data_exported … */
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  actor: z.string(),
  at: z.string(),
});
export type TPrivacyAuditEntry = z.infer<typeof ZPrivacyAuditEntry>;
export const ZPrivacyAuditList = z.object({ items: z.array(ZPrivacyAuditEntry) });

export const ZDeletionRequestQuery = z.object({
  status: ZDeletionStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZDeletionRequestList = z.object({ items: z.array(ZDeletionRequest), nextCursor: z.string().nullable() });
export type TDeletionRequestList = z.infer<typeof ZDeletionRequestList>;

/** The shopper's data download: one section per module, each as that module gave it. */
export const ZDataExport = z.object({
  format: z.literal('koi.data-export/1'),
  exportedAt: z.string(),
  customerId: z.string(),
  sections: z.record(z.string(), z.unknown()),
});
export type TDataExport = z.infer<typeof ZDataExport>;

// ---- timeline ----

/** Behaviour the server records itself (the shop's own types are catalog's BEHAVIOUR_EVENT_TYPES). */
export const SERVER_BEHAVIOUR_TYPES = [
  'order_placed', 'order_paid', 'order_completed', 'order_closed', 'payment_succeeded',
  'aftersale_requested', 'aftersale_refunded', 'signed_up', 'consent_changed', 'message_clicked',
] as const;
export type TServerBehaviourType = (typeof SERVER_BEHAVIOUR_TYPES)[number];

export const ZTimelineQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const ZTimelineItem = z.object({
  id: z.string(),
  type: z.string(),
  source: z.enum(['shop', 'server']),
  at: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TTimelineItem = z.infer<typeof ZTimelineItem>;
export const ZTimelineList = z.object({ items: z.array(ZTimelineItem), nextCursor: z.string().nullable() });
export type TTimelineList = z.infer<typeof ZTimelineList>;
