import { z } from 'zod';
import { ZIdentityKind, ZSourceChannel } from './customer-events.ts';

/**
 * Customer profiles for staff (客户列表, Customer 360) and for the shopper (我的资料). Staff see
 * phones and addresses masked (`138****5678`); a role with `customer:reveal` may ask for the full
 * value, and every reveal is logged. Routes: see ROUTES.md under "Customers".
 */
export const ZGender = z.enum(['male', 'female', 'unknown']);
export type TGender = z.infer<typeof ZGender>;
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const ZCustomerListQuery = z.object({
  /** A name, the last 4 digits of a phone, a full phone, or any identity value (buyer id, member card …). */
  q: z.string().trim().max(64).optional(),
  source: ZSourceChannel.optional(),
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TCustomerListQuery = z.input<typeof ZCustomerListQuery>;

export const ZCustomerListItem = z.object({
  id: z.string(),
  name: z.string().nullable(),
  gender: ZGender,
  /** Masked (`138****5678`), or null when the customer has no phone. */
  phoneMasked: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** 省 市 区 names of `regionCode`, or null. */
  regionName: z.string().nullable(),
  sourceChannel: z.string(),
  hasAccount: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  createdAt: z.string(),
});
export type TCustomerListItem = z.infer<typeof ZCustomerListItem>;
export const ZCustomerListPage = z.object({ items: z.array(ZCustomerListItem), nextCursor: z.string().nullable() });
export type TCustomerListPage = z.infer<typeof ZCustomerListPage>;

export const ZCustomerIdentityView = z.object({
  kind: ZIdentityKind,
  /** Phones, emails and buyer ids are shown masked; a phone's full value needs a reveal. */
  valueMasked: z.string(),
  /** A partial identity (a masked phone from an import): kept, never matched on alone. */
  partial: z.boolean(),
  createdAt: z.string(),
});
export type TCustomerIdentityView = z.infer<typeof ZCustomerIdentityView>;

export const REVEAL_FIELDS = ['phone', 'address'] as const;
export const ZRevealField = z.enum(REVEAL_FIELDS);
export const ZRevealRequest = z.strictObject({ field: ZRevealField });
export type TRevealRequest = z.infer<typeof ZRevealRequest>;
export const ZRevealResponse = z.object({ field: ZRevealField, value: z.string().nullable() });
export type TRevealResponse = z.infer<typeof ZRevealResponse>;
export const ZRevealLogEntry = z.object({ id: z.string(), field: ZRevealField, staffId: z.string(), staffName: z.string(), at: z.string() });
export type TRevealLogEntry = z.infer<typeof ZRevealLogEntry>;

export const ZCustomerNoteInput = z.strictObject({ body: z.string().trim().min(1).max(1000) });
export type TCustomerNoteInput = z.infer<typeof ZCustomerNoteInput>;
export const ZCustomerNote = z.object({ id: z.string(), body: z.string(), staffId: z.string(), staffName: z.string(), createdAt: z.string() });
export type TCustomerNote = z.infer<typeof ZCustomerNote>;

export const ZCustomerMergeLogEntry = z.object({
  id: z.string(), fromId: z.string(), intoId: z.string(), staffId: z.string().nullable(), staffName: z.string().nullable(),
  reason: z.string(), at: z.string(),
});
export type TCustomerMergeLogEntry = z.infer<typeof ZCustomerMergeLogEntry>;
export const ZMergeSuggestion = z.object({ otherId: z.string(), otherName: z.string().nullable(), claims: z.array(z.object({ kind: ZIdentityKind, valueMasked: z.string() })), at: z.string() });
export type TMergeSuggestion = z.infer<typeof ZMergeSuggestion>;

/** Customer 360. Sections a module cannot answer yet are null (the page says "not available"). */
export const ZCustomer360 = z.object({
  profile: ZCustomerListItem.extend({ birthday: z.string().nullable(), mergedInto: z.string().nullable(), erased: z.boolean() }),
  identities: z.array(ZCustomerIdentityView),
  /** The default shipping address, masked (`浙江省杭州市西湖区 ****`), or null. */
  addressMasked: z.string().nullable(),
  orders: z.object({
    count: z.number().int(), paidCount: z.number().int(), paidFen: z.number().int(),
    recent: z.array(z.object({ id: z.string(), orderNo: z.string(), status: z.string(), payableFen: z.number().int(), createdAt: z.string() })),
  }),
  loyalty: z.object({ points: z.number().int(), balanceFen: z.number().int(), levelName: z.string().nullable() }),
  coupons: z.object({ available: z.number().int(), total: z.number().int() }),
  notes: z.array(ZCustomerNote),
  reveals: z.array(ZRevealLogEntry),
  merges: z.array(ZCustomerMergeLogEntry),
  suggestions: z.array(ZMergeSuggestion),
});
export type TCustomer360 = z.infer<typeof ZCustomer360>;

/** What a manual merge moves from `fromId` into `intoId`. Kinds a module cannot count yet are listed in `notCounted`. */
export const MERGE_MOVE_KINDS = ['orders', 'points', 'balance_fen', 'coupons', 'identities', 'notes', 'logins', 'aftersales', 'reviews', 'behaviour_events', 'consents'] as const;
export const ZMergeMoveKind = z.enum(MERGE_MOVE_KINDS);
export const ZMergePreview = z.object({
  from: ZCustomerListItem,
  into: ZCustomerListItem,
  moves: z.array(z.object({ kind: ZMergeMoveKind, count: z.number().int() })),
  notCounted: z.array(z.string()),
  /** Why the merge cannot be done, or null. */
  blocked: z.enum(['same_customer', 'already_merged', 'erased']).nullable(),
});
export type TMergePreview = z.infer<typeof ZMergePreview>;
export const ZMergePreviewQuery = z.object({ fromId: z.string().uuid() });
export const ZMergeRequest = z.strictObject({ fromId: z.string().uuid(), reason: z.string().trim().min(2).max(200) });
export type TMergeRequest = z.infer<typeof ZMergeRequest>;
export const ZMergeResult = z.object({ mergeId: z.string(), fromId: z.string(), intoId: z.string() });
export type TMergeResult = z.infer<typeof ZMergeResult>;

/** The shopper's own profile (我的资料). */
export const ZShopProfile = z.object({
  name: z.string().nullable(), gender: ZGender, birthday: z.string().nullable(), regionCode: z.string().nullable(), regionName: z.string().nullable(),
});
export type TShopProfile = z.infer<typeof ZShopProfile>;
export const ZShopProfileUpdate = z.strictObject({
  name: z.string().trim().min(1).max(30).nullable(),
  gender: ZGender,
  birthday: ZDay.nullable(),
  regionCode: z.string().regex(/^\d{6}$/).nullable(),
});
export type TShopProfileUpdate = z.infer<typeof ZShopProfileUpdate>;
