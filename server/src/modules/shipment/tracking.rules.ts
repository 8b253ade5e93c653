/**
 * Tracking states and what follows from them (pure). States are Kuaidi100's `state` codes
 * (api.kuaidi100.com, 实时查询 / 订阅推送 返回字段): 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件,
 * 6 退回, 7 转投, 14 拒签 (and customs states 10–13 for cross-border parcels).
 */
export const KD_STATE = { inTransit: 0, collected: 1, problem: 2, signed: 3, returnSigned: 4, delivering: 5, returning: 6, redirected: 7, refused: 14 } as const;

const LABELS: Record<number, { zh: string; en: string }> = {
  0: { zh: '运输中', en: 'In transit' },
  1: { zh: '已揽收', en: 'Picked up' },
  2: { zh: '疑难件', en: 'Problem' },
  3: { zh: '已签收', en: 'Delivered' },
  4: { zh: '退签', en: 'Returned to sender' },
  5: { zh: '派送中', en: 'Out for delivery' },
  6: { zh: '退回中', en: 'Returning' },
  7: { zh: '转投', en: 'Redirected' },
  10: { zh: '待清关', en: 'Awaiting customs' },
  11: { zh: '清关中', en: 'In customs' },
  12: { zh: '已清关', en: 'Cleared customs' },
  13: { zh: '清关异常', en: 'Customs problem' },
  14: { zh: '拒签', en: 'Refused' },
};

export function trackingLabel(state: number | null, lang: 'zh-CN' | 'en'): string {
  if (state === null) return lang === 'en' ? 'Awaiting pickup' : '待揽收';
  const l = LABELS[state] ?? { zh: '运输中', en: 'In transit' };
  return lang === 'en' ? l.en : l.zh;
}

/** States the operator must look at (the 异常 tab). */
export function isExceptionState(state: number | null): boolean {
  return state === KD_STATE.problem || state === KD_STATE.returnSigned || state === KD_STATE.returning || state === KD_STATE.refused || state === 13;
}

export function isDelivered(state: number | null): boolean {
  return state === KD_STATE.signed;
}

/** Days without a new event after which an undelivered package counts as stuck. */
export const STALE_DAYS = 3;

/** Why a package is an exception now, or null. */
export function exceptionReason(
  p: { state: number | null; lastEventAt: Date | null; shippedAt: Date; deliveredAt: Date | null },
  now: Date, lang: 'zh-CN' | 'en', staleDays = STALE_DAYS,
): string | null {
  if (p.deliveredAt) return null;
  if (isExceptionState(p.state)) return trackingLabel(p.state, lang);
  const since = p.lastEventAt ?? p.shippedAt;
  const days = Math.floor((now.getTime() - since.getTime()) / 86_400_000);
  if (days >= staleDays) return lang === 'en' ? `No tracking news for ${days} days` : `${days} 天无物流更新`;
  return null;
}

/** When an order whose packages are all delivered completes by itself. */
export function autoConfirmAt(deliveredAts: (Date | null)[], days: number): Date | null {
  if (!deliveredAts.length || deliveredAts.some((d) => !d)) return null;
  const last = Math.max(...deliveredAts.map((d) => d!.getTime()));
  return new Date(last + days * 86_400_000);
}

/**
 * The state a package should show after a push: the courier's state, except that a package once
 * delivered stays delivered (a late push of an older snapshot must not move it back).
 */
export function nextState(current: number | null, pushed: number | null, deliveredBefore: boolean): number | null {
  if (deliveredBefore) return current;
  return pushed ?? current;
}

/** Kuaidi100 times are Beijing time without a zone ("2026-11-20 09:15:02"). */
export function parseKdTime(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatKdTime(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${b.slice(0, 10)} ${b.slice(11, 19)}`;
}
