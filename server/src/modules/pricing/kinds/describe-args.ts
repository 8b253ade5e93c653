import { z } from 'zod';
import type { TArgField, TKindDescriptor, TLocalText } from '@koi/contracts';
import type { AnyKind } from './kind.ts';
import type { KindRegistry } from './registry.ts';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  label?: TLocalText;
  help?: TLocalText;
  unit?: 'fen' | 'percent';
  options?: Record<string, TLocalText>;
  /** `sku`: the admin shows a SKU picker (满赠's gift). */
  widget?: 'sku';
};

const LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * The admin form of a kind, generated from its args schema: zod's JSON Schema (input side, so
 * defaults show) with the `.meta()` each field declares — `label` and `help` in both languages, `unit`
 * (fen / percent), enum `options` and `widget: 'sku'` (a SKU picker). Cross-field rules stay on the server and come back as field errors.
 */
export function argFields(schema: z.ZodType): TArgField[] {
  return fieldsOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

function fieldsOf(s: JsonSchema): TArgField[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([key, p]) => fieldOf(key, p, required.has(key)));
}

function fieldOf(key: string, p: JsonSchema, required: boolean): TArgField {
  const base = {
    key, label: p.label ?? { zh: key, en: key }, help: p.help ?? null, required, default: p.default ?? null,
    min: p.minimum ?? null, max: p.maximum !== undefined && p.maximum < LIMIT ? p.maximum : null,
    options: [] as TArgField['options'], fields: [] as TArgField[], minItems: null, maxItems: null,
  };
  if (p.type === 'array' && p.items) return { ...base, type: 'list', fields: fieldsOf(p.items), minItems: p.minItems ?? null, maxItems: p.maxItems ?? null };
  if (p.enum) return { ...base, type: 'enum', options: p.enum.map((v) => ({ value: String(v), label: p.options?.[String(v)] ?? { zh: String(v), en: String(v) } })) };
  if (p.type === 'boolean') return { ...base, type: 'boolean' };
  if (p.widget === 'sku') return { ...base, type: 'sku' };
  if (p.type === 'integer' || p.type === 'number') return { ...base, type: p.unit === 'fen' ? 'fen' : p.unit === 'percent' ? 'percent' : 'integer' };
  return { ...base, type: 'text' };
}

export function describeKind(k: AnyKind): TKindDescriptor {
  return { kind: k.kind, target: k.target, stage: k.stage, name: k.name, description: k.description, exclusiveGroup: k.stacking.exclusiveGroup ?? null, fields: argFields(k.args) };
}

export function describeKinds(registry: KindRegistry) {
  return { promotions: [...registry.promotions.values()].map(describeKind), coupons: [...registry.coupons.values()].map(describeKind) };
}
