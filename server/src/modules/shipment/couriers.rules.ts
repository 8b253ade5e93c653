/**
 * Couriers the operator ships with, by their Kuaidi100 company codes (快递公司编码, lower case), with
 * loose tracking-number formats: enough to catch a number typed into the wrong courier or a stray
 * character, not a checksum (couriers change their ranges without notice).
 */
export type Courier = { code: string; name: string; en: string; aliases: readonly string[]; pattern: RegExp };

export const COURIERS: readonly Courier[] = [
  { code: 'shunfeng', name: '顺丰速运', en: 'SF Express', aliases: ['顺丰', 'SF'], pattern: /^(SF\d{12,13}|\d{12})$/i },
  { code: 'zhongtong', name: '中通快递', en: 'ZTO Express', aliases: ['中通', 'ZTO'], pattern: /^\d{12,15}$/ },
  { code: 'yuantong', name: '圆通速递', en: 'YTO Express', aliases: ['圆通', 'YTO'], pattern: /^YT\d{13,16}$/i },
  { code: 'yunda', name: '韵达快递', en: 'Yunda Express', aliases: ['韵达'], pattern: /^\d{13,15}$/ },
  { code: 'shentong', name: '申通快递', en: 'STO Express', aliases: ['申通', 'STO'], pattern: /^\d{12,15}$/ },
  { code: 'jd', name: '京东物流', en: 'JD Logistics', aliases: ['京东', '京东快递', 'JD'], pattern: /^JD[A-Z0-9]{11,18}$/i },
  { code: 'ems', name: 'EMS', en: 'EMS', aliases: ['中国邮政EMS', '邮政EMS'], pattern: /^(E[A-Z]\d{9}CN|1\d{12})$/i },
  { code: 'youzhengguonei', name: '邮政快递包裹', en: 'China Post', aliases: ['邮政', '中国邮政', '邮政包裹'], pattern: /^(9\d{12}|[A-Z]{2}\d{9}CN)$/i },
  { code: 'jtexpress', name: '极兔速递', en: 'J&T Express', aliases: ['极兔', 'J&T'], pattern: /^JT\d{13}$/i },
  { code: 'debangkuaidi', name: '德邦快递', en: 'Deppon Express', aliases: ['德邦', 'DPK'], pattern: /^(DPK)?\d{10,15}$/i },
];

const byKey = new Map<string, Courier>();
for (const c of COURIERS) for (const k of [c.code, c.name, c.en, ...c.aliases]) byKey.set(k.toLowerCase().replace(/\s+/g, ''), c);

/** A courier by its code, its name or a common short name (what an Excel sheet may hold). */
export function findCourier(codeOrName: string): Courier | null {
  return byKey.get(codeOrName.trim().toLowerCase().replace(/\s+/g, '')) ?? null;
}

/** The number as couriers print it (no spaces or dashes, letters upper case), or null when it cannot be theirs. */
export function normaliseTrackingNo(courier: Courier, raw: string): string | null {
  const no = raw.replace(/[\s-]+/g, '').toUpperCase();
  return courier.pattern.test(no) ? no : null;
}
