import { z } from 'zod';
import { ZLocalText, type TLocalText } from '../pricing/pricing.ts';

/**
 * A field of a promotion or coupon kind's arguments, generated on the server from the kind's zod
 * schema (its `.meta({ label, unit, help })`), so the admin renders the form without knowing the kind.
 */
/** `sku`: a SKU id, chosen with a SKU picker (满赠's gift). */
export const ARG_FIELD_TYPES = ['fen', 'percent', 'integer', 'boolean', 'text', 'enum', 'list', 'sku'] as const;
export type TArgField = {
  key: string;
  type: (typeof ARG_FIELD_TYPES)[number];
  label: TLocalText;
  help: TLocalText | null;
  required: boolean;
  min: number | null;
  max: number | null;
  default: unknown;
  /** `enum`: the values and their labels. */
  options: { value: string; label: TLocalText }[];
  /** `list`: the fields of one item, and how many items. */
  fields: TArgField[];
  minItems: number | null;
  maxItems: number | null;
};
export const ZArgField: z.ZodType<TArgField> = z.lazy(() =>
  z.object({
    key: z.string(),
    type: z.enum(ARG_FIELD_TYPES),
    label: ZLocalText,
    help: ZLocalText.nullable(),
    required: z.boolean(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    default: z.unknown(),
    options: z.array(z.object({ value: z.string(), label: ZLocalText })),
    fields: z.array(ZArgField),
    minItems: z.number().int().nullable(),
    maxItems: z.number().int().nullable(),
  }),
);
z.globalRegistry.add(ZArgField, { id: 'ArgField' });

export const ZKindDescriptor = z.object({
  kind: z.string(),
  target: z.enum(['promotion', 'coupon']),
  stage: z.enum(['item', 'order', 'coupon', 'shipping']),
  name: ZLocalText,
  description: ZLocalText,
  exclusiveGroup: z.string().nullable(),
  fields: z.array(ZArgField),
});
export type TKindDescriptor = z.infer<typeof ZKindDescriptor>;
export const ZKindList = z.object({ promotions: z.array(ZKindDescriptor), coupons: z.array(ZKindDescriptor) });
export type TKindList = z.infer<typeof ZKindList>;
