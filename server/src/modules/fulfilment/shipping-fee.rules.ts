/**
 * The shipping fee of an order (运费), from its lines, the destination and the merchant's templates.
 * Pure: no I/O; the service loads the templates and passes them in.
 *
 * 1. Each line ships under its template (`templateId`); no id, or a template that no longer exists,
 *    means the merchant's default template. A merchant without any template ships free.
 * 2. Per template, the destination picks the rule — the most specific entry wins: a city listed in
 *    `undeliverable` or in a region rule, then the province listed in either, then the default rule.
 *    Lines whose template does not deliver there are `undeliverable` (with the reason) and add nothing.
 * 3. Per template, its lines' units (pieces, or quantity × unit weight in grams) are charged
 *    first fee + ⌈(units − first) / additional⌉ × additional fee; up to `first` units cost the first fee.
 * 4. Per template, a free-shipping condition that covers the destination (no regions: everywhere)
 *    and that its lines meet (goods amount ≥ minAmountFen and/or pieces ≥ minQuantity; both when
 *    both are set) waives that template's fee.
 * 5. The templates still charging combine by the policy:
 *    - `sum`: every template's fee is added (Youzan's 叠加; the default);
 *    - `max_first`: the template with the highest first fee (ties: the higher fee, then the earlier
 *      line) pays its whole fee; every other one pays ⌈units / additional⌉ × additional fee, i.e. its
 *      units all at the additional rate (Taobao's rule for one parcel with several templates).
 */
import { formatYuan } from '@koi/contracts';

export type ShippingRule = { first: number; firstFeeFen: number; additional: number; additionalFeeFen: number };
export type ShippingTemplate = {
  id: string;
  name: string;
  chargeBy: 'piece' | 'weight';
  defaultRule: ShippingRule;
  regionRules: (ShippingRule & { regions: string[] })[];
  undeliverable: string[];
  freeShipping: { regions: string[]; minAmountFen: number | null; minQuantity: number | null }[];
  isDefault: boolean;
};
export type QuoteLine = { templateId: string | null; quantity: number; unitWeightGrams: number; subtotalFen: number };
export type Destination = { provinceCode: string; cityCode: string };
export type CombinePolicy = 'sum' | 'max_first';
export type Text = { zh: string; en: string };

export type TemplateFee = {
  templateId: string | null;
  templateName: string;
  chargeBy: 'piece' | 'weight';
  lineIndexes: number[];
  quantity: number;
  weightGrams: number;
  subtotalFen: number;
  rule: (ShippingRule & { kind: 'default' | 'region'; regions: string[] }) | null;
  baseFeeFen: number;
  feeFen: number;
  free: boolean;
  freeShippingReason: Text | null;
  freeShippingGap: { amountFen: number | null; quantity: number | null } | null;
  explanation: Text;
};
export type Undeliverable = { lineIndex: number; templateId: string; reason: 'region_excluded'; message: Text };
export type Quote = {
  feeFen: number;
  policy: CombinePolicy;
  perTemplate: TemplateFee[];
  undeliverable: Undeliverable[];
  freeShippingReason: Text | null;
  explanation: Text;
};

export type QuoteInput = {
  lines: readonly QuoteLine[];
  destination: Destination;
  templates: readonly ShippingTemplate[];
  policy: CombinePolicy;
  /** Region names for the explanation (e.g. 浙江省); the code is shown without it. */
  nameOf?: (code: string) => string;
};

/** first fee + ⌈(units − first) / additional⌉ × additional fee. */
export function ruleFee(rule: ShippingRule, units: number): number {
  const extra = Math.max(0, units - rule.first);
  return rule.firstFeeFen + Math.ceil(extra / rule.additional) * rule.additionalFeeFen;
}

type Placement = { kind: 'excluded'; code: string } | { kind: 'default'; rule: ShippingRule } | { kind: 'region'; rule: ShippingRule & { regions: string[] } };

/** Which rule of a template serves the destination: the city's own entry first, then the province's. */
export function placeDestination(t: ShippingTemplate, d: Destination): Placement {
  for (const code of [d.cityCode, d.provinceCode]) {
    if (t.undeliverable.includes(code)) return { kind: 'excluded', code };
    const rule = t.regionRules.find((r) => r.regions.includes(code));
    if (rule) return { kind: 'region', rule };
  }
  return { kind: 'default', rule: t.defaultRule };
}

const covers = (regions: readonly string[], d: Destination) => regions.length === 0 || regions.includes(d.cityCode) || regions.includes(d.provinceCode);

function conditionText(c: { minAmountFen: number | null; minQuantity: number | null }): Text {
  const amount = c.minAmountFen === null ? null : formatYuan(c.minAmountFen);
  if (amount && c.minQuantity !== null) return { zh: `满 ${amount} 且满 ${c.minQuantity} 件包邮`, en: `free shipping from ${amount} and ${c.minQuantity} pieces` };
  if (amount) return { zh: `满 ${amount} 包邮`, en: `free shipping from ${amount}` };
  return { zh: `满 ${c.minQuantity} 件包邮`, en: `free shipping from ${c.minQuantity} pieces` };
}

function unitsText(chargeBy: 'piece' | 'weight', n: number): Text {
  if (chargeBy === 'piece') return { zh: `${n} 件`, en: `${n} piece${n === 1 ? '' : 's'}` };
  const kg = `${Math.round(n) / 1000}kg`;
  return { zh: kg, en: kg };
}

function ruleText(chargeBy: 'piece' | 'weight', r: ShippingRule): Text {
  const first = unitsText(chargeBy, r.first);
  const more = unitsText(chargeBy, r.additional);
  return chargeBy === 'piece'
    ? { zh: `首 ${first.zh} ${formatYuan(r.firstFeeFen)}，每续 ${more.zh} ${formatYuan(r.additionalFeeFen)}`, en: `first ${first.en} ${formatYuan(r.firstFeeFen)}, each further ${more.en} ${formatYuan(r.additionalFeeFen)}` }
    : { zh: `首重 ${first.zh} ${formatYuan(r.firstFeeFen)}，每续重 ${more.zh} ${formatYuan(r.additionalFeeFen)}`, en: `first ${first.en} ${formatYuan(r.firstFeeFen)}, each further ${more.en} ${formatYuan(r.additionalFeeFen)}` };
}

type Group = { template: ShippingTemplate | null; lineIndexes: number[]; quantity: number; weightGrams: number; subtotalFen: number };

function groupLines(lines: readonly QuoteLine[], templates: readonly ShippingTemplate[]): Group[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const fallback = templates.find((t) => t.isDefault) ?? null;
  const groups = new Map<string, Group>();
  lines.forEach((line, i) => {
    const template = (line.templateId !== null ? byId.get(line.templateId) : undefined) ?? fallback;
    const key = template?.id ?? '';
    const g = groups.get(key) ?? { template, lineIndexes: [], quantity: 0, weightGrams: 0, subtotalFen: 0 };
    g.lineIndexes.push(i);
    g.quantity += line.quantity;
    g.weightGrams += line.quantity * line.unitWeightGrams;
    g.subtotalFen += line.subtotalFen;
    groups.set(key, g);
  });
  return [...groups.values()];
}

export function quoteShipping(input: QuoteInput): Quote {
  const { destination: d, policy } = input;
  const nameOf = input.nameOf ?? ((code: string) => code);
  const undeliverable: Undeliverable[] = [];
  const fees: TemplateFee[] = [];

  for (const g of groupLines(input.lines, input.templates)) {
    const t = g.template;
    const base = { templateId: t?.id ?? null, templateName: t?.name ?? '', chargeBy: t?.chargeBy ?? ('piece' as const), lineIndexes: g.lineIndexes, quantity: g.quantity, weightGrams: g.weightGrams, subtotalFen: g.subtotalFen };
    if (!t) {
      fees.push({ ...base, rule: null, baseFeeFen: 0, feeFen: 0, free: true, freeShippingReason: null, freeShippingGap: null,
        explanation: { zh: '未设置运费模板，免运费', en: 'No shipping template is set up: shipping is free' } });
      continue;
    }
    const placed = placeDestination(t, d);
    if (placed.kind === 'excluded') {
      const where = nameOf(placed.code);
      for (const lineIndex of g.lineIndexes) {
        undeliverable.push({ lineIndex, templateId: t.id, reason: 'region_excluded', message: { zh: `该商品不配送至${where}`, en: `This item does not ship to ${where}` } });
      }
      continue;
    }
    const units = t.chargeBy === 'piece' ? g.quantity : g.weightGrams;
    const baseFeeFen = ruleFee(placed.rule, units);
    const applicable = t.freeShipping.filter((c) => covers(c.regions, d));
    const met = applicable.find((c) => (c.minAmountFen === null || g.subtotalFen >= c.minAmountFen) && (c.minQuantity === null || g.quantity >= c.minQuantity));
    const gaps = met ? [] : applicable.map((c) => ({
      amountFen: c.minAmountFen === null ? null : Math.max(0, c.minAmountFen - g.subtotalFen),
      quantity: c.minQuantity === null ? null : Math.max(0, c.minQuantity - g.quantity),
    })).sort((a, b) => (a.amountFen ?? 0) - (b.amountFen ?? 0) || (a.quantity ?? 0) - (b.quantity ?? 0));
    const rule = placed.kind === 'region'
      ? { ...pickRule(placed.rule), kind: 'region' as const, regions: placed.rule.regions }
      : { ...pickRule(placed.rule), kind: 'default' as const, regions: [] };
    fees.push({
      ...base, rule, baseFeeFen, feeFen: met ? 0 : baseFeeFen, free: Boolean(met),
      freeShippingReason: met ? conditionText(met) : null, freeShippingGap: gaps[0] ?? null,
      explanation: { zh: '', en: '' },
    });
  }

  if (policy === 'max_first') applyMaxFirst(fees);
  for (const f of fees) if (f.rule) f.explanation = explainTemplate(f, d, nameOf, policy);

  const feeFen = fees.reduce((sum, f) => sum + f.feeFen, 0);
  const waived = fees.filter((f) => f.freeShippingReason);
  const freeShippingReason = waived.length ? joinTexts(waived.map((f) => f.freeShippingReason!), '；', '; ') : null;
  const parts = [...fees.map((f) => f.explanation), ...undeliverable.map((u) => ({ zh: `第 ${u.lineIndex + 1} 行：${u.message.zh}`, en: `line ${u.lineIndex + 1}: ${u.message.en}` }))];
  const total = { zh: `运费合计 ${formatYuan(feeFen)}`, en: `shipping ${formatYuan(feeFen)} in total` };
  return { feeFen, policy, perTemplate: fees, undeliverable, freeShippingReason, explanation: joinTexts([...parts, total], '；', '; ') };
}

const pickRule = (r: ShippingRule): ShippingRule => ({ first: r.first, firstFeeFen: r.firstFeeFen, additional: r.additional, additionalFeeFen: r.additionalFeeFen });

/** Taobao's combination: one first fee (the highest), everything else at the additional rate. */
function applyMaxFirst(fees: TemplateFee[]): void {
  const charging = fees.filter((f) => f.rule && !f.free);
  if (charging.length < 2) return;
  const leader = charging.reduce((best, f) => (f.rule!.firstFeeFen > best.rule!.firstFeeFen || (f.rule!.firstFeeFen === best.rule!.firstFeeFen && f.baseFeeFen > best.baseFeeFen) ? f : best));
  for (const f of charging) {
    if (f === leader) continue;
    const units = f.chargeBy === 'piece' ? f.quantity : f.weightGrams;
    f.feeFen = Math.ceil(units / f.rule!.additional) * f.rule!.additionalFeeFen;
  }
}

function explainTemplate(f: TemplateFee, d: Destination, nameOf: (code: string) => string, policy: CombinePolicy): Text {
  const r = f.rule!;
  const where = r.kind === 'region' ? { zh: `${nameOf(d.provinceCode)}适用地区运费`, en: `the region rate for ${nameOf(d.provinceCode)}` } : { zh: '默认运费', en: 'the default rate' };
  const rule = ruleText(f.chargeBy, r);
  const units = unitsText(f.chargeBy, f.chargeBy === 'piece' ? f.quantity : f.weightGrams);
  const head = { zh: `「${f.templateName}」${where.zh}（${rule.zh}），${units.zh}`, en: `"${f.templateName}" at ${where.en} (${rule.en}), ${units.en}` };
  if (f.free) return { zh: `${head.zh}，${f.freeShippingReason!.zh}`, en: `${head.en}, ${f.freeShippingReason!.en}` };
  const combined = policy === 'max_first' && f.feeFen !== f.baseFeeFen
    ? { zh: `，首费已由其他模板收取，按续费计 ${formatYuan(f.feeFen)}`, en: `, first fee already charged by another template, at the additional rate ${formatYuan(f.feeFen)}` }
    : { zh: ` ${formatYuan(f.feeFen)}`, en: ` ${formatYuan(f.feeFen)}` };
  const gap = gapText(f.freeShippingGap);
  return { zh: `${head.zh}${combined.zh}${gap ? `（${gap.zh}）` : ''}`, en: `${head.en}${combined.en}${gap ? ` (${gap.en})` : ''}` };
}

/** "再买 ¥12.00 包邮" for the nearest unmet free-shipping condition. */
function gapText(gap: TemplateFee['freeShippingGap']): Text | null {
  if (!gap) return null;
  const amount = gap.amountFen ? formatYuan(gap.amountFen) : null;
  const pieces = gap.quantity ? gap.quantity : null;
  if (!amount && !pieces) return null;
  const zh = [amount, pieces && `${pieces} 件`].filter(Boolean).join('、');
  const en = [amount, pieces && `${pieces} more piece${pieces === 1 ? '' : 's'}`].filter(Boolean).join(' and ');
  return { zh: `再买 ${zh} 包邮`, en: `add ${en} for free shipping` };
}

function joinTexts(texts: Text[], zhSep: string, enSep: string): Text {
  return { zh: texts.map((t) => t.zh).join(zhSep), en: texts.map((t) => t.en).join(enSep) };
}
