import { getLocale } from '@/i18n';

/** `2026-03-01T08:30:00Z` → `2026/03/01 16:30` in the operator's time zone and language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(getLocale(), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** 93784 → `1d 2h 3m` / `1天2小时3分`. */
export function formatDuration(seconds: number): string {
  const zh = getLocale() === 'zh-CN';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const parts: string[] = [];
  if (d) parts.push(zh ? `${d}天` : `${d}d`);
  if (h) parts.push(zh ? `${h}小时` : `${h}h`);
  if (m || parts.length === 0) parts.push(zh ? `${m}分钟` : `${m}m`);
  return parts.join(zh ? '' : ' ');
}

/** Job payloads are arbitrary JSON: show them compactly, never throw on a cycle. */
export function formatJson(value: unknown, indent = 0): string {
  try {
    return JSON.stringify(value, null, indent) ?? String(value);
  } catch {
    return String(value);
  }
}
