import type { TLocalText, TMemberDayRule, TMemberDaySettings } from '@koi/contracts';
import type { LevelBenefits } from './levels.rules.ts';

/**
 * A shopper's effective member benefits (issue 8 §1), pure: the level's and an active paid card's
 * benefits, best of each (the higher discount, free shipping from either, the higher points
 * multiplier), and on a member day its extras on top — the extra discount as 折上折 (95折 then 95折
 * again = 90.25 % paid) and its points multiplier times the other. Days are Asia/Shanghai days.
 */

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3600_000;

export type BenefitSource = { name: string; benefits: LevelBenefits };
export type CardHeld = BenefitSource & { planId: string; startsAt: Date; expiresAt: Date };

export type Effective = {
  levelId: string | null;
  /** What the shopper pays of goods, basis points (10000 = no member discount). */
  discountRateBp: number;
  discountLabel: TLocalText;
  freeShipping: boolean;
  freeShippingLabel: TLocalText;
  pointsMultiplierPct: number;
  pointsLabel: TLocalText;
  memberDayToday: boolean;
};

const t = (zh: string, en: string): TLocalText => ({ zh, en });
const NONE = t('', '');

/** 5 % off → "95折", 10 → "9折", 12 → "88折"; English: "5% off". */
export function zheOfPercent(percentOff: number): TLocalText {
  const pay = 100 - percentOff;
  return t(`${pay % 10 === 0 ? pay / 10 : pay}折`, `${percentOff}% off`);
}

/** 150 → "1.5"; 200 → "2". */
const times = (pct: number) => String(pct / 100);

export function isCardActive(card: { expiresAt: Date } | null, now: Date): boolean {
  return !!card && card.expiresAt.getTime() > now.getTime();
}

/** Whether `now` falls on a member day (its Asia/Shanghai date). */
export function isMemberDay(rule: TMemberDayRule, now: Date): boolean {
  const d = new Date(now.getTime() + SHANGHAI_MS);
  if (rule.type === 'weekly') return rule.weekdays.includes(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
  return rule.days.includes(d.getUTCDate());
}

const WEEKDAYS_ZH = ['', '一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "每周三会员日 · 积分 2 倍 · 折上 95折". */
export function memberDayLabel(s: TMemberDaySettings): TLocalText {
  const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  const when = s.rule.type === 'weekly'
    ? t(`每周${sorted(s.rule.weekdays).map((w) => WEEKDAYS_ZH[w]).join('、')}会员日`, `Member day every ${sorted(s.rule.weekdays).map((w) => WEEKDAYS_EN[w]).join(', ')}`)
    : t(`每月 ${sorted(s.rule.days).join('、')} 日会员日`, `Member day on day ${sorted(s.rule.days).join(', ')} of each month`);
  const extras: TLocalText[] = [];
  if (s.pointsMultiplierPct > 100) extras.push(t(`积分 ${times(s.pointsMultiplierPct)} 倍`, `${times(s.pointsMultiplierPct)}× points`));
  if (s.extraDiscountPercent > 0) extras.push(t(`折上 ${zheOfPercent(s.extraDiscountPercent).zh}`, `extra ${s.extraDiscountPercent}% off`));
  return t([when.zh, ...extras.map((e) => e.zh)].join(' · '), [when.en, ...extras.map((e) => e.en)].join(' · '));
}

export function effectiveBenefits(input: {
  level: (BenefitSource & { id: string }) | null;
  card: CardHeld | null;
  memberDay: TMemberDaySettings | null;
  now: Date;
}): Effective {
  const sources: BenefitSource[] = [];
  if (input.level) sources.push(input.level);
  if (input.card && isCardActive(input.card, input.now)) sources.push(input.card);
  const day = input.memberDay?.enabled && isMemberDay(input.memberDay.rule, input.now) ? input.memberDay : null;

  // Best discount: the higher percent; ties keep the level (listed first).
  let best: BenefitSource | null = null;
  for (const s of sources) if (s.benefits.discountPercent > 0 && (!best || s.benefits.discountPercent > best.benefits.discountPercent)) best = s;
  const basePct = best?.benefits.discountPercent ?? 0;
  const extra = day?.extraDiscountPercent ?? 0;
  const discountRateBp = (100 - basePct) * (100 - extra);
  const parts: TLocalText[] = [];
  if (best) parts.push(t(`${best.name} ${zheOfPercent(basePct).zh}`, `${best.name} ${zheOfPercent(basePct).en}`));
  if (extra > 0) parts.push(best ? t(`会员日折上 ${zheOfPercent(extra).zh}`, `member day extra ${extra}% off`) : t(`会员日 ${zheOfPercent(extra).zh}`, `Member day ${extra}% off`));

  const shipper = sources.find((s) => s.benefits.freeShipping) ?? null;

  let mult: BenefitSource | null = null;
  for (const s of sources) if (s.benefits.pointsMultiplierPct > 100 && (!mult || s.benefits.pointsMultiplierPct > mult.benefits.pointsMultiplierPct)) mult = s;
  const basePts = mult?.benefits.pointsMultiplierPct ?? 100;
  const dayPts = day?.pointsMultiplierPct ?? 100;
  const pointsMultiplierPct = Math.floor((basePts * dayPts) / 100);
  const ptsParts: TLocalText[] = [];
  if (mult) ptsParts.push(t(`${mult.name}积分 ${times(basePts)} 倍`, `${mult.name}: ${times(basePts)}× points`));
  if (dayPts > 100) ptsParts.push(t(`会员日积分 ${times(dayPts)} 倍`, `member day ${times(dayPts)}× points`));

  const join = (xs: TLocalText[]) => (xs.length ? t(xs.map((x) => x.zh).join(' · '), xs.map((x) => x.en).join(' · ')) : NONE);
  return {
    levelId: input.level?.id ?? null,
    discountRateBp,
    discountLabel: join(parts),
    freeShipping: !!shipper,
    freeShippingLabel: shipper ? t(`${shipper.name}包邮`, `${shipper.name}: free shipping`) : NONE,
    pointsMultiplierPct,
    pointsLabel: join(ptsParts),
    memberDayToday: !!day,
  };
}

/**
 * Buying a card (again): an active card is extended from its expiry, an expired or absent one starts
 * now. `periodDays` whole days of 24 hours.
 */
export function extendCard(current: { startsAt: Date; expiresAt: Date } | null, now: Date, periodDays: number): { startsAt: Date; expiresAt: Date } {
  const active = current && isCardActive(current, now);
  const from = active ? current.expiresAt : now;
  return { startsAt: active ? current.startsAt : now, expiresAt: new Date(from.getTime() + periodDays * DAY_MS) };
}

/** Whole days left (a part day counts as one); 0 once expired. */
export function daysLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}
