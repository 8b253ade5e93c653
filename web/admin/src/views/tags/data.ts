import { formatYuan, type TSegmentCondition, type TSegmentRule, type TTagExplanation } from '@koi/contracts';

export const TAG_TABS = ['manual', 'rule', 'system', 'settings'] as const;
export type TTagTab = (typeof TAG_TABS)[number];

type T = (key: string, named?: Record<string, unknown>) => string;
const CMP: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** One condition in words, for the rule column and the "why" of a rule tag. */
export function describeCondition(c: TSegmentCondition, t: T, names: { category?: (id: string) => string; tag?: (id: string) => string } = {}): string {
  const within = (d: number | null) => (d === null ? t('tags.rule.allHistory') : t('tags.rule.withinDays').replace('N', String(d)));
  switch (c.type) {
    case 'order_spend': return `${within(c.withinDays)} ${t('tags.rule.types.order_spend')} ${CMP[c.cmp]} ${formatYuan(c.valueFen)}`;
    case 'order_count': return `${within(c.withinDays)} ${t('tags.rule.types.order_count')} ${CMP[c.cmp]} ${c.value}`;
    case 'category_purchase': return `${within(c.withinDays)} ${t('tags.rule.types.category_purchase')}「${names.category?.(c.categoryId) ?? c.categoryId}」≥ ${c.minTimes}`;
    case 'source_channel': return `${t('tags.rule.types.source_channel')} ∈ ${c.in.map((x) => t(`tags.channels.${x}`)).join('、')}`;
    case 'event_count': return `${within(c.withinDays)} ${t(`tags.events.${c.eventType}`)} ${CMP[c.cmp]} ${c.value}`;
    case 'gender': return `${t('tags.rule.types.gender')} ∈ ${c.in.map((g) => t(`tags.rule.genders.${g}`)).join('、')}`;
    case 'tag': return `${c.op === 'has' ? t('tags.rule.has') : t('tags.rule.hasNot')}「${names.tag?.(c.tagId) ?? c.tagId}」`;
    case 'region': return `region ${c.prefix}*`;
    case 'birthday_month': return `birthday ${c.months.join(',')}`;
  }
}

export function describeRule(rule: TSegmentRule, t: T, names?: Parameters<typeof describeCondition>[2]): string {
  const sep = ` ${t(`tags.rule.${rule.op}`)} `;
  return rule.items.map((i) => (i.type === 'group' ? `(${describeRule(i, t, names)})` : describeCondition(i, t, names))).join(sep);
}

/** The "why" of a system tag in one line; money via formatYuan (the server's fen, shown). */
export function describeSystem(e: TTagExplanation, t: T): string {
  switch (e.kind) {
    case 'rfm': {
      const cut = (v: number) => String(Math.round(v * 100) / 100);
      return t('tags.panel.rfm', {
        r: e.facts.recencyDays, rc: cut(e.thresholds.recency.value), f: e.facts.frequency, fc: cut(e.thresholds.frequency.value),
        m: formatYuan(e.facts.monetaryFen), mc: formatYuan(Math.round(e.thresholds.monetary.value)), score: e.score,
      });
    }
    case 'lifecycle': return `${t(`tags.panel.reasons.${e.reason}`)} — ${t('tags.panel.lifecycle', {
      first: e.facts.daysSinceFirstSeen, order: e.facts.daysSinceLastOrder ?? '—', act: e.facts.daysSinceLastActivity ?? '—', n: e.facts.paidOrderCount,
    })}`;
    case 'spend': return t('tags.panel.spend', {
      days: e.config.windowDays ?? 365, fen: formatYuan(e.spentFen), high: formatYuan(e.config.highFromFen ?? 0), mid: formatYuan(e.config.midFromFen ?? 0),
    });
    default: return '';
  }
}
