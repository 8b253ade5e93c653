import type { z } from 'zod';
import type { TLocalText } from '@koi/contracts';
import { KoiError } from '../../platform/errors.ts';
import type { AnyKind, KindRegistry } from '../pricing/index.ts';

/**
 * A kind's args as its schema parses them (defaults filled in), or a 400 listing every bad field at
 * `body.args.…` — the admin form puts each message under its field.
 */
export function parseKindArgs(registry: KindRegistry, target: 'promotion' | 'coupon', kind: string, args: unknown): { def: AnyKind; args: Record<string, unknown> } {
  const def = target === 'promotion' ? registry.promotions.get(kind) : registry.coupons.get(kind);
  if (!def) throw new KoiError('promotion.kind_unknown', { kind }, { fieldErrors: [{ path: 'body.kind', message: `unknown kind ${kind}` }] });
  const parsed = def.args.safeParse(args);
  if (!parsed.success) {
    throw new KoiError('promotion.args_invalid', {}, {
      fieldErrors: parsed.error.issues.map((i) => {
        const text = issueText(i);
        return { path: ['body', 'args', ...i.path.map(String)].join('.'), message: text.en, code: 'promotion.arg_rule', params: text };
      }),
    });
  }
  return { def, args: parsed.data as Record<string, unknown> };
}

/** The kind's one-line summary of stored args ("满 ¥300 减 ¥30"); the raw kind code when it is no longer known. */
export function summaryOf(registry: KindRegistry, target: 'promotion' | 'coupon', kind: string, args: unknown): { kindName: TLocalText; summary: TLocalText } {
  const def = target === 'promotion' ? registry.promotions.get(kind) : registry.coupons.get(kind);
  const parsed = def?.args.safeParse(args);
  if (!def || !parsed?.success) return { kindName: { zh: kind, en: kind }, summary: { zh: kind, en: kind } };
  return { kindName: def.name, summary: def.summary(parsed.data) };
}

/** An args issue in both languages: the kind's own rule sentence, or ours for the schema's checks. */
function issueText(i: z.core.$ZodIssue): { zh: string; en: string } {
  const params = (i as { params?: { zh?: unknown; en?: unknown } }).params;
  if (i.code === 'custom' && typeof params?.zh === 'string' && typeof params.en === 'string') return { zh: params.zh, en: params.en };
  if (i.code === 'too_small') return { zh: `不能小于 ${String(i.minimum)}`, en: `At least ${String(i.minimum)}` };
  if (i.code === 'too_big') return { zh: `不能大于 ${String(i.maximum)}`, en: `At most ${String(i.maximum)}` };
  if (i.code === 'invalid_type') return { zh: '缺少或类型不对', en: 'Missing or of the wrong type' };
  if (i.code === 'unrecognized_keys') return { zh: `不认识的字段：${i.keys.join('、')}`, en: `Unknown fields: ${i.keys.join(', ')}` };
  return { zh: '无效', en: i.message };
}
