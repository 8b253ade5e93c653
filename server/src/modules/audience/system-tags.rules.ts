import { LIFECYCLE_STAGES, RFM_GROUPS, SPEND_LEVELS, ZTagSettings, type TSpendLevel, type TSpendLevelConfig, type TTagSettings } from '@koi/contracts';
import { RFM_GROUP_NAMES } from './rfm.rules.ts';
import { LIFECYCLE_STAGE_NAMES } from './lifecycle.rules.ts';

/**
 * System tags (issue 7 §4): which exist, and the spend-level rule. RFM and lifecycle decisions are
 * in rfm.rules.ts and lifecycle.rules.ts; the set-based SQL in system-tags-sql.ts mirrors all three
 * and a test checks it against them on random data.
 */

export const DEFAULT_TAG_SETTINGS: TTagSettings = ZTagSettings.parse({ rfm: {}, lifecycle: {}, spend: {} });

export const SPEND_LEVEL_NAMES: Record<TSpendLevel, { zh: string; en: string }> = {
  high: { zh: '高消费', en: 'High spend' },
  mid: { zh: '中消费', en: 'Mid spend' },
  low: { zh: '低消费', en: 'Low spend' },
};

/** Net fen paid within the window → level; null for a customer who paid nothing in the window. */
export function spendLevel(spentFen: number, config: TSpendLevelConfig): TSpendLevel | null {
  if (spentFen >= config.highFromFen) return 'high';
  if (spentFen >= config.midFromFen) return 'mid';
  if (spentFen > 0) return 'low';
  return null;
}

export type SystemGroupCode = 'rfm' | 'lifecycle' | 'spend';
export type SystemTagDef = { code: string; group: SystemGroupCode; name: string; color: string; sort: number };

export const SYSTEM_GROUPS: ReadonlyArray<{ code: SystemGroupCode; name: string; color: string; sort: number }> = [
  { code: 'rfm', name: 'RFM 客户价值', color: '#e6a23c', sort: 900 },
  { code: 'lifecycle', name: '生命周期', color: '#67c23a', sort: 901 },
  { code: 'spend', name: '消费等级', color: '#f56c6c', sort: 902 },
];

/** Every system tag, keyed by its stable code. */
export const SYSTEM_TAGS: readonly SystemTagDef[] = [
  ...RFM_GROUPS.map((g, i) => ({ code: `rfm:${g}`, group: 'rfm' as const, name: RFM_GROUP_NAMES[g].zh, color: '#e6a23c', sort: i })),
  ...LIFECYCLE_STAGES.map((s, i) => ({ code: `lifecycle:${s}`, group: 'lifecycle' as const, name: LIFECYCLE_STAGE_NAMES[s].zh, color: '#67c23a', sort: i })),
  ...SPEND_LEVELS.map((l, i) => ({ code: `spend:${l}`, group: 'spend' as const, name: SPEND_LEVEL_NAMES[l].zh, color: '#f56c6c', sort: i })),
];
