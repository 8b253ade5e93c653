import type { THealth } from '@koi/contracts';
import { formatDuration } from '@/utils/format';

type TTagType = 'success' | 'warning' | 'danger' | 'info';

export interface THealthRow {
  labelKey: string;
  value: string;
  /** Translated by the card when present (a message key rather than a literal value). */
  valueKey?: string;
  tag?: TTagType;
}

const DATABASE_KIND: Record<THealth['database']['kind'], string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** The rows of the health card: a schema over THealth, like the column schemas of the list pages. */
export function healthRows(health: THealth): THealthRow[] {
  const db = health.database;
  const redis = health.redis;
  return [
    {
      labelKey: 'dashboard.database',
      value: DATABASE_KIND[db.kind],
      tag: db.ok ? 'success' : 'danger',
    },
    { labelKey: 'dashboard.latency', value: `${db.latencyMs.toFixed(1)} ms`, tag: db.latencyMs > 100 ? 'warning' : undefined },
    {
      labelKey: 'dashboard.redis',
      value: '',
      valueKey: !redis.configured ? 'dashboard.redisOff' : redis.ok ? 'dashboard.redisOk' : 'dashboard.redisDown',
      tag: !redis.configured ? 'info' : redis.ok ? 'success' : 'danger',
    },
    { labelKey: 'dashboard.version', value: health.version },
    { labelKey: 'dashboard.uptime', value: formatDuration(health.uptimeSeconds) },
  ];
}

export function healthStatusKey(health: THealth | null): { key: string; tag: TTagType } {
  if (!health) return { key: 'dashboard.healthUnknown', tag: 'danger' };
  return health.status === 'ok'
    ? { key: 'dashboard.healthOk', tag: 'success' }
    : { key: 'dashboard.healthDegraded', tag: 'warning' };
}
